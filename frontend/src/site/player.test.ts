import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enhancePlayers } from './player'

const { hlsInstances } = vi.hoisted(() => ({ hlsInstances: [] as FakeHlsInstance[] }))

interface FakeHlsInstance {
  config: Record<string, unknown>
  handlers: Map<string, (event: string, data: { fatal: boolean }) => void>
  loadSource: ReturnType<typeof vi.fn>
  attachMedia: ReturnType<typeof vi.fn>
  destroy: ReturnType<typeof vi.fn>
}

vi.mock('hls.js', () => {
  class FakeHls {
    static Events = { ERROR: 'hlsError' }
    static isSupported = () => true
    handlers = new Map()
    loadSource = vi.fn()
    // Like hls.js on ManagedMediaSource: drops <source> children and points src at its own MediaSource.
    attachMedia = vi.fn((media: HTMLVideoElement) => {
      media.querySelectorAll('source').forEach((s) => s.remove())
      media.src = 'blob:mse'
    })
    destroy = vi.fn()
    constructor(public config: Record<string, unknown>) {
      hlsInstances.push(this as unknown as FakeHlsInstance)
    }
    on(name: string, handler: unknown) {
      this.handlers.set(name, handler)
    }
  }
  return { default: FakeHls }
})

const MASTER = '/media/assets/ID/r7/hls/master.m3u8'
const MP4 = '/media/assets/ID/r7/720p.mp4'
const PLAYER = `
<figure class="player" data-player>
  <video controls preload="none" playsinline poster="/media/assets/ID/r7/poster.jpg" width="1280" height="720" data-hls="${MASTER}">
    <source src="${MP4}" type="video/mp4">
    <track kind="captions" src="/media/assets/ID/captions/zh.vtt" srclang="zh" label="中文字幕" default>
    <a href="${MP4}">下载视频观看</a>
  </video>
  <figcaption class="player-help">键盘操作：空格 播放/暂停</figcaption>
</figure>`

function stubMedia(video: HTMLVideoElement) {
  const state = { paused: true }
  Object.defineProperty(video, 'paused', { configurable: true, get: () => state.paused })
  Object.defineProperty(video, 'duration', { configurable: true, value: 100 })
  video.play = vi.fn(() => {
    state.paused = false
    video.dispatchEvent(new Event('play'))
    return Promise.resolve()
  })
  video.pause = vi.fn(() => {
    state.paused = true
    video.dispatchEvent(new Event('pause'))
  })
  video.load = vi.fn()
  return state
}

function mount(html = PLAYER) {
  document.body.innerHTML = html
  const video = document.querySelector('video')!
  const state = stubMedia(video)
  return { video, state, figure: video.closest('figure')! }
}

// What the browser does when the source is swapped, then reports the new metadata.
function reloadAndLoadMetadata(video: HTMLVideoElement, state: { paused: boolean }) {
  state.paused = true
  video.currentTime = 0
  video.dispatchEvent(new Event('loadedmetadata'))
}

function press(target: Element, key: string, init: KeyboardEventInit = {}, type = 'keydown') {
  const event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  return event
}

const live = () => document.querySelector('.player-live')!.textContent

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('')
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  hlsInstances.length = 0
  document.body.innerHTML = ''
})

