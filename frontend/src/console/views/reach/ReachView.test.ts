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
// jsdom has no layout to draw into: a stand-in chart records what it is given.
const charts = vi.hoisted(() => ({ made: [] as { el: HTMLElement; options: unknown[]; merges: unknown[]; disposed: boolean }[] }))
vi.mock('echarts/core', () => ({
  use: () => {},
  init: (el: HTMLElement) => {
    const chart = { el, options: [] as unknown[], merges: [] as unknown[], disposed: false,
      setOption(option: unknown, opts?: unknown) { chart.options.push(option); chart.merges.push(opts) },
      resize() {}, dispose() { chart.disposed = true } }
    charts.made.push(chart)
    return chart
  },
}))
import ReachView from './ReachView.vue'
import { fakeFigures, flush, json, labelled, mountAt, named, type } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
  charts.made = []
  delete document.documentElement.dataset.base
})

const figureCalls = () => server.calls.filter((r) => new URL(r.url).pathname === '/api/console/reach/figures').map((r) => new URL(r.url).searchParams)

async function open(answer: (query: URLSearchParams) => Response = () => json(fakeFigures())) {
  server.handle = (req) => {
    const url = new URL(req.url)
    if (url.pathname === '/api/console/reach/figures') return answer(url.searchParams)
    if (url.pathname === '/api/console/reach/reports') return json([])
    return new Response(null, { status: 404 })
  }
  ;({ app } = await mountAt('/reach', ReachView, '/reach'))
  return document.body
}

const section = (el: Element, heading: string) =>
  [...el.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === heading)!
const cells = (tr: Element) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())
const bodyRows = (table: Element) => [...table.querySelectorAll('tbody tr')].map(cells)
const presetButtons = (el: Element) => [...el.querySelectorAll('[role=group] button')]
const pressed = (el: Element) => presetButtons(el).filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.textContent)

