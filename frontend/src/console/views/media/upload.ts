import { Upload, type DetailedError, type PreviousUpload } from 'tus-js-client'
import { readCookie, type Problem } from '../../api/client'
import { formatBytes } from './format'
import { uploadEndpoint, type AssetKind, type UploadSettings } from './media'

/** Checked again by the server; this only spares a doomed upload. */
export function precheck(file: { name: string; size: number }, settings: UploadSettings, resuming: boolean): string {
  const { maxFileSize: max, usedBytes: used, quotaBytes: quota } = settings
  if (file.size <= 0) return `“${file.name}”是空文件，没有可上传的内容`
  if (file.size > max) return `文件不能超过 ${formatBytes(max)}（“${file.name}”有 ${formatBytes(file.size)}）`
  // A resumed upload already counts towards the space used.
  if (!resuming && used + file.size > quota) {
    return `超出个人存储配额：已用 ${formatBytes(used)}，配额 ${formatBytes(quota)}，本文件 ${formatBytes(file.size)}。请删除不用的媒体文件或联系管理员`
  }
  return ''
}

export interface Speed { bytes: number; at: number; rate: number }

/** Exponentially smoothed bytes per second; samples closer than minGap ms are skipped so bursts do not spike it. */
export function measureSpeed(prev: Speed | null, bytes: number, at: number, alpha = 0.3, minGap = 500): Speed {
  if (!prev || bytes < prev.bytes) return { bytes, at, rate: prev?.rate ?? 0 }
  const gap = at - prev.at
  if (gap < minGap) return prev
  const now = ((bytes - prev.bytes) * 1000) / gap
  return { bytes, at, rate: prev.rate > 0 ? alpha * now + (1 - alpha) * prev.rate : now }
}

export function secondsLeft(sent: number, total: number, rate: number): number | undefined {
  return rate > 0 && total >= sent ? (total - sent) / rate : undefined
}

/** The most recent earlier attempt at the same file and kind. */
export function latestPrevious(previous: readonly PreviousUpload[], kind: AssetKind): PreviousUpload | undefined {
  return previous
    .filter((p) => p.uploadUrl && (p.metadata?.kind ?? 'VIDEO') === kind)
    .sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime))[0]
}

export const assetIdOf = (url: string | null | undefined): string => (url ? url.split(/[?#]/)[0].split('/').filter(Boolean).pop() ?? '' : '')

export interface UploadFailure { message: string; retryable: boolean }

/** The server's Chinese problem detail when there is one; network trouble can be resumed with 继续. */
export function describeFailure(err: Error | DetailedError): UploadFailure {
  const response = 'originalResponse' in err ? err.originalResponse : null
  if (!response) return { message: '网络连接中断，上传已暂停。请检查网络后点击“继续”', retryable: true }
  const status = response.getStatus()
  let problem: Problem | undefined
  try {
    problem = JSON.parse(response.getBody()) as Problem
  } catch {
    problem = undefined
  }
  const detail = problem?.errors?.length ? problem.errors.map((e) => e.message).join('；') : problem?.detail
  if (status === 401) return { message: '登录已过期，请重新登录后再继续上传', retryable: false }
  if (detail) return { message: detail, retryable: status >= 500 || status === 409 || status === 423 }
  return { message: `上传失败（${status}），请稍后点击“继续”重试`, retryable: status >= 500 || status === 409 || status === 423 }
}

export interface UploadEvents {
  onAsset(id: string): void
  onProgress(sent: number, total: number): void
  onSuccess(id: string): void
  onError(failure: UploadFailure): void
}

export interface MediaUpload {
  /** Looks for an earlier attempt at this file and resumes it; answers whether it did. */
  prepare(): Promise<boolean>
  start(): void
  pause(): Promise<void>
  cancel(): Promise<void>
}

export function createMediaUpload(file: File, kind: AssetKind, partSize: number, events: UploadEvents): MediaUpload {
  let assetId = ''
  const learn = (id: string) => {
    if (id && id !== assetId) {
      assetId = id
      events.onAsset(id)
    }
  }
  const upload: Upload = new Upload(file, {
    endpoint: uploadEndpoint(),
    // The server keeps whole parts of exactly this size and reports the end of the last complete one.
    chunkSize: partSize,
    retryDelays: [0, 1000, 3000, 5000, 10000],
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    metadata: { filename: file.name, kind },
    onBeforeRequest(req) {
      // Read per request: the token can change while a long upload runs (e.g. after signing in again).
      const token = readCookie(document.cookie, 'XSRF-TOKEN')
      if (token) req.setHeader('X-XSRF-TOKEN', token)
    },
    onAfterResponse(_req, res) {
      learn(res.getHeader('Fasheng-Asset-Id') ?? '')
    },
    onUploadUrlAvailable: () => learn(assetIdOf(upload.url)),
    onProgress: (sent, total) => events.onProgress(sent, total),
    onSuccess: () => events.onSuccess(assetId || assetIdOf(upload.url)),
    onError: (err) => events.onError(describeFailure(err)),
  })
  return {
    async prepare() {
      const previous = latestPrevious(await upload.findPreviousUploads(), kind)
      if (previous) upload.resumeFromPreviousUpload(previous)
      return !!previous
    },
    start: () => upload.start(),
    pause: () => upload.abort(false),
    cancel: () => upload.abort(true),
  }
}
