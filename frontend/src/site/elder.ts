// 适老化 (senior-friendly) mode: larger text and high contrast. The server reads the same cookie,
// so the page arrives already in the chosen mode and the switch also works without scripts.
export const ELDER_COOKIE = 'fs_elder'
const ONE_YEAR_SECONDS = 365 * 24 * 3600

export function isElderOn(cookie: string): boolean {
  return cookie.split(';').some((part) => part.trim() === `${ELDER_COOKIE}=1`)
}

export function elderCookie(on: boolean, basePath: string): string {
  const path = basePath === '' ? '/' : basePath
  const value = on ? '1' : '0'
  return `${ELDER_COOKIE}=${value}; Path=${path}; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`
}

export function applyElder(root: HTMLElement, toggle: HTMLElement, on: boolean): void {
  root.classList.toggle('elder', on)
  toggle.setAttribute('aria-pressed', String(on))
  toggle.textContent = on ? '退出适老化模式' : '适老化模式'
}

export function enhanceElderToggle(doc: Document): void {
  const toggle = doc.querySelector<HTMLAnchorElement>('[data-elder-toggle]')
  if (!toggle) return
  const basePath = doc.documentElement.dataset.base ?? ''
  toggle.setAttribute('role', 'button')
  toggle.addEventListener('click', (event) => {
    event.preventDefault()
    const on = !doc.documentElement.classList.contains('elder')
    doc.cookie = elderCookie(on, basePath)
    applyElder(doc.documentElement, toggle, on)
  })
  toggle.addEventListener('keydown', (event) => {
    if (event.key === ' ') {
      event.preventDefault()
      toggle.click()
    }
  })
}