describe('reach dashboard', () => {
  it('opens on 本月 and shows the range, the totals and the channels table', async () => {
    const el = await open()
    expect(figureCalls().map((q) => q.get('preset'))).toEqual(['month'])
    expect(el.querySelector('h1')!.textContent).toBe('传播数据')
    expect(presetButtons(el).map((b) => b.textContent)).toEqual(['本周', '本月', '本季度', '本年'])
    expect(pressed(el)).toEqual(['本月'])
    expect(el.querySelector('.reach-range')!.textContent).toBe('本月统计范围：2025-03-01 至 2025-03-03')
    expect(labelled(el, '开始日期')!.value).toBe('2025-03-01')
    expect(labelled(el, '结束日期')!.value).toBe('2025-03-03')
    expect([...el.querySelectorAll('.reach-total')].map((d) => [...d.children].map((c) => c.textContent))).toEqual([
      ['栏目浏览', '12,345'], ['视频播放', '880'], ['看完', '420'], ['B站播放', '5,600'], ['微信阅读', '2,300'],
      ['渠道互动', '310'], ['辩论赛页面浏览', '150'], ['微景观扫码', '64']])
    const trend = section(el, '各渠道传播趋势')
    expect(trend.querySelector('summary')!.textContent).toBe('以表格查看：各渠道传播趋势')
    const table = trend.querySelector('details table')!
    expect(table.querySelector('caption')!.textContent).toBe('各渠道传播趋势：每日传播量（2025-03-01 至 2025-03-03）')
    expect([...table.querySelectorAll('thead th[scope=col]')].map((th) => th.textContent)).toEqual(['日期', '法声昂“杨”栏目', '哔哩哔哩', '微信公众号'])
    expect(bodyRows(table)).toEqual([
      ['2025-03-01', '4,000', '1,600', '800'], ['2025-03-02', '4,345', '2,000', '700'], ['2025-03-03', '4,000', '2,000', '800']])
    expect(cells(table.querySelector('tfoot tr')!)).toEqual(['合计', '12,345', '5,600', '2,300'])
  })

  it('asks for 本年 when pressed and marks it as the range on show', async () => {
    const el = await open((q) => json(fakeFigures(q.get('preset') === 'year' ? { title: '本年', from: '2025-01-01' } : {})))
    ;(presetButtons(el).find((b) => b.textContent === '本年') as HTMLButtonElement).click()
    await flush()
    expect(figureCalls().map((q) => q.get('preset'))).toEqual(['month', 'year'])
    expect(pressed(el)).toEqual(['本年'])
    expect(el.querySelector('.reach-range')!.textContent).toBe('本年统计范围：2025-01-01 至 2025-03-03')
  })

  it('asks for a chosen range by its dates, and shows why the server refused one', async () => {
    const el = await open((q) => q.get('to') === '2025-02-01'
      ? json({ title: '请求参数有误', status: 400, detail: '结束日期不能早于开始日期', errors: [{ field: 'to', message: '结束日期不能早于开始日期' }] }, 400)
      : json(fakeFigures(q.has('from') ? { title: '2025年2月10日至2025年2月20日', from: '2025-02-10', to: '2025-02-20' } : {})))
    type(labelled(el, '开始日期')!, '2025-02-10')
    type(labelled(el, '结束日期')!, '2025-02-20')
    named(el, '查询').click()
    await flush()
    const custom = figureCalls()[1]
    expect([custom.get('from'), custom.get('to'), custom.get('preset')]).toEqual(['2025-02-10', '2025-02-20', null])
    expect(pressed(el)).toEqual([])
    expect(el.querySelector('.reach-range')!.textContent).toBe('2025年2月10日至2025年2月20日统计范围：2025-02-10 至 2025-02-20')

    type(labelled(el, '结束日期')!, '2025-02-01')
    named(el, '查询').click()
    await flush()
    expect(el.querySelector('[role=alert]')!.textContent).toBe('结束日期不能早于开始日期')
    const end = labelled(el, '结束日期')!
    expect(end.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(end.getAttribute('aria-describedby')!)!.textContent).toBe('结束日期不能早于开始日期')
    expect(labelled(el, '开始日期')!.getAttribute('aria-invalid')).toBe('false')
  })

  it('asks for both dates before querying a chosen range', async () => {
    const el = await open()
    type(labelled(el, '开始日期')!, '')
    named(el, '查询').click()
    await flush()
    expect(figureCalls()).toHaveLength(1)
    expect(el.querySelector('[role=alert]')!.textContent).toBe('请选择开始日期')
    expect(labelled(el, '开始日期')!.getAttribute('aria-invalid')).toBe('true')
  })

  it('says when the figures cannot be read', async () => {
    const el = await open(() => new Response(null, { status: 500 }))
    expect(el.querySelector('[role=alert]')!.textContent).toBe('无法读取传播数据，请稍后重试')
    expect(el.querySelector('.reach-figures')).toBeNull()
  })

  it('gives every chart a name and the same numbers as a table', async () => {
    document.documentElement.dataset.base = '/fsay'
    const el = await open()
    const headings = [...el.querySelectorAll('.reach-section h2')].map((h) => h.textContent)
    expect(headings).toEqual(['各渠道传播趋势', '按专题', '按类型', '热门内容', '视频完播率', '辩论赛页面访问', '微景观扫码', '月报与年报'])
    for (const heading of headings.slice(0, 7)) {
      const s = section(el, heading)
      expect(s.querySelector('[role=img]')!.getAttribute('aria-label')).toMatch(/数据见下表$/)
      expect(s.querySelector('details > summary')!.textContent).toBe(`以表格查看：${heading}`)
      expect(s.querySelectorAll('details table caption, details table thead th[scope=col]').length).toBeGreaterThan(2)
    }
    expect(section(el, '各渠道传播趋势').querySelector('[role=img]')!.getAttribute('aria-label'))
      .toBe('各渠道传播趋势折线图，3 天，法声昂“杨”栏目共 12,345，哔哩哔哩共 5,600，微信公众号共 2,300，数据见下表')

    expect(bodyRows(section(el, '按专题').querySelector('table')!)).toEqual([
      ['宪法宣传周', '6,000', '3,000', '1,000', '10,000'], ['未归入专题', '2,000', '1,000', '500', '3,500']])
    expect(bodyRows(section(el, '按类型').querySelector('table')!)[0]).toEqual(['微视频', '7,000', '5,600', '300', '12,900'])

    const top = section(el, '热门内容').querySelector('table')!
    expect([...top.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(
      ['内容', '类型', '栏目浏览', '视频播放', 'B站播放', '微信阅读', '点赞', '分享', '评论', '合计'])
    expect(bodyRows(top)[0]).toEqual(['防范养老诈骗（在新标签页打开）', '微视频', '3,000', '500', '4,000', '200', '120', '30', '12', '7,200'])
    expect(top.querySelector('tbody a')!.getAttribute('href')).toBe('/fsay/column/fangfan-yanglao')

    expect(bodyRows(section(el, '视频完播率').querySelector('table')!)).toEqual([
      ['防范养老诈骗', '微视频', '500', '450', '400', '350', '300', '60%'],
      ['反电诈动画', '微动画', '380', '300', '250', '160', '120', '31.6%']])
    expect(bodyRows(section(el, '辩论赛页面访问').querySelector('table')!)).toEqual([
      ['2025-03-01', '50'], ['2025-03-02', '60'], ['2025-03-03', '40']])
    const sites = section(el, '微景观扫码').querySelector('table')!
    expect(bodyRows(sites)).toEqual([
      ['控江公园宪法角（在新标签页打开）', '控江路街道', '50', '70'], ['殷行民法典长廊（在新标签页打开）', '殷行街道', '14', '20']])
    expect(sites.querySelector('tbody a')!.getAttribute('href')).toBe('/fsay/landscape/kongjiang-xianfa')
  })

  it('says there is nothing yet instead of drawing empty charts', async () => {
    const none = fakeFigures({
      channels: fakeFigures().channels!.map((c) => ({ ...c, values: [0, 0, 0], total: 0 })),
      byTopic: [], byKind: [], top: [], completion: [], contests: [], sites: [],
    })
    const el = await open(() => json(none))
    for (const heading of ['各渠道传播趋势', '按专题', '按类型', '热门内容', '视频完播率', '辩论赛页面访问', '微景观扫码']) {
      const s = section(el, heading)
      expect(s.querySelector('p')!.textContent).toBe('这段时间还没有数据')
      expect(s.querySelector('[role=img], table')).toBeNull()
    }
    expect(charts.made).toHaveLength(0)
  })

  it('draws each chart once and redraws it with the next range', async () => {
    const el = await open((q) => json(fakeFigures(q.get('preset') === 'week' ? { title: '本周' } : {})))
    expect(charts.made).toHaveLength(7)
    expect(charts.made.every((c) => c.el.getAttribute('role') === 'img' && c.options.length === 1)).toBe(true)
    ;(presetButtons(el)[0] as HTMLButtonElement).click()
    await flush()
    expect(charts.made).toHaveLength(7)
    expect(charts.made[0].options).toHaveLength(2)
    expect(charts.made[0].merges[1]).toEqual({ notMerge: true })
    app!.unmount()
    app = undefined
    expect(charts.made.every((c) => c.disposed)).toBe(true)
  })
})
