import { createApp, h, nextTick, type App } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response => new Response(null, { status: 500 }), calls: [] as string[] }
  globalThis.fetch = ((req: Request) => {
    const url = new URL(req.url)
    state.calls.push(`${req.method} ${url.pathname}${url.search}`)
    return Promise.resolve(state.handle(req))
  }) as typeof fetch
  return state
})
vi.mock('tus-js-client', async () => ({ Upload: (await import('./test-fakes')).FakeUpload }))
import MediaLibrary from './MediaLibrary.vue'
import type { AssetView } from './media'
import { fakeAsset, FakeEventSource, fakeStatus, resetPage } from './test-fakes'

let app: App | undefined
beforeAll(() => vi.stubGlobal('EventSource', FakeEventSource))
afterEach(() => {
  resetPage(app)
  server.calls = []
})

const MB = 1024 * 1024
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}
const processing: AssetView = fakeAsset({ id: 'p1', name: '庭审.mp4', size: 80 * MB, state: 'PROCESSING',
  status: fakeStatus('PROCESSING', { id: 'p1', stage: '转码 720p', percent: 10 }) })
const ready: AssetView = fakeAsset({ id: 'r1', kind: 'ANIMATION', name: '动画.gif', size: 2 * MB, state: 'READY',
  posterUrl: '/media/r1.jpg', source: { width: 640, height: 360, durationSeconds: 12 } })

describe('media library', () => {
  it('lists assets with usage, follows those in progress and filters through the address', async () => {
    server.handle = (req) => {
      const path = new URL(req.url).pathname
      if (path.endsWith('/media/p1')) return json(fakeAsset({ ...processing, state: 'READY', stateLabel: '可播放', status: fakeStatus('READY', { id: 'p1' }),
        source: { width: 1280, height: 720, durationSeconds: 95 } }))
      return json({ items: [processing, ready], total: 2, usedBytes: 82 * MB, quotaBytes: 1024 * MB })
    }
    const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/media', component: MediaLibrary }, { path: '/media/:id', component: { render: () => null } }] })
    await router.push('/media')
    const el = document.createElement('div')
    document.body.append(el)
    app = createApp({ render: () => h(RouterView) }).use(router)
    app.mount(el)
    await flush()

    expect(el.querySelector('[data-testid=media-usage]')?.textContent).toContain('已用 82.0 MB / 配额 1.0 GB')
    const row = (id: string) => el.querySelector(`tr[data-asset-id=${id}]`)!
    expect(row('r1').textContent).toContain('0:12')
    expect(row('r1').textContent).toContain('640×360')
    expect(row('p1').textContent).toContain('转码 720p 10%')
    const [source] = FakeEventSource.open()
    expect(source.url).toContain('/media/p1/events')
    source.send(fakeStatus('PROCESSING', { id: 'p1', stage: '转码 720p', percent: 60 }))
    await nextTick()
    expect(row('p1').textContent).toContain('转码 720p 60%')
    source.send(fakeStatus('READY', { id: 'p1' }))
    await flush()
    expect(server.calls).toContain('GET /api/console/media/p1')
    expect(row('p1').textContent).toContain('1280×720')

    const kind = el.querySelector<HTMLSelectElement>('form[aria-label=筛选媒体] select')!
    kind.value = 'ANIMATION'
    kind.dispatchEvent(new Event('change'))
    await flush()
    expect(router.currentRoute.value.fullPath).toBe('/media?kind=ANIMATION')
    expect(server.calls[server.calls.length - 1]).toBe('GET /api/console/media?kind=ANIMATION&mine=false&page=0&size=20')
  })
})
