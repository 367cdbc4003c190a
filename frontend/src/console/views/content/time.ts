// Console times are shown and entered as Asia/Shanghai wall-clock time, whatever the browser's zone.
// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for our dates.
const OFFSET_MS = 8 * 60 * 60 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

function shanghaiFields(at: string | Date) {
  const d = new Date(new Date(at).getTime() + OFFSET_MS)
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  }
}

const valid = (at: string | Date | undefined | null): at is string | Date =>
  at != null && at !== '' && !Number.isNaN(new Date(at).getTime())

/** "YYYY-MM-DD HH:mm" in Shanghai time; empty for a missing or unreadable instant. */
export function formatShanghai(at?: string | Date | null): string {
  if (!valid(at)) return ''
  const { date, time } = shanghaiFields(at)
  return `${date} ${time}`
}

/** The Shanghai calendar date ("YYYY-MM-DD") of an instant. */
export function shanghaiDate(at: string | Date): string {
  return shanghaiFields(at).date
}

/** Value for <input type="datetime-local"> showing the instant in Shanghai time. */
export function toLocalInput(at?: string | Date | null): string {
  if (!valid(at)) return ''
  const { date, time } = shanghaiFields(at)
  return `${date}T${time}`
}

/** Reads a datetime-local value as Shanghai time: ISO 8601 with +08:00, or undefined if it is not one. */
export function fromLocalInput(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m
  const check = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi))
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59) return undefined
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+08:00`
}

// ---- plain calendar dates ("YYYY-MM-DD"), computed in UTC so the browser zone never shifts them ----

function parseDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}

const formatDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

export function addDays(date: string, days: number): string {
  const d = parseDate(date)
  d.setUTCDate(d.getUTCDate() + days)
  return formatDate(d)
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  return (parseDate(date).getUTCDay() + 6) % 7
}

/** The Monday on or before the date. */
export function startOfWeek(date: string): string {
  return addDays(date, -weekdayIndex(date))
}

export interface DayCell { date: string; day: number; inMonth: boolean }

/** Weeks (Monday first) covering the month; month is 1–12. Cells outside the month are marked. */
export function monthGrid(year: number, month: number): DayCell[][] {
  const first = `${year}-${pad(month)}-01`
  const last = addDays(formatDate(new Date(Date.UTC(year, month, 1))), -1)
  const weeks: DayCell[][] = []
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) {
    weeks.push(weekCells(start, month))
  }
  return weeks
}

/** The seven days starting at the given Monday. */
export function weekCells(monday: string, month?: number): DayCell[] {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i)
    const m = Number(date.slice(5, 7))
    return { date, day: Number(date.slice(8, 10)), inMonth: month === undefined || m === month }
  })
}
