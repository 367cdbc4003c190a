import type { App } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response => new Response(null, { status: 500 }), calls: [] as Request[] }
  globalThis.fetch = ((req: Request) => {
    state.calls.push(req.clone())
    return Promise.resolve(state.handle(req))
  }) as typeof fetch
  return state
})
import SiteList from './SiteList.vue'
import { fakeSite, flush, json, labelled, mountAt, type } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
  delete document.documentElement.dataset.base
})

const sites = [
  fakeSite(),
  fakeSite({ id: 's2', name: '五角场宪法广场', street: '五角场街道', published: false, scans: 0, status: 'RENOVATING', statusLabel: '改造中' }),
  fakeSite({ id: 's3', name: '殷行民法典长廊', street: '殷行街道', category: '民法典主题', publicPath: '/landscape/yinhang', scans: 7 }),
]

async function list(answer: unknown = sites, path = '/landscape') {
  server.handle = () => json(answer)
  ;({ app } = await mountAt('/landscape', SiteList, path))
  return document.body
}
const rows = (el: Element) => [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()))

describe('site list', () => {
  it('lists each site with its street, category, state, whether public and its scans, and links under the base path', async () => {
    document.documentElement.dataset.base = '/fsay'
    const el = await list()
    expect(rows(el).map((r) => r.slice(0, 6))).toEqual([
      ['控江公园宪法角', '控江路街道', '宪法主题', '开放', '是', '42'],
      ['五角场宪法广场', '五角场街道', '宪法主题', '改造中', '否', '0'],
      ['殷行民法典长廊', '殷行街道', '民法典主题', '开放', '是', '7']])
    expect(el.querySelector('tbody a')!.getAttribute('href')).toBe('/landscape/s1')
    const [first, second] = el.querySelectorAll('tbody tr')
    expect(first.querySelector('a[target=_blank]')!.getAttribute('href')).toBe('/fsay/landscape/kongjiang-xianfa')
    expect(second.querySelector('a[target=_blank]')).toBeNull()
    expect([...second.querySelectorAll('a[download]')].map((a) => a.getAttribute('href'))).toEqual([
      '/fsay/api/console/landscape/sites/s2/poster.pdf', '/fsay/api/console/landscape/sites/s2/qr.png'])
    expect([...el.querySelectorAll('.title-row a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['新建微景观', '/landscape/new'], ['批量导入', '/landscape/import'], ['街道与类别', '/landscape/catalog']])
  })

  it('narrows the list by street and by name', async () => {
    const el = await list()
    type(labelled(el, '街道')!, '五角场街道')
    await flush()
    expect(rows(el).map((r) => r[0])).toEqual(['五角场宪法广场'])
    type(labelled(el, '街道')!, '')
    type(labelled(el, '名称')!, '宪法')
    await flush()
    expect(rows(el).map((r) => r[0])).toEqual(['控江公园宪法角', '五角场宪法广场'])
    type(labelled(el, '名称')!, '图书馆')
    await flush()
    expect(rows(el)).toEqual([['没有符合条件的微景观']])
  })

  it('says how to begin when there are no sites, and confirms a deletion', async () => {
    const el = await list([], `/landscape?deleted=${encodeURIComponent('控江公园宪法角')}`)
    expect(rows(el)).toEqual([['还没有微景观，请点击“新建微景观”或“批量导入”']])
    expect(el.querySelector('[role=status]')!.textContent).toBe('已删除微景观“控江公园宪法角”')
  })
})
