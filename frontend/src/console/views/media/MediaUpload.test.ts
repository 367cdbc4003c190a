import { createApp, h, nextTick, type App } from 'vue'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { settings: {} as Record<string, number> }
  globalThis.fetch = (() => Promise.resolve(new Response(JSON.stringify(state.settings),
    { headers: { 'Content-Type': 'application/json' } }))) as typeof fetch
  return state
})
vi.mock('tus-js-client', async () => ({ Upload: (await import('./test-fakes')).FakeUpload }))
import MediaUpload from './MediaUpload.vue'
import type { UploadSettings } from './media'
import { FakeEventSource, fakeStatus, FakeUpload, resetPage } from './test-fakes'

const MB = 1024 * 1024
let app: App | undefined
beforeAll(() => vi.stubGlobal('EventSource', FakeEventSource))
afterEach(() => {
  resetPage(app)
  FakeUpload.all = []
  vi.restoreAllMocks()
})

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}

async function mount(settings: Partial<UploadSettings> = {}) {
  server.settings = { partSize: 8 * MB, maxFileSize: 2048 * MB, maxImageSize: 10 * MB, quotaBytes: 4096 * MB, usedBytes: 0, ...settings }
  const events = { created: vi.fn(), done: vi.fn(), gone: vi.fn() }
  const el = document.createElement('div')
  document.body.append(el)
  app = createApp({ render: () => h(MediaUpload, { kind: 'VIDEO', onCreated: events.created, onDone: events.done, onGone: events.gone }) })
  app.mount(el)
  await flush()
  return { el, events }
}

async function choose(el: Element, name = '普法.mp4') {
  const input = el.querySelector<HTMLInputElement>('[data-testid=upload-file]')!
  expect(input.accept).toBe('video/*')
  Object.defineProperty(input, 'files', { value: [new File(['0123456789'], name, { type: 'video/mp4' })], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flush()
  return FakeUpload.last()
}

const button = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)
const text = (el: Element, id: string) => el.querySelector(`[data-testid=${id}]`)?.textContent?.trim() ?? ''

describe('media upload', () => {
  it('uploads in server-sized parts, shows progress, pauses and continues, then follows processing to ready', async () => {
    const { el, events } = await mount()
    const tus = await choose(el)
    expect(tus.options.chunkSize).toBe(8 * MB)
    expect(tus.started).toBe(1)
    tus.created('a1')
    expect(events.created).toHaveBeenCalledWith('a1', '普法.mp4')

    const now = vi.spyOn(Date, 'now').mockReturnValue(1000)
    tus.options.onProgress(0, 100 * MB)
    now.mockReturnValue(2000)
    tus.options.onProgress(10 * MB, 100 * MB)
    await nextTick()
    expect(el.querySelector<HTMLProgressElement>('[data-testid=upload-progress] progress')?.value).toBe(10)
    expect(text(el, 'upload-percent')).toBe('10%')
    expect(text(el, 'upload-speed')).toBe('10 MB/s')
    expect(text(el, 'upload-time-left')).toBe('剩余约 9 秒')

    button(el, '暂停')!.click()
    await flush()
    expect(tus.aborted).toEqual([false])
    expect(text(el, 'upload-speed')).toBe('')
    button(el, '继续')!.click()
    await flush()
    expect(tus.started).toBe(2)

    tus.options.onSuccess({ lastResponse: {} as never })
    await flush()
    const [source] = FakeEventSource.open()
    expect(source.url).toContain('/api/console/media/a1/events')
    source.send(fakeStatus('QUEUED', { id: 'a1', queuePosition: 2 }))
    await nextTick()
    expect(text(el, 'upload-status')).toContain('排队第 2 位')
    source.send(fakeStatus('PROCESSING', { id: 'a1', stage: '转码 720p', percent: 40, etaSeconds: 130 }))
    await nextTick()
    expect(text(el, 'upload-status')).toContain('转码 720p 40%，剩余约 2 分 10 秒')
    source.send(fakeStatus('READY', { id: 'a1' }))
    await nextTick()
    expect(events.done).toHaveBeenCalledWith('a1')
    expect(text(el, 'upload-status')).toContain('已处理完成')
  })

  it('switches to the identical file already in the library', async () => {
    const { el, events } = await mount()
    const tus = await choose(el)
    tus.created('a2')
    tus.options.onSuccess({ lastResponse: {} as never })
    await flush()
    FakeEventSource.open()[0].send(fakeStatus('DUPLICATE', { id: 'a2', duplicateOf: 'a0' }))
    await flush()
    expect(events.created).toHaveBeenLastCalledWith('a0', '普法.mp4')
    expect(text(el, 'upload-status')).toContain('已有完全相同的文件')
    const [next] = FakeEventSource.open()
    expect(next.url).toContain('/media/a0/events')
    next.send(fakeStatus('READY', { id: 'a0' }))
    await nextTick()
    expect(events.done).toHaveBeenCalledWith('a0')
  })

  it('refuses a file over the quota left before uploading', async () => {
    const { el } = await mount({ quotaBytes: 100, usedBytes: 95 })
    const tus = await choose(el)
    expect(tus.started).toBe(0)
    expect(text(el, 'upload-error')).toContain('超出个人存储配额')
  })

  it("shows the server's reason when it refuses the file, and lets go of the asset", async () => {
    const { el, events } = await mount()
    const tus = await choose(el)
    tus.created('a3')
    tus.rejected(415, '“普法.mp4”不是视频文件')
    await nextTick()
    expect(text(el, 'upload-error')).toBe('“普法.mp4”不是视频文件')
    expect(events.gone).toHaveBeenCalledWith('a3')
    expect(button(el, '继续')).toBeUndefined()
    expect(el.querySelector('[data-testid=upload-file]')).not.toBeNull()
  })

  it('tells why processing rejected the file', async () => {
    const { el, events } = await mount()
    const tus = await choose(el)
    tus.created('a4')
    tus.options.onSuccess({ lastResponse: {} as never })
    await flush()
    FakeEventSource.open()[0].send(fakeStatus('REJECTED', { id: 'a4', failure: '文件中没有视频画面' }))
    await nextTick()
    expect(text(el, 'upload-error')).toBe('文件中没有视频画面')
    expect(events.gone).toHaveBeenCalledWith('a4')
  })

  it('cancelling removes the upload from the server', async () => {
    const { el, events } = await mount()
    const tus = await choose(el)
    tus.created('a5')
    button(el, '取消')!.click()
    await flush()
    expect(tus.aborted).toEqual([true])
    expect(events.gone).toHaveBeenCalledWith('a5')
    expect(text(el, 'upload-status')).toContain('已取消上传')
  })
})
