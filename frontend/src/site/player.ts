import type Hls from 'hls.js'

type FullscreenVideo = HTMLVideoElement & { webkitRequestFullscreen?: () => void; webkitEnterFullscreen?: () => void }
type FullscreenDocument = Document & { webkitFullscreenElement?: Element | null; webkitExitFullscreen?: () => void }

const enhanced = new WeakSet<HTMLVideoElement>()
let helpIds = 0

// Older WebViews return undefined from play()/requestFullscreen(); a refused play must not surface as an error.
const settle = (result: Promise<unknown> | void) => void result?.catch(() => undefined)

const play = (video: HTMLVideoElement) => settle(video.play())

function spokenTime(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds))
  const minutes = Math.floor(total / 60)
  return minutes > 0 ? `${minutes} 分 ${total % 60} 秒` : `${total} 秒`
}

function togglePlay(video: HTMLVideoElement): string {
  if (video.paused) play(video)
  else video.pause()
  return video.paused ? '已暂停' : '正在播放'
}

function seek(video: HTMLVideoElement, step: number): string {
  const end = Number.isFinite(video.duration) ? video.duration : Infinity
  video.currentTime = Math.min(end, Math.max(0, video.currentTime + step))
  return `${step < 0 ? '快退' : '快进'}到 ${spokenTime(video.currentTime)}`
}

function changeVolume(video: HTMLVideoElement, step: number): string {
  video.volume = Math.round(Math.min(1, Math.max(0, video.volume + step)) * 10) / 10
  if (step > 0) video.muted = false
  return `音量 ${Math.round(video.volume * 100)}%`
}

// Native HLS may add the playlist's own subtitles after our <track>; only ever show the first, so text never doubles.
function toggleCaptions(video: HTMLVideoElement): string {
  const tracks = Array.from(video.textTracks).filter((t) => t.kind === 'captions' || t.kind === 'subtitles')
  if (tracks.length === 0) return '本视频没有字幕'
  const on = !tracks.some((t) => t.mode === 'showing')
  tracks.forEach((t, i) => (t.mode = i > 0 ? 'disabled' : on ? 'showing' : 'hidden'))
  return on ? '字幕已开启' : '字幕已关闭'
}

function toggleFullscreen(video: FullscreenVideo): string {
  const doc = video.ownerDocument as FullscreenDocument
  if (doc.fullscreenElement || doc.webkitFullscreenElement) {
    if (doc.exitFullscreen) settle(doc.exitFullscreen())
    else doc.webkitExitFullscreen?.()
    return '已退出全屏'
  }
  // iPhone Safari only offers the video-specific webkitEnterFullscreen.
  if (video.requestFullscreen) settle(video.requestFullscreen())
  else if (video.webkitRequestFullscreen) video.webkitRequestFullscreen()
  else video.webkitEnterFullscreen?.()
  return '已进入全屏'
}

const KEYS: Record<string, (video: HTMLVideoElement) => string> = {
  ' ': togglePlay,
  k: togglePlay,
  ArrowLeft: (video) => seek(video, -5),
  ArrowRight: (video) => seek(video, 5),
  ArrowUp: (video) => changeVolume(video, 0.1),
  ArrowDown: (video) => changeVolume(video, -0.1),
  m: (video) => ((video.muted = !video.muted) ? '已静音' : '已取消静音'),
  c: toggleCaptions,
  f: toggleFullscreen,
}

function enhanceKeyboard(figure: HTMLElement, video: HTMLVideoElement): void {
  if (!video.hasAttribute('tabindex')) video.tabIndex = 0
  const help = figure.querySelector<HTMLElement>('.player-help')
  if (help) video.setAttribute('aria-describedby', (help.id ||= `player-help-${++helpIds}`))
  const live = Object.assign(video.ownerDocument.createElement('span'), { className: 'player-live' })
  live.setAttribute('aria-live', 'polite')
  // After the video, so a figcaption stays the figure's last child.
  video.after(live)
  const actionFor = (event: KeyboardEvent) =>
    event.altKey || event.ctrlKey || event.metaKey || (event.target !== video && event.target !== figure)
      ? undefined
      : KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key]
  // Capture, so the keys are cancelled before the browser's own controls on the video act on them too
  // (Chrome toggles playback again on the Space keyup and changes the volume on ↑ ↓).
  figure.addEventListener('keyup', (event) => actionFor(event) && event.preventDefault(), true)
  figure.addEventListener('keydown', (event) => {
    const action = actionFor(event)
    if (!action) return
    event.preventDefault()
    live.textContent = action(video)
  }, true)
}

