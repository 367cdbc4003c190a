import type { PreviousUpload, UploadOptions } from 'tus-js-client'
import type { AssetState, AssetStatus, AssetView, RenditionView } from './media'

/** The labels the server gives each state. */
export const STATE_LABELS: Record<AssetState, string> = { UPLOADING: '上传中', QUEUED: '排队等待处理', PROCESSING: '处理中',
  READY: '可播放', FAILED: '处理失败', DUPLICATE: '与已有文件相同', REMOVING: '正在删除', REJECTED: '已拒收' }

/** A progress report as the server words it: the stage is the state label unless processing says more, ready is 100%. */
export function fakeStatus(state: AssetState, more: Partial<AssetStatus> = {}): AssetStatus {
  const stateLabel = more.stateLabel ?? STATE_LABELS[state]
  return { id: 'a1', state, stateLabel, stage: stateLabel, percent: state === 'READY' ? 100 : 0, ...more }
}

/** A complete asset; its status follows the id, state and label unless given. */
export function fakeAsset(more: Partial<AssetView> = {}): AssetView {
  const id = more.id ?? 'a1'
  const state = more.state ?? 'READY'
  const stateLabel = more.stateLabel ?? STATE_LABELS[state]
  return {
    id, kind: 'VIDEO', name: `${id}.mp4`, size: 0, ownerName: '张编辑', state, stateLabel,
    status: fakeStatus(state, { id, stateLabel, failure: more.failure, duplicateOf: more.duplicateOf }),
    renditions: [], captions: [], createdAt: '2025-03-01T02:00:00Z', updatedAt: '2025-03-01T02:00:00Z', ...more,
  }
}

/** One MP4 rendition of asset a1 (about 100 kB and 4 kbit/s per line of height, 125 seconds). */
export function fakeRendition(label: string, width: number, height: number, streamCopy = false): RenditionView {
  return { label, width, height, url: `/media/assets/a1/r1/${label}.mp4`, size: height * 100_000, bitrate: height * 4000,
    durationSeconds: 125, streamCopy }
}

/** Stands in for the browser's EventSource in jsdom, which has none. */
export class FakeEventSource {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2
  static all: FakeEventSource[] = []
  readyState = FakeEventSource.CONNECTING
  onerror: ((event: Event) => void) | null = null
  private listeners: ((event: MessageEvent<string>) => void)[] = []

  constructor(readonly url: string) {
    FakeEventSource.all.push(this)
  }

  static open(): FakeEventSource[] {
    return FakeEventSource.all.filter((s) => s.readyState !== FakeEventSource.CLOSED)
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    if (type === 'status') this.listeners.push(listener)
  }

  close() {
    this.readyState = FakeEventSource.CLOSED
  }

  send(status: AssetStatus) {
    this.readyState = FakeEventSource.OPEN
    for (const l of this.listeners) l(new MessageEvent('status', { data: JSON.stringify(status) }))
  }

  fail() {
    this.readyState = FakeEventSource.CLOSED
    this.onerror?.(new Event('error'))
  }
}

type Handler<K extends keyof UploadOptions> = NonNullable<UploadOptions[K]>
type Options = UploadOptions & { onProgress: Handler<'onProgress'>; onSuccess: Handler<'onSuccess'>; onError: Handler<'onError'> }

/** Stands in for tus-js-client's Upload: records what the code asked for and lets the test play the server. */
export class FakeUpload {
  static all: FakeUpload[] = []
  static previous: PreviousUpload[] = []
  url: string | null = null
  started = 0
  aborted: boolean[] = []
  resumedFrom: PreviousUpload | null = null

  constructor(readonly file: File, readonly options: Options) {
    FakeUpload.all.push(this)
  }

  static last(): FakeUpload {
    return FakeUpload.all[FakeUpload.all.length - 1]
  }

  findPreviousUploads() {
    return Promise.resolve(FakeUpload.previous)
  }

  resumeFromPreviousUpload(previous: PreviousUpload) {
    this.resumedFrom = previous
    this.url = previous.uploadUrl
  }

  start() {
    this.started += 1
  }

  abort(terminate?: boolean) {
    this.aborted.push(!!terminate)
    return Promise.resolve()
  }

  /** The creation response: Location and the asset id header. */
  created(id: string) {
    this.url = `http://localhost/api/console/media/uploads/${id}`
    const res = { getStatus: () => 201, getBody: () => '', getUnderlyingObject: () => null,
      getHeader: (h: string) => (h === 'Fasheng-Asset-Id' ? id : undefined) }
    void this.options.onAfterResponse?.({} as never, res)
    this.options.onUploadUrlAvailable?.()
  }

  rejected(status: number, detail: string) {
    const response = { getStatus: () => status, getBody: () => JSON.stringify({ status, detail }), getHeader: () => undefined, getUnderlyingObject: () => null }
    this.options.onError(Object.assign(new Error('tus: unexpected response'), { originalRequest: {}, originalResponse: response, causingError: null }) as never)
  }
}

/** After each component test: unmount, empty the page, end every open event stream. */
export function resetPage(app: { unmount(): void } | undefined) {
  app?.unmount()
  document.body.innerHTML = ''
  for (const s of FakeEventSource.open()) s.send(fakeStatus('READY'))
  FakeEventSource.all = []
}
