import { describe, expect, it } from 'vitest'
import { init, setPlatformAPI } from 'echarts/core'
import { reachCharts } from './charts'
import type { ChartOption } from './echarts'
import './echarts'
import { count, percent, reportRequest, shortDay } from './model'
import { fakeFigures } from './test-fakes'

// jsdom has no canvas to measure text with; a rough width per character is enough to lay the chart out.
setPlatformAPI({ measureText: (text = '') => ({ width: text.length * 12 }) })

/** The chart as ECharts draws it (server-side SVG, so jsdom's missing layout does not matter). */
function draw(option: ChartOption): string {
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width: 640, height: 420, locale: 'ZH' })
  chart.setOption(option)
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

describe('reach charts', () => {
  it('builds the seven charts in order, each drawable by ECharts with its legend and names', () => {
    const charts = reachCharts(fakeFigures())
    expect(charts.map((c) => c.title)).toEqual(['各渠道传播趋势', '按专题', '按类型', '热门内容', '视频完播率', '辩论赛页面访问', '微景观扫码'])
    const svgs = Object.fromEntries(charts.map((c) => [c.id, draw(c.option)]))
    expect(svgs.trend).toContain('哔哩哔哩')
    expect(svgs.trend).toContain('3月2日')
    expect(svgs.topics).toContain('宪法宣传周')
    expect(svgs.topics).toContain('B站播放')
    expect(svgs.kinds).toContain('微视频')
    expect(svgs.top).toContain('7,200')
    expect(svgs.completion).toContain('100%')
    expect(svgs.contests).toContain('杨浦区高中生法治辩论赛')
    expect(svgs.sites).toContain('页面浏览')
  })

  it('describes each chart in words for screen readers', () => {
    const labels = Object.fromEntries(reachCharts(fakeFigures()).map((c) => [c.id, c.label]))
    expect(labels.top).toBe('热门内容条形图，传播量前 2 项，第一是“防范养老诈骗”（7,200），数据见下表')
    expect(labels.completion).toBe('视频完播率条形图，共 2 个视频，播放最多的是“防范养老诈骗”（500 次，完播率 60%），数据见下表')
    expect(labels.sites).toBe('微景观扫码与页面浏览条形图，共 2 处，扫码最多的是“控江公园宪法角”（50 次），数据见下表')
    expect(labels.topics).toBe('按专题的传播量堆叠条形图，共 2 个专题，最多的是“宪法宣传周”（10,000），数据见下表')
  })

  it('counts a chart as empty only when nothing in it was counted', () => {
    const quiet = fakeFigures({ sites: [{ id: 's1', name: '控江公园宪法角', views: 0, scans: 0 }], contests: [] })
    const empty = Object.fromEntries(reachCharts(quiet).map((c) => [c.id, c.empty]))
    expect(empty).toEqual({ trend: false, topics: false, kinds: false, top: false, completion: false, contests: true, sites: true })
  })

  it('leaves a gap for a video nobody has played to the end yet and shows a dash in its table', () => {
    const figures = fakeFigures({ completion: [{ id: 'c9', title: '新片', kind: '微视频', plays: 3, p25: 1, p50: 0, p75: 0, p100: 0, completionRate: undefined }] })
    const chart = reachCharts(figures).find((c) => c.id === 'completion')!
    expect(chart.table.rows).toEqual([['新片', '微视频', '3', '1', '0', '0', '0', '—']])
    expect(() => draw(chart.option)).not.toThrow()
  })
})

describe('reach formatting', () => {
  it('writes counts, percentages and days the Chinese way', () => {
    expect(count(1234567)).toBe('1,234,567')
    expect(count(undefined)).toBe('0')
    expect(percent(62.5)).toBe('62.5%')
    expect(percent(100)).toBe('100%')
    expect(percent(null)).toBe('—')
    expect(shortDay('2025-03-07')).toBe('3月7日')
  })

  it('asks for a month only in a monthly report', () => {
    expect(reportRequest('MONTH', 2025, 3)).toEqual({ period: 'MONTH', year: 2025, month: 3 })
    expect(reportRequest('YEAR', 2024, 3)).toEqual({ period: 'YEAR', year: 2024 })
  })
})
