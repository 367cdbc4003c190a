// Counting for the reach statistics: one report per page view and per play milestone, sent to the site itself.
// No cookie is set and nothing identifies the reader; the server keeps only per-page daily totals.

export type ReachEvent =
  | { event: 'view' | 'play'; target: string; id: string }
  | { event: 'progress'; target: string; id: string; percent: 25 | 50 | 75 | 100 }

export const MILESTONES = [25, 50, 75] as const

export function reachUrl(doc: Document): string {
  return `${doc.documentElement.dataset.base ?? ''}/api/public/reach`
}

export function sendReach(doc: Document, event: ReachEvent): void {
  const url = reachUrl(doc)
  const body = JSON.stringify(event)
  const nav = doc.defaultView?.navigator
  try {
    // A beacon survives the page being closed right after a video ends.
    if (nav?.sendBeacon?.(url, new Blob([body], { type: 'application/json' }))) return
  } catch {
    // Some WebViews refuse beacons with a JSON body; fall back to fetch.
  }
  void fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive: true, credentials: 'omit' })
    .catch(() => undefined)
}

/** The milestones reached at this point of the video that were not reported yet. */
export function reached(currentTime: number, duration: number, sent: Set<number>): number[] {
  if (!Number.isFinite(duration) || duration <= 0) return []
  const percent = (currentTime / duration) * 100
  return MILESTONES.filter((m) => percent >= m && !sent.has(m))
}

function trackVideo(doc: Document, video: HTMLVideoElement, target: string, id: string): void {
  const sent = new Set<number>()
  let started = false
  const progress = (percent: 25 | 50 | 75 | 100) => {
    sent.add(percent)
    sendReach(doc, { event: 'progress', target, id, percent })
  }
  video.addEventListener('play', () => {
    if (started) return
    started = true
    sendReach(doc, { event: 'play', target, id })
  })
  video.addEventListener('timeupdate', () => {
    reached(video.currentTime, video.duration, sent).forEach((m) => progress(m as 25 | 50 | 75))
  })
  video.addEventListener('ended', () => {
    reached(video.duration, video.duration, sent).forEach((m) => progress(m as 25 | 50 | 75))
    if (!sent.has(100)) progress(100)
  })
}

export function enhanceReach(doc: Document): void {
  const page = doc.querySelector<HTMLElement>('[data-reach-target][data-reach-id]')
  if (!page) return
  const target = page.dataset.reachTarget!
  const id = page.dataset.reachId!
  // A page opened in a background tab or prerendered is counted when someone actually looks at it.
  const view = () => sendReach(doc, { event: 'view', target, id })
  if (doc.visibilityState === 'visible') view()
  else {
    const onVisible = () => {
      if (doc.visibilityState !== 'visible') return
      doc.removeEventListener('visibilitychange', onVisible)
      view()
    }
    doc.addEventListener('visibilitychange', onVisible)
  }
  page.querySelectorAll<HTMLVideoElement>('video:not([data-animation])').forEach((video) => trackVideo(doc, video, target, id))
}