describe('streaming', () => {
  it('loads hls.js only on first play and hands it the master playlist', async () => {
    vi.stubGlobal('MediaSource', class {})
    const { video } = mount()
    enhancePlayers(document)
    await vi.dynamicImportSettled()
    expect(hlsInstances).toHaveLength(0)
    expect(video.querySelector('source')!.getAttribute('src')).toBe(MP4)

    await video.play()
    await vi.dynamicImportSettled()
    expect(hlsInstances).toHaveLength(1)
    const hls = hlsInstances[0]
    expect(hls.config).toMatchObject({ enableWorker: false, enableWebVTT: false, enableIMSC1: false })
    expect(hls.loadSource).toHaveBeenCalledWith(MASTER)
    expect(hls.attachMedia).toHaveBeenCalledWith(video)
    expect(video.querySelector('track[kind="captions"]')).not.toBeNull()

    video.pause()
    await video.play()
    await vi.dynamicImportSettled()
    expect(hlsInstances).toHaveLength(1)
  })

  it('starts hls.js where the MP4 had got to', async () => {
    vi.stubGlobal('MediaSource', class {})
    const { video } = mount()
    enhancePlayers(document)
    await video.play()
    video.currentTime = 7
    await vi.dynamicImportSettled()
    expect(hlsInstances[0].config.startPosition).toBe(7)
  })

  it('switches to native HLS on first play and keeps the position', async () => {
    vi.mocked(HTMLMediaElement.prototype.canPlayType).mockReturnValue('maybe')
    vi.stubGlobal('MediaSource', class {})
    const { video, state } = mount()
    enhancePlayers(document)
    expect(video.hasAttribute('src')).toBe(false)

    video.currentTime = 12
    await video.play()
    expect(video.getAttribute('src')).toBe(MASTER)
    expect(video.play).toHaveBeenCalledTimes(2)
    reloadAndLoadMetadata(video, state)
    expect(video.currentTime).toBe(12)
    await vi.dynamicImportSettled()
    expect(hlsInstances).toHaveLength(0)
  })

  it('falls back to the MP4 from native HLS when the playlist fails', async () => {
    vi.mocked(HTMLMediaElement.prototype.canPlayType).mockReturnValue('maybe')
    const { video, state } = mount()
    enhancePlayers(document)
    await video.play()
    reloadAndLoadMetadata(video, state)
    video.currentTime = 3
    vi.mocked(video.play).mockClear()
    // Chrome already reports paused while it dispatches the error.
    video.dispatchEvent(new Event('error'))
    expect(video.hasAttribute('src')).toBe(false)
    expect(video.querySelector('source')!.getAttribute('src')).toBe(MP4)
    expect(video.play).toHaveBeenCalledOnce()
    reloadAndLoadMetadata(video, state)
    expect(video.currentTime).toBe(3)
  })

  it('falls back to the MP4 on a fatal hls.js error and keeps the position', async () => {
    vi.stubGlobal('MediaSource', class {})
    const { video, state } = mount()
    enhancePlayers(document)
    await video.play()
    await vi.dynamicImportSettled()
    const hls = hlsInstances[0]
    reloadAndLoadMetadata(video, state)
    video.currentTime = 42

    const onError = hls.handlers.get('hlsError')!
    onError('hlsError', { fatal: false })
    expect(hls.destroy).not.toHaveBeenCalled()

    vi.mocked(video.play).mockClear()
    onError('hlsError', { fatal: true })
    expect(hls.destroy).toHaveBeenCalledOnce()
    expect(video.hasAttribute('src')).toBe(false)
    expect(video.querySelectorAll('source')).toHaveLength(1)
    expect(video.querySelector('source')!.getAttribute('src')).toBe(MP4)
    expect(video.firstElementChild!.tagName).toBe('SOURCE')
    expect(video.querySelector('track')).not.toBeNull()
    expect(video.load).toHaveBeenCalled()

    expect(video.play).toHaveBeenCalledOnce()
    reloadAndLoadMetadata(video, state)
    expect(video.currentTime).toBe(42)
  })

  it('does not resume after a fallback when the viewer had paused', async () => {
    vi.stubGlobal('MediaSource', class {})
    const { video, state } = mount()
    enhancePlayers(document)
    await video.play()
    await vi.dynamicImportSettled()
    reloadAndLoadMetadata(video, state)
    video.currentTime = 9
    video.pause()
    vi.mocked(video.play).mockClear()
    hlsInstances[0].handlers.get('hlsError')!('hlsError', { fatal: true })
    reloadAndLoadMetadata(video, state)
    expect(video.play).not.toHaveBeenCalled()
    expect(video.currentTime).toBe(9)
  })

  it('leaves the MP4 alone without HLS support', async () => {
    const { video } = mount()
    enhancePlayers(document)
    await video.play()
    await vi.dynamicImportSettled()
    expect(hlsInstances).toHaveLength(0)
    expect(video.hasAttribute('src')).toBe(false)
    expect(video.querySelector('source')!.getAttribute('src')).toBe(MP4)
  })
})

