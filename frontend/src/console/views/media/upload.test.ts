import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PreviousUpload } from 'tus-js-client'

vi.mock('tus-js-client', async () => ({ Upload: (await import('./test-fakes')).FakeUpload }))
import { FakeUpload } from './test-fakes'
import { assetIdOf, createMediaUpload, describeFailure, latestPrevious, measureSpeed, precheck, secondsLeft } from './upload'

const MB = 1024 * 1024
const settings = { partSize: 8 * MB, maxFileSize: 2048 * MB, maxImageSize: 10 * MB, quotaBytes: 1024 * MB, usedBytes: 1000 * MB }
const previous = (url: string, creationTime: string, kind = 'VIDEO'): PreviousUpload =>
  ({ size: 1, metadata: { filename: 'a.mp4', kind }, creationTime, urlStorageKey: url, uploadUrl: url, parallelUploadUrls: null })

afterEach(() => {
  FakeUpload.all = []
  FakeUpload.previous = []
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  delete document.documentElement.dataset.base
})

describe('upload pre-checks', () => {
  it('refuses empty files, files over the limit and files over the quota left', () => {
    expect(precheck({ name: 'a.mp4', size: 0 }, settings, false)).toContain('空文件')
    expect(precheck({ name: 'a.mp4', size: 3000 * MB }, settings, false)).toBe('文件不能超过 2.0 GB（“a.mp4”有 2.9 GB）')
    expect(precheck({ name: 'a.mp4', size: 30 * MB }, settings, false))
      .toBe('超出个人存储配额：已用 1000.0 MB，配额 1.0 GB，本文件 30.0 MB。请删除不用的媒体文件或联系管理员')
    expect(precheck({ name: 'a.mp4', size: 24 * MB }, settings, false)).toBe('')
  })

  it('does not count a resumed upload twice against the quota', () => {
    expect(precheck({ name: 'a.mp4', size: 30 * MB }, settings, true)).toBe('')
  })
})

describe('upload speed', () => {
  it('smooths the rate and ignores samples that come too close together', () => {
    let s = measureSpeed(null, 0, 0)
    expect(s.rate).toBe(0)
    s = measureSpeed(s, 10 * MB, 1000)
    expect(s.rate).toBe(10 * MB)
    expect(measureSpeed(s, 11 * MB, 1100)).toBe(s)
    s = measureSpeed(s, 12 * MB, 2000)
    expect(s.rate).toBeCloseTo(0.3 * 2 * MB + 0.7 * 10 * MB)
  })

  it('takes a new baseline when the offset goes back (resuming from the last stored part)', () => {
    const s = measureSpeed({ bytes: 40 * MB, at: 1000, rate: 5 * MB }, 32 * MB, 2000)
    expect(s).toEqual({ bytes: 32 * MB, at: 2000, rate: 5 * MB })
  })

  it('estimates seconds left only once there is a rate', () => {
    expect(secondsLeft(10, 110, 0)).toBeUndefined()
    expect(secondsLeft(10, 110, 50)).toBe(2)
  })
})

describe('resuming and errors', () => {
  it('picks the most recent earlier attempt of the same kind', () => {
    const list = [previous('/u/1', '2025-01-01T10:00:00Z'), previous('/u/2', '2025-01-02T10:00:00Z'),
      previous('/u/3', '2025-01-03T10:00:00Z', 'ANIMATION')]
    expect(latestPrevious(list, 'VIDEO')?.uploadUrl).toBe('/u/2')
    expect(latestPrevious(list, 'ANIMATION')?.uploadUrl).toBe('/u/3')
    expect(latestPrevious([], 'VIDEO')).toBeUndefined()
  })

  it('reads the asset id from the upload address', () => {
    expect(assetIdOf('https://x.cn/fsay/api/console/media/uploads/abc123')).toBe('abc123')
    expect(assetIdOf('/api/console/media/uploads/abc123/?x=1')).toBe('abc123')
    expect(assetIdOf(null)).toBe('')
  })

  it('shows the server detail and tells network trouble apart', () => {
    const res = (status: number, body: string) => ({ getStatus: () => status, getBody: () => body, getHeader: () => undefined, getUnderlyingObject: () => null })
    const err = (status: number, body: string) =>
      Object.assign(new Error('tus'), { originalRequest: {}, originalResponse: res(status, body), causingError: null }) as never
    expect(describeFailure(err(415, JSON.stringify({ detail: '这不是视频文件' })))).toEqual({ message: '这不是视频文件', retryable: false })
    expect(describeFailure(err(503, 'oops'))).toEqual({ message: '上传失败（503），请稍后点击“继续”重试', retryable: true })
    expect(describeFailure(err(401, '')).message).toContain('重新登录')
    expect(describeFailure(new Error('tus: failed to upload chunk'))).toMatchObject({ retryable: true })
  })
})

describe('tus upload', () => {
  it('uploads in parts of the server part size with the CSRF header, and resumes the latest attempt', async () => {
    const events = { onAsset: vi.fn(), onProgress: vi.fn(), onSuccess: vi.fn(), onError: vi.fn() }
    FakeUpload.previous = [previous('http://localhost/api/console/media/uploads/old', '2025-01-01T10:00:00Z')]
    const file = new File(['x'.repeat(10)], '普法.mp4', { type: 'video/mp4' })
    document.documentElement.dataset.base = '/fsay'
    const upload = createMediaUpload(file, 'VIDEO', 8 * MB, events)
    const tus = FakeUpload.last()
    expect(tus.options).toMatchObject({
      endpoint: `${location.origin}/fsay/api/console/media/uploads`, chunkSize: 8 * MB, retryDelays: [0, 1000, 3000, 5000, 10000],
      storeFingerprintForResuming: true, removeFingerprintOnSuccess: true, metadata: { filename: '普法.mp4', kind: 'VIDEO' },
    })
    expect(await upload.prepare()).toBe(true)
    expect(tus.resumedFrom?.uploadUrl).toContain('/old')

    document.cookie = 'XSRF-TOKEN=token-2'
    const headers: Record<string, string> = {}
    await tus.options.onBeforeRequest?.({ setHeader: (k: string, v: string) => { headers[k] = v } } as never)
    expect(headers['X-XSRF-TOKEN']).toBe('token-2')

    upload.start()
    tus.created('a1')
    expect(events.onAsset).toHaveBeenCalledTimes(1)
    expect(events.onAsset).toHaveBeenCalledWith('a1')
    tus.options.onSuccess({ lastResponse: {} as never })
    expect(events.onSuccess).toHaveBeenCalledWith('a1')
    await upload.cancel()
    expect(tus.aborted).toEqual([true])
  })
})
