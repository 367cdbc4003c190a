/**
 * The micro-landscape directory, enhanced: markers and list items light up together, and "按离我远近排序" sorts
 * the list by distance from the visitor. The position is asked for only on that click and never leaves the phone.
 * Filters apply with their button, not on change: arrow keys on a closed select fire change on Windows.
 */

export interface Place {
  lat: number
  lng: number
}

const EARTH_RADIUS_METERS = 6_371_008.8

/** Great-circle distance in metres (haversine), as the server computes it. */
export function metersBetween(a: Place, b: Place): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** "约 350 米" under a kilometre, "约 2.4 公里" above. */
export function describeDistance(meters: number): string {
  if (meters < 1000) return `约 ${Math.max(10, Math.round(meters / 10) * 10)} 米`
  return `约 ${(meters / 1000).toFixed(1)} 公里`
}

/** Sorts the list's items nearest first and writes each one's distance. */
export function sortByDistance(list: HTMLElement, from: Place): void {
  const items = Array.from(list.querySelectorAll<HTMLElement>('li[data-lat]'))
  const measured = items.map((item) => ({
    item,
    meters: metersBetween(from, { lat: Number(item.dataset.lat), lng: Number(item.dataset.lng) }),
  }))
  measured.sort((a, b) => a.meters - b.meters)
  for (const { item, meters } of measured) {
    const label = item.querySelector<HTMLElement>('[data-distance]')
    if (label) label.textContent = `· 距您${describeDistance(meters)}`
    list.appendChild(item)
  }
}

function enhanceNearMe(root: ParentNode, geolocation: Geolocation | undefined): void {
  const box = root.querySelector<HTMLElement>('[data-near-me]')
  const list = root.querySelector<HTMLElement>('[data-sites]')
  if (!box || !list || !geolocation) return
  box.hidden = false
  const button = box.querySelector<HTMLButtonElement>('[data-near-me-button]')!
  const status = box.querySelector<HTMLElement>('[data-near-me-status]')!
  button.addEventListener('click', () => {
    button.disabled = true
    status.textContent = '正在获取您的位置…'
    geolocation.getCurrentPosition(
      (position) => {
        sortByDistance(list, { lat: position.coords.latitude, lng: position.coords.longitude })
        status.textContent = '已按离您从近到远排列'
        button.disabled = false
      },
      (error) => {
        status.textContent = error.code === error.PERMISSION_DENIED
          ? '未获得位置权限，列表仍按街道排列'
          : '暂时无法获取位置，请稍后再试'
        button.disabled = false
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    )
  })
}

/** Hovering or focusing a list item highlights its marker, and the other way round. */
function linkMarkers(root: ParentNode): void {
  const items = root.querySelectorAll<HTMLElement>('li[data-number]')
  items.forEach((item) => {
    const marker = root.querySelector<SVGElement>(`[data-marker="${item.dataset.number}"]`)
    if (!marker) return
    const on = () => { marker.classList.add('active'); item.classList.add('active') }
    const off = () => { marker.classList.remove('active'); item.classList.remove('active') }
    for (const el of [item, marker]) {
      el.addEventListener('mouseenter', on)
      el.addEventListener('mouseleave', off)
      el.addEventListener('focusin', on)
      el.addEventListener('focusout', off)
    }
  })
}

export function enhanceLandscape(root: Document | HTMLElement, geolocation: Geolocation | undefined = navigator.geolocation): void {
  if (!root.querySelector('.landscape-directory')) return
  enhanceNearMe(root, geolocation)
  linkMarkers(root)
}
