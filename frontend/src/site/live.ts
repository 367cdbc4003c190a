// Live results on the debate contest's pages: the server sends the contest's revision over server-sent events
// whenever an editor changes something; the page then fetches itself again and swaps in the live region, so what
// arrives is the same server-rendered HTML a reload would give (and works the same without scripts, on reload).

export interface LiveOptions {
  fetchPage?: (url: string) => Promise<string>
  openStream?: (url: string) => EventSource
  now?: () => Date
  pause?: () => Promise<void>
}

const REGION = '[data-live-region]'
const RETRY_MS = 5000

export function shanghaiTime(date: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(date)
}

/** Swaps the region's content for the one in {@code html}; answers false when the fetched page has none. */
export function replaceRegion(doc: Document, html: string): boolean {
  const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector<HTMLElement>(REGION)
  const current = doc.querySelector<HTMLElement>(REGION)
  if (!fresh || !current) return false
  // Keep open the ballot tables a reader has expanded.
  const open = new Set(Array.from(current.querySelectorAll<HTMLElement>('[data-match] details[open]'))
    .map((d) => d.closest<HTMLElement>('[data-match]')!.dataset.match))
  current.innerHTML = fresh.innerHTML
  current.dataset.liveRevision = fresh.dataset.liveRevision ?? current.dataset.liveRevision
  current.querySelectorAll<HTMLElement>('[data-match]').forEach((match) => {
    if (open.has(match.dataset.match)) match.querySelector('details')?.setAttribute('open', '')
  })
  return true
}

export function enhanceLive(doc: Document, options: LiveOptions = {}): EventSource | null {
  const region = doc.querySelector<HTMLElement>(REGION)
  const url = region?.dataset.liveUrl
  if (!region || !url || typeof EventSource === 'undefined' && !options.openStream) return null
  const fetchPage = options.fetchPage ?? (async (page: string) => {
    const response = await fetch(page, { headers: { Accept: 'text/html' }, cache: 'no-cache' })
    if (!response.ok) throw new Error(String(response.status))
    return response.text()
  })
  const status = doc.querySelector<HTMLElement>('[data-live-status]')
  const now = options.now ?? (() => new Date())
  const stream = options.openStream ? options.openStream(url) : new EventSource(url)
  let shown = Number(region.dataset.liveRevision ?? '0')
  let wanted = shown
  let loading = false

  // Everyone watching gets the event at once; a short random pause spreads their page loads.
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 1500)))

  async function refresh(): Promise<void> {
    loading = true
    try {
      await pause()
      while (wanted > shown) {
        const target = wanted
        if (replaceRegion(doc, await fetchPage(doc.location.href))) {
          shown = Math.max(target, Number(doc.querySelector<HTMLElement>(REGION)?.dataset.liveRevision ?? '0'))
          if (status) status.textContent = `比赛信息已于 ${shanghaiTime(now())} 更新`
        } else {
          shown = target
        }
      }
    } catch {
      // Tried again a little later, or on the next event (a reconnecting stream sends the current revision).
      setTimeout(() => { if (!loading && wanted > shown) void refresh() }, RETRY_MS)
    } finally {
      loading = false
    }
  }

  stream.addEventListener('changed', (event) => {
    const revision = Number((event as MessageEvent<string>).data)
    if (!Number.isFinite(revision) || revision <= shown) return
    wanted = Math.max(wanted, revision)
    if (!loading) void refresh()
  })
  return stream
}
