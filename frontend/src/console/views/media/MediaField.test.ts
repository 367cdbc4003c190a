import { createApp, h, nextTick, reactive, type App } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response => new Response(null, { status: 500 }), calls: [] as string[] }
  globalThis.fetch = ((req: Request) => {
    state.calls.push(`${req.method} ${new URL(req.url).pathname}${new URL(req.url).search}`)
    return Promise.resolve(state.handle(req))
  }) as typeof fetch
  return state
})
vi.mock('tus-js-client', async () => ({ Upload: (await import('./test-fakes')).FakeUpload }))
import MediaField from './MediaField.vue'
import type { AssetState } from './media'
import { fakeAsset, FakeEventSource, fakeStatus, resetPage } from './test-fakes'

let app: App | undefined
beforeAll(() => vi.stubGlobal('EventSource', FakeEventSource))
afterEach(() => {
  resetPage(app)
  server.calls = []
})

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}
const library = [fakeAsset({ id: 'r1', state: 'READY' }), fakeAsset({ id: 'p1', state: 'PROCESSING' }), fakeAsset({ id: 'f1', state: 'FAILED' })]

async function mount(form: { mediaAssetId: string; mediaName: string }, readonly = false) {
  server.handle = (req) => {
    const url = new URL(req.url)
    const path = url.pathname
    if (path === '/api/console/media') {
      // Filters by state as the server does.
      const states = url.searchParams.getAll('state') as AssetState[]
      const items = library.filter((a) => !states.length || states.includes(a.state))
      return json({ items, total: items.length, usedBytes: 0, quotaBytes: 0 })
    }
    const found = library.find((a) => path.endsWith(`/media/${a.id}`))
    return found ? json(found) : json({ status: 404, detail: '媒体文件不存在' }, 404)
  }
  const router = createRouter({ history: createMemoryHistory('/console/'), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] })
  const el = document.createElement('div')
  document.body.append(el)
  app = createApp({ render: () => h(MediaField, { form, kind: 'VIDEO', readonly }) }).use(router)
  app.mount(el)
  await flush()
  return el
}

const button = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)

describe('media field in the content editor', () => {
  it('chooses a ready or processing video from the library', async () => {
    const form = reactive({ mediaAssetId: '', mediaName: '' })
    const el = await mount(form)
    expect(el.textContent).toContain('尚未选择视频文件')
    button(el, '从媒体库选择')!.click()
    await flush()
    expect(server.calls).toContain('GET /api/console/media?kind=VIDEO&state=READY&state=PROCESSING&state=QUEUED&mine=false&page=0&size=100')
    const names = [...el.querySelectorAll('[data-testid=media-picker-list] li')].map((li) => li.querySelector('.picker-name')?.textContent)
    expect(names).toEqual(['r1.mp4', 'p1.mp4'])
    el.querySelector<HTMLButtonElement>('button[aria-label="选择“p1.mp4”"]')!.click()
    await flush()
    expect(form).toEqual({ mediaAssetId: 'p1', mediaName: 'p1.mp4' })
    expect(el.querySelector('[data-testid=current-media] a')?.getAttribute('href')).toBe('/console/media/p1')
    const [source] = FakeEventSource.open()
    expect(source.url).toContain('/media/p1/events')
    source.send(fakeStatus('PROCESSING', { id: 'p1', stage: '生成封面', percent: 80 }))
    await nextTick()
    expect(el.querySelector('[data-testid=asset-status]')?.textContent).toContain('生成封面 80%')

    button(el, '移除媒体文件')!.click()
    await flush()
    expect(form).toEqual({ mediaAssetId: '', mediaName: '' })
    expect(FakeEventSource.open()).toHaveLength(0)
  })

  it('shows a ready asset without opening a stream, and says when the asset is gone', async () => {
    const el = await mount(reactive({ mediaAssetId: 'r1', mediaName: '普法.mp4' }), true)
    expect(el.querySelector('[data-testid=asset-status]')?.textContent).toContain('可播放')
    expect(FakeEventSource.all).toHaveLength(0)
    expect(button(el, '从媒体库选择')).toBeUndefined()
    app?.unmount()
    const missing = await mount(reactive({ mediaAssetId: 'zz', mediaName: '旧文件.mp4' }), true)
    expect(missing.textContent).toContain('不存在或已被删除')
  })
})
