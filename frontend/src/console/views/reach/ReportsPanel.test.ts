import type { App } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response | Promise<Response> => new Response(null, { status: 500 }), calls: [] as Request[] }
  globalThis.fetch = ((req: Request) => {
    state.calls.push(req.clone())
    return Promise.resolve(state.handle(req))
  }) as typeof fetch
  return state
})
import ReportsPanel from './ReportsPanel.vue'
import { fakeReport, flush, json, labelled, mountAt, named, type } from './test-fakes'

let app: App | undefined
beforeEach(() => {
  // 10 May 2025, 07:30 in Shanghai.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-05-09T23:30:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
  delete document.documentElement.dataset.base
})

const YEARLY = fakeReport({ id: 'r2', period: 'YEAR', periodLabel: '年报', title: '2024年法治宣传传播力年报', from: '2024-01-01',
  to: '2024-12-31', createdAt: '2025-01-02T08:00:00Z', createdByName: '吴科长',
  files: [{ format: 'xlsx', name: 'a.xlsx', size: 1, url: '/api/console/reach/reports/r2/xlsx' },
    { format: 'pdf', name: 'a.pdf', size: 1, url: '/api/console/reach/reports/r2/pdf' }] })

async function panel(made: (body: unknown) => Response | Promise<Response> = () => json(fakeReport(), 201)) {
  server.handle = async (req) => (req.method === 'POST' ? made(await req.json()) : json([YEARLY]))
  ;({ app } = await mountAt('/reach', ReportsPanel, '/reach'))
  return document.body
}
const rows = (el: Element) => [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()))
const downloads = (tr: Element) => [...tr.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.hasAttribute('download')])
const posted = () => server.calls.filter((r) => r.method === 'POST')

describe('reports panel', () => {
  it('lists the reports made so far with their range, maker, Shanghai time and downloads under the base path', async () => {
    document.documentElement.dataset.base = '/fsay'
    const el = await panel()
    expect(el.querySelector('h2')!.textContent).toBe('月报与年报')
    expect([...el.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['报告', '统计范围', '生成人', '生成时间', '下载'])
    expect(rows(el)).toEqual([['2024年法治宣传传播力年报', '2024-01-01 至 2024-12-31', '吴科长', '2025-01-02 16:00',
      '下载 Excel：2024年法治宣传传播力年报下载 PDF：2024年法治宣传传播力年报']])
    expect(downloads(el.querySelector('tbody tr')!)).toEqual([
      ['下载 Excel：2024年法治宣传传播力年报', '/fsay/api/console/reach/reports/r2/xlsx', true],
      ['下载 PDF：2024年法治宣传传播力年报', '/fsay/api/console/reach/reports/r2/pdf', true]])
  })

  it('makes a monthly report for the chosen month and puts it first with both downloads', async () => {
    let finish: (r: Response) => void = () => {}
    const el = await panel(() => new Promise<Response>((resolve) => { finish = resolve }))
    expect(labelled(el, '报告类型')!.value).toBe('MONTH')
    expect(labelled(el, '年份')!.value).toBe('2025')
    expect(labelled(el, '月份')!.value).toBe('5')
    expect([...labelled(el, '月份')!.options].map((o) => o.textContent)).toEqual(
      ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'])
    type(labelled(el, '月份')!, '3')
    named(el, '生成报告').click()
    await flush()
    expect(await posted()[0].json()).toEqual({ period: 'MONTH', year: 2025, month: 3 })
    const busy = named(el, '生成中…')
    expect(busy.disabled).toBe(true)

    finish(json(fakeReport(), 201))
    await flush()
    expect(named(el, '生成报告').disabled).toBe(false)
    expect(el.querySelector('[role=status]')!.textContent).toBe('已生成：2025年3月法治宣传传播力月报')
    expect(rows(el).map((r) => r[0])).toEqual(['2025年3月法治宣传传播力月报', '2024年法治宣传传播力年报'])
    expect(downloads(el.querySelector('tbody tr')!)).toEqual([
      ['下载 Excel：2025年3月法治宣传传播力月报', '/api/console/reach/reports/r1/xlsx', true],
      ['下载 PDF：2025年3月法治宣传传播力月报', '/api/console/reach/reports/r1/pdf', true]])
  })

  it('sends no month for a yearly report', async () => {
    const el = await panel(() => json(YEARLY, 201))
    type(labelled(el, '报告类型')!, 'YEAR')
    await flush()
    expect(labelled(el, '月份')).toBeUndefined()
    type(labelled(el, '年份')!, '2024')
    named(el, '生成报告').click()
    await flush()
    expect(await posted()[0].json()).toEqual({ period: 'YEAR', year: 2024 })
    expect(el.querySelector('[role=status]')!.textContent).toBe('已生成：2024年法治宣传传播力年报')
    expect(rows(el)).toHaveLength(1)
  })

  it('shows why the server refused a report next to the field', async () => {
    const el = await panel(() => json({ title: '请求参数有误', status: 400, detail: '这段时间还没有开始',
      errors: [{ field: 'month', message: '这段时间还没有开始' }] }, 400))
    type(labelled(el, '月份')!, '12')
    named(el, '生成报告').click()
    await flush()
    expect(el.querySelector('[role=alert]')!.textContent).toBe('这段时间还没有开始')
    const month = labelled(el, '月份')!
    expect(month.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(month.getAttribute('aria-describedby')!)!.textContent).toBe('这段时间还没有开始')
    expect(el.querySelector('[role=status]')!.textContent).toBe('')
  })

  it('asks for a year before sending', async () => {
    const el = await panel()
    type(labelled(el, '年份')!, '')
    named(el, '生成报告').click()
    await flush()
    expect(posted()).toHaveLength(0)
    expect(el.querySelector('[role=alert]')!.textContent).toBe('请填写年份，例如 2025')
  })
})
