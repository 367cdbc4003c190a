import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AssetStatus } from './media'
import { describeStatus, MAX_STREAMS, watchStatus, withStatus } from './status'
import { fakeAsset, FakeEventSource, fakeStatus as st } from './test-fakes'

beforeAll(() => vi.stubGlobal('EventSource', FakeEventSource))
afterEach(() => {
  for (const s of FakeEventSource.open()) s.send(st('READY'))
  FakeEventSource.all = []
})

describe('status wording', () => {
  it('says the stage, percent, time left and queue position', () => {
    expect(describeStatus(st('QUEUED', { queuePosition: 3 }))).toBe('排队等待处理，排队第 3 位')
    expect(describeStatus(st('PROCESSING', { stage: '转码 720p', percent: 40, etaSeconds: 130 }))).toBe('转码 720p 40%，剩余约 2 分 10 秒')
    expect(describeStatus(st('PROCESSING', { percent: 5 }))).toBe('处理中 5%')
    expect(describeStatus(st('UPLOADING', { percent: 12 }))).toBe('上传中 12%')
    expect(describeStatus(st('REJECTED', { failure: '文件不是视频' }))).toBe('已拒收：文件不是视频')
    expect(describeStatus(st('FAILED', { failure: '解码出错' }))).toBe('处理失败：解码出错')
    expect(describeStatus(st('READY'))).toBe('可播放')
    expect(describeStatus(st('DUPLICATE', { duplicateOf: 'a0' }))).toContain('已有')
  })

  it('updates a listed asset with a newer report', () => {
    const next = withStatus(fakeAsset({ name: 'x.mp4', state: 'QUEUED' }), st('FAILED', { failure: '坏了' }))
    expect(next).toMatchObject({ name: 'x.mp4', state: 'FAILED', stateLabel: '处理失败', failure: '坏了' })
  })
})

const idOf = (s: FakeEventSource) => s.url.split('/').slice(-2)[0]

describe('status streams', () => {
  it('shares one stream per asset and closes it at the final state', () => {
    document.documentElement.dataset.base = '/fsay'
    const a: (AssetStatus | null)[] = []
    const b: (AssetStatus | null)[] = []
    watchStatus('a1', (s) => a.push(s))
    const [source] = FakeEventSource.all
    expect(source.url).toBe(`${location.origin}/fsay/api/console/media/a1/events`)
    source.send(st('PROCESSING', { percent: 10 }))
    watchStatus('a1', (s) => b.push(s))
    expect(FakeEventSource.all).toHaveLength(1)
    expect(b).toEqual([st('PROCESSING', { percent: 10 })])
    source.send(st('READY'))
    expect(source.readyState).toBe(FakeEventSource.CLOSED)
    expect(a.map((s) => s?.state)).toEqual(['PROCESSING', 'READY'])
    expect(b.map((s) => s?.state)).toEqual(['PROCESSING', 'READY'])
    watchStatus('a1', () => {})
    expect(FakeEventSource.all).toHaveLength(2)
    delete document.documentElement.dataset.base
  })

  it('closes the stream when nobody follows any more', () => {
    const stop1 = watchStatus('a2', () => {})
    const stop2 = watchStatus('a2', () => {})
    stop1()
    expect(FakeEventSource.open()).toHaveLength(1)
    stop2()
    expect(FakeEventSource.open()).toHaveLength(0)
  })

  it('reports a stream that failed for good, but not a reconnect', () => {
    const seen: (AssetStatus | null)[] = []
    watchStatus('gone', (s) => seen.push(s))
    const [source] = FakeEventSource.all
    source.readyState = FakeEventSource.CONNECTING
    source.onerror?.(new Event('error'))
    expect(seen).toEqual([])
    source.fail()
    expect(seen).toEqual([null])
  })

  it('opens at most a few streams at once and starts waiting ones as others finish', () => {
    const stops = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => watchStatus(id, () => {}))
    expect(FakeEventSource.open().map((s) => idOf(s))).toEqual(['q1', 'q2', 'q3'].slice(0, MAX_STREAMS))
    FakeEventSource.all[0].send(st('READY'))
    expect(FakeEventSource.open().map((s) => idOf(s))).toEqual(['q2', 'q3', 'q4'])
    stops[4]()
    stops[1]()
    expect(FakeEventSource.open().map((s) => idOf(s))).toEqual(['q3', 'q4'])
    stops.forEach((stop) => stop())
    expect(FakeEventSource.open()).toHaveLength(0)
  })
})
