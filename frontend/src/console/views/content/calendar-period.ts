import { computed, ref } from 'vue'
import { addDays, monthGrid, shanghaiDate, startOfWeek, weekCells, type DayCell } from './time'

export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** The month or week a calendar shows and how to move through them; days are Shanghai dates (YYYY-MM-DD). */
export function useCalendarPeriod() {
  const today = shanghaiDate(new Date())
  const mode = ref<'month' | 'week'>('month')
  // The anchor is any date in the shown month or week.
  const anchor = ref(today)
  const year = computed(() => Number(anchor.value.slice(0, 4)))
  const month = computed(() => Number(anchor.value.slice(5, 7)))
  const weeks = computed<DayCell[][]>(() =>
    mode.value === 'month' ? monthGrid(year.value, month.value) : [weekCells(startOfWeek(anchor.value))])
  const range = computed(() => ({ from: weeks.value[0][0].date, to: weeks.value[weeks.value.length - 1][6].date }))
  const title = computed(() => mode.value === 'month'
    ? `${year.value}年${month.value}月`
    : `${range.value.from} 至 ${range.value.to}`)
  const unit = computed(() => (mode.value === 'month' ? '月' : '周'))

  function move(step: number) {
    if (mode.value === 'week') {
      anchor.value = addDays(anchor.value, 7 * step)
      return
    }
    const m = month.value - 1 + step
    anchor.value = `${year.value + Math.floor(m / 12)}-${String(((m % 12) + 12) % 12 + 1).padStart(2, '0')}-01`
  }

  return { today, mode, anchor, weeks, range, title, unit, move }
}

/** Items by the Shanghai day of their time; items without a time are left out. */
export function byShanghaiDay<T>(items: T[], at: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const time = at(item)
    if (!time) continue
    const day = shanghaiDate(time)
    map.set(day, [...(map.get(day) ?? []), item])
  }
  return map
}
