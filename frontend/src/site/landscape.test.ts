import { describe, expect, it, vi } from 'vitest'
import { describeDistance, enhanceLandscape, metersBetween, sortByDistance } from './landscape'

function directory(): HTMLElement {
  const root = document.createElement('div')
  root.innerHTML = `<div class="landscape-directory">
    <p data-near-me hidden><button type="button" data-near-me-button>按离我远近排序</button><span data-near-me-status></span></p>
    <ol data-sites>
      <li data-lat="31.2650" data-lng="121.5200" data-number="1"><a>平凉路某处</a><span data-distance></span></li>
      <li data-lat="31.3010" data-lng="121.5140" data-number="2"><a>五角场某处</a><span data-distance></span></li>
      <li data-lat="31.3200" data-lng="121.5500" data-number="3"><a>殷行某处</a><span data-distance></span></li>
    </ol></div>`
  document.body.replaceChildren(root)
  return root
}

const names = (root: HTMLElement) => Array.from(root.querySelectorAll('li a')).map((a) => a.textContent)

describe('micro-landscape directory', () => {
  it('measures distances like the server (Wujiaochang to Yangpu bridge is about 4.4 km)', () => {
    const m = metersBetween({ lat: 31.3010, lng: 121.5140 }, { lat: 31.2650, lng: 121.5350 })
    expect(m).toBeGreaterThan(4300)
    expect(m).toBeLessThan(4600)
    expect(describeDistance(347)).toBe('约 350 米')
    expect(describeDistance(2449)).toBe('约 2.4 公里')
  })

  it('sorts the list nearest first and writes each distance', () => {
    const root = directory()
    sortByDistance(root.querySelector('[data-sites]')!, { lat: 31.3190, lng: 121.5480 })
    expect(names(root)).toEqual(['殷行某处', '五角场某处', '平凉路某处'])
    expect(root.querySelector('li [data-distance]')!.textContent).toMatch(/^· 距您约 \d+ 米$/)
  })

  it('asks for the position only when the visitor clicks, and says so when refused', () => {
    const root = directory()
    const getCurrentPosition = vi.fn()
    enhanceLandscape(root, { getCurrentPosition } as unknown as Geolocation)
    const box = root.querySelector<HTMLElement>('[data-near-me]')!
    expect(box.hidden).toBe(false)
    expect(getCurrentPosition).not.toHaveBeenCalled()
    root.querySelector<HTMLButtonElement>('[data-near-me-button]')!.click()
    expect(getCurrentPosition).toHaveBeenCalledTimes(1)
    const [success, failure] = getCurrentPosition.mock.calls[0]
    failure({ code: 1, PERMISSION_DENIED: 1 })
    expect(root.querySelector('[data-near-me-status]')!.textContent).toBe('未获得位置权限，列表仍按街道排列')
    success({ coords: { latitude: 31.2655, longitude: 121.5205 } })
    expect(names(root)[0]).toBe('平凉路某处')
    expect(root.querySelector('[data-near-me-status]')!.textContent).toBe('已按离您从近到远排列')
  })

  it('keeps the button hidden where the browser has no geolocation', () => {
    const root = directory()
    enhanceLandscape(root, undefined)
    expect(root.querySelector<HTMLElement>('[data-near-me]')!.hidden).toBe(true)
  })
})
