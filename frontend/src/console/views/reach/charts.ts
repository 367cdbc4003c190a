import { publicHref } from '../debate/model'
import type { ChartOption } from './echarts'
import { count, percent, shortDay, type GroupRow, type ReachFigures, type Series } from './model'

/** A table cell: text, or text linking to a public page. */
export type Cell = string | { text: string; href?: string }

/** The chart's numbers as a table, for screen readers and anyone who wants the exact figures. */
export interface ChartTable { caption: string; columns: string[]; rows: Cell[][]; foot?: string[] }

/** One section of the dashboard: a chart, what it shows in words, and the same numbers as a table. */
export interface ChartSpec {
  id: string
  title: string
  /** The chart's accessible name: what kind of chart it is and the main figures. */
  label: string
  /** Nothing counted in the range: the section says so instead of drawing an empty chart. */
  empty: boolean
  option: ChartOption
  table: ChartTable
  height: number
}

// Colours keep a 3:1 contrast on white; lines also differ by marker so the legend does not rely on colour.
const PALETTE = ['#b3121b', '#0e7fb5', '#15803d', '#b45309', '#6d28d9', '#475569', '#be185d', '#0f766e']
const MARKERS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow', 'emptyCircle']
const CHANNEL_COLORS: Record<string, string> = { column: PALETTE[0], bilibili: PALETTE[1], wechat: PALETTE[2] }
const GROUP_PARTS = [
  { key: 'column', label: '栏目浏览' },
  { key: 'bilibili', label: 'B站播放' },
  { key: 'wechat', label: '微信阅读' },
] as const

const anyCounted = (values: (number | null | undefined)[]) => values.some((v) => (v ?? 0) > 0)
const asNumber = (v: unknown) => (typeof v === 'number' ? v : Number(v))
const gridAt = (top = 40) => ({ left: 8, right: 32, top, bottom: 8, outerBoundsMode: 'same' as const, outerBoundsContain: 'axisLabel' as const })
const tooltip = (shadow = false) => ({
  trigger: 'axis' as const, confine: true, axisPointer: { type: shadow ? ('shadow' as const) : ('line' as const) },
  valueFormatter: (v: unknown) => (v == null || v === '-' ? '—' : count(asNumber(v))),
})
// One row; when the names do not fit (many contests, a phone) the legend pages instead of covering the plot.
const legend = { type: 'scroll' as const, top: 0, left: 0, right: 0, itemGap: 16 }
// The console's own fonts, so ECharts measures labels with the font it then draws them in.
const textStyle = { fontFamily: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' }
// Long titles are cut short on the axis; the tooltip and the table carry them in full.
const nameAxis = (names: string[]) => ({
  type: 'category' as const, data: names, inverse: true, axisLabel: { width: 96, overflow: 'truncate' as const },
})
// Whole counts; on a phone the labels that would overlap are left out.
const countAxis = { type: 'value' as const, minInterval: 1, axisLabel: { hideOverlap: true } }
const barsHeight = (rows: number, perRow = 34) => Math.max(200, rows * perRow + 80)

/** Daily figures as lines, and as a table of one row per day with a total row. */
function daily(id: string, title: string, days: string[], series: Series[], colors: string[], range: string, noun: string): ChartSpec {
  const sums = series.map((s) => `${s.label ?? ''}共 ${count(s.total)}`).join('，')
  return {
    id, title, height: 320,
    label: `${title}折线图，${days.length} 天，${sums}，数据见下表`,
    empty: !series.some((s) => anyCounted(s.values ?? [])),
    option: {
      textStyle, color: colors, tooltip: tooltip(), legend, grid: gridAt(),
      xAxis: { type: 'category', data: days.map(shortDay), boundaryGap: false },
      yAxis: countAxis,
      series: series.map((s, i) => ({ type: 'line', name: s.label, data: s.values ?? [], symbol: MARKERS[i % MARKERS.length], symbolSize: 7 })),
    },
    table: {
      caption: `${title}：每日${noun}（${range}）`,
      columns: ['日期', ...series.map((s) => s.label ?? '')],
      rows: days.map((day, i) => [day, ...series.map((s) => count(s.values?.[i]))]),
      foot: ['合计', ...series.map((s) => count(s.total))],
    },
  }
}

/** Column views, Bilibili plays and WeChat reads stacked per topic or per kind. */
function groups(id: string, title: string, nameColumn: string, rows: GroupRow[], range: string): ChartSpec {
  const first = rows[0]
  return {
    id, title, height: barsHeight(rows.length),
    label: `${title}的传播量堆叠条形图，共 ${rows.length} 个${nameColumn}${first ? `，最多的是“${first.name}”（${count(first.total)}）` : ''}，数据见下表`,
    empty: !anyCounted(rows.map((r) => r.total)),
    option: {
      textStyle, color: PALETTE.slice(0, 3), tooltip: tooltip(true), legend, grid: gridAt(),
      yAxis: nameAxis(rows.map((r) => r.name ?? '')), xAxis: countAxis,
      series: GROUP_PARTS.map((p) => ({ type: 'bar', name: p.label, stack: 'total', barMaxWidth: 24, data: rows.map((r) => r[p.key] ?? 0) })),
    },
    table: {
      caption: `${title}：各渠道传播量（${range}）`,
      columns: [nameColumn, ...GROUP_PARTS.map((p) => p.label), '合计'],
      rows: rows.map((r) => [r.name ?? '', ...GROUP_PARTS.map((p) => count(r[p.key])), count(r.total)]),
    },
  }
}

function topItems(f: ReachFigures, range: string): ChartSpec {
  const top = f.top ?? []
  const first = top[0]
  return {
    id: 'top', title: '热门内容', height: barsHeight(top.length),
    label: `热门内容条形图，传播量前 ${top.length} 项${first ? `，第一是“${first.title}”（${count(first.total)}）` : ''}，数据见下表`,
    empty: !anyCounted(top.map((t) => t.total)),
    option: {
      textStyle, color: [PALETTE[0]], tooltip: tooltip(true), grid: gridAt(16),
      yAxis: nameAxis(top.map((t) => t.title ?? '')), xAxis: countAxis,
      series: [{ type: 'bar', name: '合计传播量', barMaxWidth: 24, data: top.map((t) => t.total ?? 0),
        label: { show: true, position: 'right', formatter: (p: { value?: unknown }) => count(asNumber(p.value)) } }],
    },
    table: {
      caption: `热门内容：按合计传播量从高到低（${range}）`,
      columns: ['内容', '类型', '栏目浏览', '视频播放', 'B站播放', '微信阅读', '点赞', '分享', '评论', '合计'],
      rows: top.map((t) => [{ text: t.title ?? '', href: t.path ? publicHref(t.path) : undefined }, t.kind ?? '',
        ...[t.column, t.plays, t.bilibili, t.wechat, t.likes, t.shares, t.comments, t.total].map(count)]),
    },
  }
}

function completion(f: ReachFigures, range: string): ChartSpec {
  const videos = f.completion ?? []
  const first = videos[0]
  return {
    id: 'completion', title: '视频完播率', height: barsHeight(videos.length, 44),
    label: `视频完播率条形图，共 ${videos.length} 个视频${first ? `，播放最多的是“${first.title}”（${count(first.plays)} 次，完播率 ${percent(first.completionRate)}）` : ''}，数据见下表`,
    empty: !anyCounted(videos.map((v) => v.plays)),
    option: {
      textStyle, color: [PALETTE[0], PALETTE[5]], tooltip: tooltip(true), legend, grid: gridAt(64),
      yAxis: nameAxis(videos.map((v) => v.title ?? '')),
      xAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', hideOverlap: true } },
        { ...countAxis, position: 'top', splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: '完播率', barMaxWidth: 16, data: videos.map((v) => v.completionRate ?? '-'),
          tooltip: { valueFormatter: (v: unknown) => percent(v == null || v === '-' ? null : asNumber(v)) } },
        { type: 'bar', name: '播放', xAxisIndex: 1, barMaxWidth: 16, data: videos.map((v) => v.plays ?? 0),
          tooltip: { valueFormatter: (v: unknown) => count(asNumber(v)) } },
      ],
    },
    table: {
      caption: `视频完播率：栏目内播放与看到各进度的次数（${range}）`,
      columns: ['视频', '类型', '播放', '看到 25%', '看到 50%', '看到 75%', '看完', '完播率'],
      rows: videos.map((v) => [v.title ?? '', v.kind ?? '', ...[v.plays, v.p25, v.p50, v.p75, v.p100].map(count), percent(v.completionRate)]),
    },
  }
}

