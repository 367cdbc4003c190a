import { describe, expect, it } from 'vitest'
import { addDays, formatShanghai, fromLocalInput, monthGrid, shanghaiDate, startOfWeek, toLocalInput, weekCells } from './time'

describe('Shanghai time helpers', () => {
  it('shows instants as Shanghai wall-clock time', () => {
    expect(formatShanghai('2026-05-01T01:30:00Z')).toBe('2026-05-01 09:30')
    expect(formatShanghai('2026-04-30T16:05:00Z')).toBe('2026-05-01 00:05')
    expect(formatShanghai('2026-05-01T09:30:00+08:00')).toBe('2026-05-01 09:30')
    expect(formatShanghai(undefined)).toBe('')
    expect(formatShanghai('not a date')).toBe('')
    expect(shanghaiDate('2026-12-31T16:00:00Z')).toBe('2027-01-01')
  })

  it('round-trips datetime-local values as Shanghai time with a +08:00 offset', () => {
    expect(toLocalInput('2026-11-30T17:00:00Z')).toBe('2026-12-01T01:00')
    expect(fromLocalInput('2026-12-01T09:00')).toBe('2026-12-01T09:00:00+08:00')
    expect(fromLocalInput('2026-12-01T09:00:30')).toBe('2026-12-01T09:00:30+08:00')
    const iso = fromLocalInput(toLocalInput('2026-03-08T23:45:00Z'))!
    expect(new Date(iso).toISOString()).toBe('2026-03-08T23:45:00.000Z')
  })

  it('rejects values that are not a real datetime-local', () => {
    expect(fromLocalInput('')).toBeUndefined()
    expect(fromLocalInput('2026-02-30T09:00')).toBeUndefined()
    expect(fromLocalInput('2026-12-01 09:00')).toBeUndefined()
    expect(fromLocalInput('2026-12-01T24:00')).toBeUndefined()
  })
})

describe('calendar grid', () => {
  it('does date arithmetic across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(startOfWeek('2026-05-03')).toBe('2026-04-27') // a Sunday → the Monday before
    expect(startOfWeek('2026-05-04')).toBe('2026-05-04') // already Monday
  })

  it('lays out a month in Monday-first weeks', () => {
    const weeks = monthGrid(2026, 5) // 1 May 2026 is a Friday, 31 May a Sunday
    expect(weeks).toHaveLength(5)
    expect(weeks[0][0]).toEqual({ date: '2026-04-27', day: 27, inMonth: false })
    expect(weeks[0][4]).toEqual({ date: '2026-05-01', day: 1, inMonth: true })
    expect(weeks[4][6]).toEqual({ date: '2026-05-31', day: 31, inMonth: true })
    expect(weeks.flat().filter((c) => c.inMonth)).toHaveLength(31)
  })

  it('covers a February that starts on Monday in exactly four weeks', () => {
    const weeks = monthGrid(2027, 2)
    expect(weeks).toHaveLength(4)
    expect(weeks[0][0].date).toBe('2027-02-01')
    expect(weeks[3][6].date).toBe('2027-02-28')
    expect(weekCells('2027-02-22').map((c) => c.day)).toEqual([22, 23, 24, 25, 26, 27, 28])
  })
})