describe('keyboard', () => {
  it('makes the video focusable, describes it by the help and adds one live region', () => {
    const { video, figure } = mount()
    enhancePlayers(document)
    enhancePlayers(document)
    expect(video.getAttribute('tabindex')).toBe('0')
    expect(video.getAttribute('aria-describedby')).toBe(figure.querySelector('figcaption')!.id)
    expect(figure.querySelectorAll('[aria-live="polite"]')).toHaveLength(1)
    expect(figure.lastElementChild!.tagName).toBe('FIGCAPTION')
  })

  it('space and K toggle play and pause', () => {
    const { video } = mount()
    enhancePlayers(document)
    const first = press(video, ' ')
    expect(first.defaultPrevented).toBe(true)
    expect(video.play).toHaveBeenCalledOnce()
    expect(live()).toBe('正在播放')
    press(video, 'k')
    expect(video.pause).toHaveBeenCalledOnce()
    expect(live()).toBe('已暂停')
  })

  it('cancels the keyup of handled keys so the browser controls do not toggle back', () => {
    const { video } = mount()
    enhancePlayers(document)
    expect(press(video, ' ', {}, 'keyup').defaultPrevented).toBe(true)
    expect(press(video, 'Tab', {}, 'keyup').defaultPrevented).toBe(false)
    expect(video.play).not.toHaveBeenCalled()
  })

  it('arrows seek by five seconds within the video and change the volume', () => {
    const { video, figure } = mount()
    enhancePlayers(document)
    video.currentTime = 63
    expect(press(video, 'ArrowRight').defaultPrevented).toBe(true)
    expect(video.currentTime).toBe(68)
    expect(live()).toBe('快进到 1 分 8 秒')
    press(figure, 'ArrowLeft')
    expect(video.currentTime).toBe(63)
    video.currentTime = 3
    press(video, 'ArrowLeft')
    expect(video.currentTime).toBe(0)
    expect(live()).toBe('快退到 0 秒')

    press(video, 'ArrowDown')
    press(video, 'ArrowDown')
    expect(video.volume).toBeCloseTo(0.8)
    expect(live()).toBe('音量 80%')
    video.muted = true
    press(video, 'ArrowUp')
    expect(video.muted).toBe(false)
    expect(live()).toBe('音量 90%')
  })

  it('M mutes and C toggles the first captions track', () => {
    const { video } = mount()
    const metadata = { kind: 'metadata', mode: 'hidden' }
    const captions = { kind: 'captions', mode: 'disabled' }
    const fromPlaylist = { kind: 'subtitles', mode: 'showing' }
    Object.defineProperty(video, 'textTracks', { value: [metadata, captions, fromPlaylist] })
    enhancePlayers(document)
    press(video, 'm')
    expect(video.muted).toBe(true)
    expect(live()).toBe('已静音')
    press(video, 'M')
    expect(live()).toBe('已取消静音')

    press(video, 'C')
    expect([captions.mode, fromPlaylist.mode]).toEqual(['hidden', 'disabled'])
    expect(live()).toBe('字幕已关闭')
    press(video, 'c')
    expect([captions.mode, fromPlaylist.mode]).toEqual(['showing', 'disabled'])
    expect(live()).toBe('字幕已开启')
    press(video, 'c')
    expect(captions.mode).toBe('hidden')
    expect(metadata.mode).toBe('hidden')
  })

  it('says so when there are no captions', () => {
    const { video } = mount()
    Object.defineProperty(video, 'textTracks', { value: [] })
    enhancePlayers(document)
    press(video, 'c')
    expect(live()).toBe('本视频没有字幕')
  })

  it('F asks for fullscreen, with the webkit fallback', () => {
    const { video } = mount()
    enhancePlayers(document)
    const webkitEnterFullscreen = vi.fn()
    Object.assign(video, { requestFullscreen: undefined, webkitEnterFullscreen })
    press(video, 'f')
    expect(webkitEnterFullscreen).toHaveBeenCalledOnce()
    expect(live()).toBe('已进入全屏')
  })

  it('leaves other keys, modified keys and other targets to the browser', () => {
    const { video, figure } = mount()
    const link = document.createElement('a')
    link.href = '#'
    figure.querySelector('figcaption')!.append(link)
    enhancePlayers(document)
    expect(press(video, 'Tab').defaultPrevented).toBe(false)
    expect(press(video, 'f', { ctrlKey: true }).defaultPrevented).toBe(false)
    expect(press(link, ' ').defaultPrevented).toBe(false)
    expect(video.play).not.toHaveBeenCalled()
  })
})

describe('posters and animations', () => {
  const LAZY = `<figure class="player" data-player><video controls preload="none" data-poster="/p.jpg" data-hls="${MASTER}"><source src="${MP4}"></video></figure>`

  it('sets data-poster when the figure nears the viewport', () => {
    const observe = vi.fn()
    let callback: IntersectionObserverCallback = () => undefined
    let options: IntersectionObserverInit | undefined
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: IntersectionObserverCallback, init?: IntersectionObserverInit) {
          callback = cb
          options = init
        }
        observe = observe
        disconnect = vi.fn()
      },
    )
    const { video, figure } = mount(LAZY)
    enhancePlayers(document)
    expect(options?.rootMargin).toBe('200px')
    expect(observe).toHaveBeenCalledWith(figure)
    expect(video.hasAttribute('poster')).toBe(false)

    const entry = (isIntersecting: boolean) => ({ target: figure, isIntersecting }) as unknown as IntersectionObserverEntry
    callback([entry(false)], {} as IntersectionObserver)
    expect(video.hasAttribute('poster')).toBe(false)
    callback([entry(true)], {} as IntersectionObserver)
    expect(video.getAttribute('poster')).toBe('/p.jpg')
  })

  it('sets data-poster at once without IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined)
    const { video } = mount(LAZY)
    enhancePlayers(document)
    expect(video.getAttribute('poster')).toBe('/p.jpg')
  })

  it('pauses animations and shows controls when reduced motion is asked for', () => {
    vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: true, addEventListener: vi.fn() })))
    const { video } = mount('<video loop muted autoplay playsinline data-animation><source src="/a.mp4"></video>')
    enhancePlayers(document)
    expect(video.pause).toHaveBeenCalled()
    expect(video.controls).toBe(true)
    expect(video.hasAttribute('autoplay')).toBe(false)
    expect(video.hasAttribute('tabindex')).toBe(false)
  })

  it('leaves animations playing otherwise', () => {
    vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: false, addEventListener: vi.fn() })))
    const { video } = mount('<video loop muted autoplay playsinline data-animation><source src="/a.mp4"></video>')
    enhancePlayers(document)
    expect(video.pause).not.toHaveBeenCalled()
    expect(video.hasAttribute('autoplay')).toBe(true)
  })
})