function enhanceStreaming(video: HTMLVideoElement, master: string): void {
  const sources = Array.from(video.querySelectorAll('source'))
  let native = false
  let wanted = false
  let hls: Hls | null = null
  let pending: { time: number; resume: boolean } | null = null

  // Swapping the source resets the element; remember where the viewer was and whether they wanted it playing
  // (not video.paused: Chrome already reports paused while it dispatches a playback error).
  // Play at once: with preload="none" (and always on iOS) nothing loads, so no metadata arrives, until play().
  const swap = (apply: () => void) => {
    pending ??= { time: video.currentTime, resume: wanted }
    apply()
    if (pending.resume) play(video)
  }

  const fallBackToMp4 = () => {
    swap(() => {
      hls?.destroy()
      hls = null
      native = false
      // hls.js on ManagedMediaSource strips <source> children, so put the original MP4 back.
      video.querySelectorAll('source').forEach((s) => s.remove())
      video.prepend(...sources)
      video.removeAttribute('src')
      video.load()
    })
  }

  const attachHls = (HlsJs: typeof Hls) => {
    if (!HlsJs.isSupported() || video.ended) return
    // The CSP forbids blob: workers; hls.js subtitles would duplicate the captions the page's <track> already shows.
    const instance = new HlsJs({
      enableWorker: false,
      enableWebVTT: false,
      enableIMSC1: false,
      capLevelToPlayerSize: true,
      startPosition: video.currentTime || -1,
    })
    hls = instance
    instance.on(HlsJs.Events.ERROR, (_event, data) => {
      if (data.fatal && hls === instance) fallBackToMp4()
    })
    swap(() => {
      instance.loadSource(master)
      instance.attachMedia(video)
    })
  }

  video.addEventListener('loadedmetadata', () => {
    const time = pending?.time ?? 0
    pending = null
    if (time > 0 && Math.abs(video.currentTime - time) > 0.5) video.currentTime = time
  })
  video.addEventListener('error', () => native && fallBackToMp4())
  video.addEventListener('play', () => (wanted = true))
  video.addEventListener('pause', () => (wanted = false))
  video.addEventListener('play', () => {
    if (video.canPlayType('application/vnd.apple.mpegurl') !== '') {
      native = true
      swap(() => video.setAttribute('src', master))
    } else if (typeof window.MediaSource === 'function') {
      // The MP4 keeps playing while hls.js downloads; a failed download simply leaves it playing.
      import('hls.js').then((module) => attachHls(module.default), () => undefined)
    }
  }, { once: true })
}

function calmAnimations(videos: HTMLVideoElement[]): void {
  const query = window.matchMedia?.('(prefers-reduced-motion: reduce)')
  const calm = () => {
    if (!query?.matches) return
    videos.forEach((video) => {
      video.autoplay = false
      video.pause()
      video.controls = true
    })
  }
  calm()
  query?.addEventListener?.('change', calm)
}

function lazyPoster(video: HTMLVideoElement): void {
  const apply = () => video.setAttribute('poster', video.dataset.poster ?? '')
  if (typeof IntersectionObserver !== 'function') return apply()
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return
    apply()
    observer.disconnect()
  }, { rootMargin: '200px' })
  observer.observe(video.closest('figure') ?? video)
}

export function enhancePlayers(root: Document | HTMLElement): void {
  const fresh = Array.from(root.querySelectorAll<HTMLVideoElement>('video')).filter((v) => !enhanced.has(v))
  fresh.forEach((video) => {
    enhanced.add(video)
    const figure = video.closest<HTMLElement>('[data-player]')
    if (figure && !video.hasAttribute('data-animation')) enhanceKeyboard(figure, video)
    if (video.dataset.hls) enhanceStreaming(video, video.dataset.hls)
    if (video.dataset.poster && !video.poster) lazyPoster(video)
  })
  calmAnimations(fresh.filter((v) => v.hasAttribute('data-animation')))
}