function sites(f: ReachFigures, range: string): ChartSpec {
  const list = f.sites ?? []
  const first = list[0]
  return {
    id: 'sites', title: '微景观扫码', height: barsHeight(list.length, 44),
    label: `微景观扫码与页面浏览条形图，共 ${list.length} 处${first ? `，扫码最多的是“${first.name}”（${count(first.scans)} 次）` : ''}，数据见下表`,
    empty: !list.some((s) => (s.scans ?? 0) > 0 || (s.views ?? 0) > 0),
    option: {
      textStyle, color: [PALETTE[0], PALETTE[1]], tooltip: tooltip(true), legend, grid: gridAt(),
      yAxis: nameAxis(list.map((s) => s.name ?? '')), xAxis: countAxis,
      series: [
        { type: 'bar', name: '扫码', barMaxWidth: 16, data: list.map((s) => s.scans ?? 0) },
        { type: 'bar', name: '页面浏览', barMaxWidth: 16, data: list.map((s) => s.views ?? 0) },
      ],
    },
    table: {
      caption: `微景观扫码：二维码扫码与公开页面浏览次数（${range}）`,
      columns: ['微景观', '街道', '扫码', '页面浏览'],
      rows: list.map((s) => [{ text: s.name ?? '', href: s.path ? publicHref(s.path) : undefined }, s.street ?? '', count(s.scans), count(s.views)]),
    },
  }
}

/** Every chart of the dashboard, in the order shown. */
export function reachCharts(f: ReachFigures): ChartSpec[] {
  const range = `${f.from ?? ''} 至 ${f.to ?? ''}`
  const days = f.days ?? []
  const channels = f.channels ?? []
  const contests = f.contests ?? []
  return [
    daily('trend', '各渠道传播趋势', days, channels, channels.map((c, i) => CHANNEL_COLORS[c.key ?? ''] ?? PALETTE[i % PALETTE.length]),
      range, '传播量'),
    groups('topics', '按专题', '专题', f.byTopic ?? [], range),
    groups('kinds', '按类型', '类型', f.byKind ?? [], range),
    topItems(f, range),
    completion(f, range),
    daily('contests', '辩论赛页面访问', days, contests, contests.map((_, i) => PALETTE[i % PALETTE.length]), range, '页面浏览'),
    sites(f, range),
  ]
}
