import type { components } from '../../api/schema'
import { basePath } from '../../api/client'
import { shanghaiDate } from '../content/time'

type Schemas = components['schemas']
export type ReachFigures = Schemas['ReachFigures']
export type Totals = Schemas['Totals']
export type Series = Schemas['Series']
export type GroupRow = Schemas['GroupRow']
export type ItemRow = Schemas['ItemRow']
export type VideoRow = Schemas['VideoRow']
export type SiteRow = Schemas['SiteRow']
export type ReportView = Schemas['ReportView']
export type ReportRequest = Schemas['ReportRequest']
export type ReportPeriod = ReportRequest['period']

/** The dashboard's ready-made ranges: from the period's first day up to today (Shanghai time). */
export type Preset = 'week' | 'month' | 'quarter' | 'year'
export const PRESETS: { value: Preset; label: string }[] = [
  { value: 'week', label: '本周' },
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '本季度' },
  { value: 'year', label: '本年' },
]

/** What the figures are asked for: a preset, or a chosen range of days (YYYY-MM-DD). */
export type RangeQuery = { preset: Preset } | { from: string; to: string }

/** The summary cards, in the order shown. */
export const TOTAL_CARDS: { key: keyof Totals; label: string }[] = [
  { key: 'columnViews', label: '栏目浏览' },
  { key: 'plays', label: '视频播放' },
  { key: 'completed', label: '看完' },
  { key: 'bilibiliViews', label: 'B站播放' },
  { key: 'wechatReads', label: '微信阅读' },
  { key: 'interactions', label: '渠道互动' },
  { key: 'contestViews', label: '辩论赛页面浏览' },
  { key: 'qrScans', label: '微景观扫码' },
]

export const REPORT_PERIODS: { value: ReportPeriod; label: string }[] = [
  { value: 'MONTH', label: '月报' },
  { value: 'YEAR', label: '年报' },
]

/** A count as people read it in China: 12,345. */
export const count = (n?: number | null) => (n ?? 0).toLocaleString('zh-CN')

/** A percentage with at most one decimal (62.5%), or a dash before the first play. */
export const percent = (n?: number | null) => (n == null ? '—' : `${n.toLocaleString('zh-CN', { maximumFractionDigits: 1 })}%`)

/** 2025-03-07 → 3月7日, for chart axes where the year is clear from the range. */
export const shortDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** Today's Shanghai year and month (1–12), the report form's defaults. */
export function currentYearMonth(now: Date = new Date()): { year: number; month: number } {
  const [year, month] = shanghaiDate(now).split('-').map(Number)
  return { year, month }
}

/** A report download: the server gives the address within the application, the console adds its base path. */
export const reportHref = (url?: string) => `${basePath()}${url ?? ''}`

/** The body of a report request: a yearly report has no month. */
export const reportRequest = (period: ReportPeriod, year: number, month: number): ReportRequest =>
  period === 'YEAR' ? { period, year } : { period, year, month }
