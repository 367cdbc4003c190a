import { createApp, h, nextTick, type App } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response | Promise<Response> => new Response(null, { status: 500 }), calls: [] as Request[] }
  globalThis.fetch = ((req: Request) => {
    state.calls.push(req.clone())
    return Promise.resolve(state.handle(req))
  }) as typeof fetch
  return state
})
import MediaDetail from './MediaDetail.vue'
import type { AssetView } from './media'
import { fakeAsset, FakeEventSource, fakeRendition, fakeStatus, resetPage } from './test-fakes'

let app: App | undefined
beforeAll(() => vi.stubGlobal('EventSource', FakeEventSource))
afterEach(() => {
  resetPage(app)
  server.calls = []
  vi.restoreAllMocks()
})

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } })
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}
const ready: AssetView = fakeAsset({
  id: 'a1', name: '民法典解读.mp4', size: 300 * 1024 * 1024, state: 'READY',
  source: { container: 'mov,mp4', videoCodec: 'h264', width: 1920, height: 1080, durationSeconds: 125, frameRate: 25, audioCodec: 'aac' },
  renditions: [fakeRendition('1080p', 1920, 1080, true), fakeRendition('720p', 1280, 720), fakeRendition('360p', 640, 360)],
  hlsUrl: '/media/assets/a1/r1/hls/master.m3u8', posterUrl: '/media/assets/a1/r1/poster.jpg', thumbnailsUrl: '/media/assets/a1/r1/thumbs.jpg',
  captions: [{ lang: 'zh', label: '中文字幕', url: '/media/assets/a1/captions/zh.vtt' }],
})

async function mount(respond: (req: Request) => Response) {
  server.handle = respond
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/media', component: { render: () => null } },
    { path: '/media/:id', component: MediaDetail },
  ] })
  await router.push('/media/a1')
  const el = document.createElement('div')
  document.body.append(el)
  app = createApp({ render: () => h(RouterView) }).use(router)
  app.mount(el)
  await flush()
  return { el, router }
}
const button = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)

describe('media detail', () => {
  it('shows renditions, HLS address, poster, thumbnails, captions and a 720p preview', async () => {
    const { el } = await mount(() => json(ready))
    const rows = [...el.querySelectorAll('[data-testid=renditions] tbody tr')].map((tr) => [...tr.children].slice(0, 6).map((c) => c.textContent))
    expect(rows[0]).toEqual(['1080p', '1920×1080', '103.0 MB', '4.3 Mbps', '2:05', '是'])
    expect(rows[2]).toEqual(['360p', '640×360', '34.3 MB', '1.4 Mbps', '2:05', '否'])
    expect(el.querySelector('[data-testid=preview-video]')?.getAttribute('src')).toBe('/media/assets/a1/r1/720p.mp4')
    expect(el.querySelector('track')?.getAttribute('srclang')).toBe('zh')
    expect(el.querySelector<HTMLInputElement>('[data-testid=hls-url]')?.value).toBe(`${location.origin}/media/assets/a1/r1/hls/master.m3u8`)
    expect(el.querySelector('.thumb-strip img')?.getAttribute('src')).toBe('/media/assets/a1/r1/thumbs.jpg')
    expect(el.querySelector('[data-testid=captions]')?.textContent).toContain('中文字幕')
    expect(el.textContent).toContain('1920×1080')
    expect(FakeEventSource.all).toHaveLength(0)
  })

  it('shows why deleting is refused while content uses the file', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const { el, router } = await mount((req) => req.method === 'DELETE'
      ? json({ status: 409, detail: '《民法典解读》正在使用这个文件，不能删除' }, 409) : json(ready))
    button(el, '删除')!.click()
    await flush()
    expect(el.querySelector('[role=alert]')?.textContent).toBe('《民法典解读》正在使用这个文件，不能删除')
    expect(router.currentRoute.value.path).toBe('/media/a1')
  })

  it('retranscodes and follows the new run', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const queued: AssetView = { ...ready, state: 'QUEUED', stateLabel: '排队等待处理', status: fakeStatus('QUEUED', { id: 'a1', queuePosition: 1 }) }
    const { el } = await mount((req) => (req.method === 'POST' ? json(queued) : json(ready)))
    button(el, '重新转码')!.click()
    await flush()
    expect(server.calls.some((c) => c.method === 'POST' && c.url.endsWith('/api/console/media/a1/retranscode'))).toBe(true)
    expect(el.querySelector('[data-testid=asset-status]')?.textContent).toContain('排队第 1 位')
    expect(FakeEventSource.open()).toHaveLength(1)
    expect(button(el, '重新转码')?.disabled).toBe(true)
  })

  it('uploads a caption file with language and label', async () => {
    const { el } = await mount((req) => (req.method === 'POST'
      ? json({ ...ready, captions: [...ready.captions, { lang: 'en', label: 'English', url: '/media/assets/a1/captions/en.vtt' }] })
      : json(ready)))
    const form = el.querySelector('form[aria-label=添加字幕]')!
    const inputs = form.querySelectorAll('input')
    Object.defineProperty(inputs[0], 'files', { value: [new File(['WEBVTT'], 'en.vtt', { type: 'text/vtt' })] })
    inputs[0].dispatchEvent(new Event('change'))
    inputs[1].value = 'en'
    inputs[1].dispatchEvent(new Event('input'))
    inputs[2].value = 'English'
    inputs[2].dispatchEvent(new Event('input'))
    form.dispatchEvent(new Event('submit'))
    await flush()
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(post.url).toContain('/api/console/media/a1/captions')
    const body = await post.formData()
    expect(body.get('lang')).toBe('en')
    expect(body.get('label')).toBe('English')
    // jsdom's File loses its name on the way through Node's Request; the browser keeps it.
    expect(await (body.get('file') as Blob).text()).toBe('WEBVTT')
    expect(el.querySelector('[data-testid=captions]')?.textContent).toContain('English')
  })
})
