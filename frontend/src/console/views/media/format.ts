const KB = 1024
const MB = KB * 1024
const GB = MB * 1024

/** Binary units with one decimal, as the server words its quota messages ("1.5 GB"). */
export function formatBytes(bytes: number): string {
  const b = Math.max(0, bytes)
  if (b >= GB) return `${(b / GB).toFixed(1)} GB`
  if (b >= MB) return `${(b / MB).toFixed(1)} MB`
  if (b >= KB) return `${Math.round(b / KB)} KB`
  return `${b} 字节`
}

export function formatSpeed(bytesPerSecond: number): string {
  if (!(bytesPerSecond > 0)) return ''
  return `${(bytesPerSecond / MB).toFixed(bytesPerSecond >= 10 * MB ? 0 : 1)} MB/s`
}

/** A media length as a clock: 0:42, 3:05, 1:02:03. */
export function formatDuration(seconds: number | undefined): string {
  if (!seconds || !Number.isFinite(seconds) || seconds <= 0) return ''
  const total = Math.round(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** "剩余约 2 分 10 秒"; coarser the further away, since estimates jitter. */
export function formatTimeLeft(seconds: number | undefined | null): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return ''
  const total = Math.max(1, Math.ceil(seconds))
  if (total < 60) return `剩余约 ${total} 秒`
  if (total < 600) {
    const s = total % 60
    return `剩余约 ${Math.floor(total / 60)} 分${s ? ` ${s} 秒` : '钟'}`
  }
  if (total < 3600) return `剩余约 ${Math.round(total / 60)} 分钟`
  let h = Math.floor(total / 3600)
  let m = Math.round((total % 3600) / 60)
  if (m === 60) {
    h += 1
    m = 0
  }
  return `剩余约 ${h} 小时${m ? ` ${m} 分` : ''}`
}

export function formatResolution(width: number | undefined, height: number | undefined): string {
  return width && height ? `${width}×${height}` : ''
}

export function formatBitrate(bitsPerSecond: number): string {
  if (bitsPerSecond <= 0) return ''
  return bitsPerSecond >= 1_000_000 ? `${(bitsPerSecond / 1_000_000).toFixed(1)} Mbps` : `${Math.round(bitsPerSecond / 1000)} kbps`
}
