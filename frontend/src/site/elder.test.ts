import { describe, expect, it } from 'vitest'
import { applyElder, elderCookie, enhanceElderToggle, isElderOn } from './elder'

describe('适老化 switch', () => {
  it('reads the cookie among others', () => {
    expect(isElderOn('a=b; fs_elder=1; c=d')).toBe(true)
    expect(isElderOn('fs_elder=0')).toBe(false)
    expect(isElderOn('fs_elder=10')).toBe(false)
  })

  it('scopes the cookie to the base path', () => {
    expect(elderCookie(true, '/fsay')).toContain('Path=/fsay;')
    expect(elderCookie(false, '')).toMatch(/^fs_elder=0; Path=\/;/)
  })

  it('toggles class, pressed state and label on click', () => {
    document.documentElement.dataset.base = ''
    document.body.innerHTML = '<a href="/preferences/elder?on=1" data-elder-toggle>适老化模式</a>'
    enhanceElderToggle(document)
    const toggle = document.querySelector<HTMLAnchorElement>('[data-elder-toggle]')!
    toggle.click()
    expect(document.documentElement.classList.contains('elder')).toBe(true)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(document.cookie).toContain('fs_elder=1')
    toggle.click()
    expect(document.documentElement.classList.contains('elder')).toBe(false)
    expect(toggle.textContent).toBe('适老化模式')
  })

  it('applyElder sets the label for screen readers', () => {
    const el = document.createElement('a')
    applyElder(document.documentElement, el, true)
    expect(el.textContent).toBe('退出适老化模式')
  })
})
