import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enhanceReach, reached } from './reach'

type Sent = { url: string; body: Record<string, unknown> }
type Beacon = { url: string; data: Blob }

// jsdom's Blob has no text().
const text = (blob: Blob) => new Promise<string>((resolve) => {
  const reader = new FileReader()
  reader.onload = () => resolve(String(reader.result))
  reader.readAsText(blob)
})

function page(html: string): void {
  document.documentElement.dataset.base = '/fsay'
  document.body.innerHTML = html
}

describe('reach counting on public pages', () => {
  let beacons: Beacon[]
  let sent: Sent[]

  beforeEach(() => {
    beacons = []
    sent = []
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: (url: string, data: Blob) => beacons.push({ url, data }) > 0,
    })
  })

  afterEach(() => {
    Reflect.deleteProperty(navigator, 'sendBeacon')
    vi.restoreAllMocks()
  })

  const flush = async () => {
    sent = await Promise.all(beacons.map(async (b) => ({ url: b.url, body: JSON.parse(await text(b.data)) })))
  }

  it('reports one view of the page under the base path, with no cookie written', async () => {
    page('<main data-reach-target="content" data-reach-id="abc123"><p>正文</p></main>')
    const cookies = document.cookie
    enhanceReach(document)
    await flush()
    expect(sent).toEqual([{ url: '/fsay/api/public/reach', body: { event: 'view', target: 'content', id: 'abc123' } }])
    expect(beacons[0].data.type).toBe('application/json')
    expect(document.cookie).toBe(cookies)
  })

  it('reports nothing on pages that are not counted (lists, previews)', async () => {
    page('<main><p>列表</p></main>')
    enhanceReach(document)
    await flush()
    expect(sent).toEqual([])
  })

  it('waits until a background tab is looked at', async () => {
    page('<main data-reach-target="site" data-reach-id="s1"></main>')
    const state = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    enhanceReach(document)
    await flush()
    expect(sent).toEqual([])
    state.mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    await flush()
    expect(sent.map((s) => s.body.event)).toEqual(['view'])
  })

  it('reports a play once and each milestone once, animations not at all', async () => {
    page(`<main data-reach-target="content" data-reach-id="v1">
      <video id="v"></video><video id="a" data-animation></video></main>`)
    enhanceReach(document)
    const video = document.getElementById('v') as HTMLVideoElement
    Object.defineProperty(video, 'duration', { value: 100 })
    let time = 0
    Object.defineProperty(video, 'currentTime', { get: () => time })
    const at = (t: number, type = 'timeupdate') => {
      time = t
      video.dispatchEvent(new Event(type))
    }
    video.dispatchEvent(new Event('play'))
    at(10)
    at(26)
    at(27)
    video.dispatchEvent(new Event('play'))
    at(80)
    at(100, 'ended')
    document.getElementById('a')!.dispatchEvent(new Event('play'))
    await flush()
    expect(sent.map((s) => [s.body.event, s.body.percent])).toEqual([
      ['view', undefined], ['play', undefined], ['progress', 25], ['progress', 50], ['progress', 75], ['progress', 100],
    ])
  })

  it('falls back to fetch when beacons are refused', async () => {
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: () => false })
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status: 204 }))
    page('<main data-reach-target="contest" data-reach-id="c1"></main>')
    enhanceReach(document)
    expect(fetch).toHaveBeenCalledWith('/fsay/api/public/reach', expect.objectContaining({
      method: 'POST', credentials: 'omit', keepalive: true, body: JSON.stringify({ event: 'view', target: 'contest', id: 'c1' }),
    }))
  })

  it('knows which milestones a position has passed', () => {
    expect(reached(60, 100, new Set([25]))).toEqual([50])
    expect(reached(5, Number.NaN, new Set())).toEqual([])
  })
})
