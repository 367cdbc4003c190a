import { describe, expect, it } from 'vitest'
import { formatBitrate, formatBytes, formatDuration, formatResolution, formatSpeed, formatTimeLeft } from './format'

describe('media formatting', () => {
  it('words sizes in binary units like the server', () => {
    expect(formatBytes(0)).toBe('0 字节')
    expect(formatBytes(900)).toBe('900 字节')
    expect(formatBytes(1536)).toBe('2 KB')
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB')
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB')
  })

  it('words upload speed in MB/s and nothing while unknown', () => {
    expect(formatSpeed(0)).toBe('')
    expect(formatSpeed(Number.NaN)).toBe('')
    expect(formatSpeed(2.5 * 1024 * 1024)).toBe('2.5 MB/s')
    expect(formatSpeed(25 * 1024 * 1024)).toBe('25 MB/s')
  })

  it('words the time left, coarser the further away', () => {
    expect(formatTimeLeft(undefined)).toBe('')
    expect(formatTimeLeft(Infinity)).toBe('')
    expect(formatTimeLeft(0)).toBe('剩余约 1 秒')
    expect(formatTimeLeft(44.2)).toBe('剩余约 45 秒')
    expect(formatTimeLeft(130)).toBe('剩余约 2 分 10 秒')
    expect(formatTimeLeft(120)).toBe('剩余约 2 分钟')
    expect(formatTimeLeft(1500)).toBe('剩余约 25 分钟')
    expect(formatTimeLeft(3600 + 5 * 60)).toBe('剩余约 1 小时 5 分')
    expect(formatTimeLeft(2 * 3600 + 59 * 60 + 50)).toBe('剩余约 3 小时')
  })

  it('shows media lengths as a clock', () => {
    expect(formatDuration(undefined)).toBe('')
    expect(formatDuration(42.4)).toBe('0:42')
    expect(formatDuration(185)).toBe('3:05')
    expect(formatDuration(3723)).toBe('1:02:03')
  })

  it('shows resolution and bitrate', () => {
    expect(formatResolution(1920, 1080)).toBe('1920×1080')
    expect(formatResolution(undefined, 1080)).toBe('')
    expect(formatBitrate(2_500_000)).toBe('2.5 Mbps')
    expect(formatBitrate(800_000)).toBe('800 kbps')
    expect(formatBitrate(0)).toBe('')
  })
})
