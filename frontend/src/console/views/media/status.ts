import { formatTimeLeft } from './format'
import { eventsUrl, isFinal, type AssetStatus, type AssetView, type StatusEvent } from './media'

/** A person-readable line for one progress report, e.g. 「转码 720p 40%，剩余约 2 分 10 秒」. */
export function describeStatus(s: AssetStatus): string {
  const label = s.stateLabel
  switch (s.state) {
    case 'UPLOADING': return `${label} ${s.percent}%`
    case 'QUEUED': return s.queuePosition ? `${label}，排队第 ${s.queuePosition} 位` : label
    case 'PROCESSING': {
      const left = formatTimeLeft(s.etaSeconds)
      return `${s.stage || label} ${s.percent}%${left ? `，${left}` : ''}`
    }
    case 'FAILED':
    case 'REJECTED': return s.failure ? `${label}：${s.failure}` : label
    case 'DUPLICATE': return '已有完全相同的文件，将直接使用已有文件'
    default: return label
  }
}

/** An asset as listed, updated with a newer progress report. */
export function withStatus(view: AssetView, s: AssetStatus): AssetView {
  return { ...view, state: s.state, stateLabel: s.stateLabel, failure: s.failure, duplicateOf: s.duplicateOf, status: s }
}

/** Called with each report; with null when the stream failed for good (e.g. the asset is gone, or signed out). */
export type StatusListener = (status: AssetStatus | null) => void

interface Feed { listeners: Set<StatusListener>; source: EventSource | null; last?: AssetStatus }

// Browsers allow few connections per host over HTTP/1.1; a list full of processing videos must not use them all.
export const MAX_STREAMS = 3
const feeds = new Map<string, Feed>()
const waiting: string[] = []
let open = 0

function notify(feed: Feed, status: AssetStatus | null) {
  for (const listener of [...feed.listeners]) listener(status)
}

function close(id: string, feed: Feed) {
  if (feeds.get(id) !== feed) return
  feeds.delete(id)
  const queued = waiting.indexOf(id)
  if (queued >= 0) waiting.splice(queued, 1)
  if (!feed.source) return
  feed.source.close()
  feed.source = null
  open -= 1
  const next = waiting.shift()
  if (next !== undefined) connect(next)
}

function connect(id: string) {
  const feed = feeds.get(id)
  if (!feed) return
  if (open >= MAX_STREAMS) {
    waiting.push(id)
    return
  }
  open += 1
  const source = new EventSource(eventsUrl(id))
  feed.source = source
  source.addEventListener('status', (event) => {
    const status: AssetStatus = JSON.parse((event as MessageEvent<string>).data) as StatusEvent
    feed.last = status
    notify(feed, status)
    // Each listener got the final state; a later watch (e.g. after 重新转码) opens a fresh stream.
    if (isFinal(status.state)) close(id, feed)
  })
  // While the browser reconnects by itself readyState is CONNECTING; CLOSED means it gave up (404, 401…).
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      close(id, feed)
      notify(feed, null)
    }
  }
}

/** Follows one asset's processing, sharing one stream per asset; answers the function that stops following. */
export function watchStatus(id: string, listener: StatusListener): () => void {
  let feed = feeds.get(id)
  if (!feed) {
    feed = { listeners: new Set(), source: null }
    feeds.set(id, feed)
    feed.listeners.add(listener)
    connect(id)
  } else {
    feed.listeners.add(listener)
    if (feed.last) listener(feed.last)
  }
  const mine = feed
  return () => {
    mine.listeners.delete(listener)
    if (!mine.listeners.size) close(id, mine)
  }
}
