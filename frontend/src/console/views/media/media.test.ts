import { describe, expect, it } from 'vitest'
import { isFinal, previewRendition } from './media'
import { fakeRendition } from './test-fakes'

describe('media helpers', () => {
  it('previews the largest rendition of at most 720p', () => {
    const r = (label: string, height: number) => fakeRendition(label, Math.round((height * 16) / 9), height)
    expect(previewRendition([r('360p', 360), r('1080p', 1080), r('720p', 720)])?.label).toBe('720p')
    expect(previewRendition([r('1440p', 1440), r('1080p', 1080)])?.label).toBe('1080p')
    expect(previewRendition([])).toBeUndefined()
  })

  it('knows which states end the progress stream', () => {
    expect(['READY', 'FAILED', 'DUPLICATE', 'REJECTED'].every((s) => isFinal(s as never))).toBe(true)
    expect(isFinal('PROCESSING')).toBe(false)
    expect(isFinal(undefined)).toBe(false)
  })
})
