import { describe, expect, it } from 'vitest'
import { moved } from './contest-form'
import { clock, metricValue, parseClock, positionLabel, rankText, resultText } from './model'

describe('display helpers', () => {
  it('reads and writes speech times as 分:秒', () => {
    expect(clock(180)).toBe('3:00')
    expect(clock(90)).toBe('1:30')
    expect(parseClock('2:30')).toBe(150)
    expect(parseClock('4')).toBe(240)
    expect(parseClock('3：05')).toBe(185)
    expect(parseClock('3:75')).toBeUndefined()
    expect(parseClock('三分钟')).toBeUndefined()
  })

  it('words a match result with the winner’s ballots first', () => {
    expect(resultText({ decided: true, winner: 'NEGATIVE', affirmativeBallots: 1, negativeBallots: 2 })).toBe('反方胜 2:1')
    expect(resultText({ decided: true, winner: 'AFFIRMATIVE', affirmativeBallots: 3, negativeBallots: 0 })).toBe('正方胜 3:0')
    expect(resultText({ decided: false, split: true, affirmativeBallots: 1, negativeBallots: 1 })).toBe('平票 1:1')
    expect(resultText({ decided: false, ballotsIn: 1 })).toBe('')
  })

  it('names positions in Chinese numerals and places with = when shared', () => {
    expect(positionLabel('AFFIRMATIVE', 1)).toBe('正方一辩')
    expect(positionLabel('NEGATIVE', 4)).toBe('反方四辩')
    expect(rankText(3, true)).toBe('=3')
    expect(rankText(1, false)).toBe('1')
  })

  it('shows counts whole and scores to one decimal', () => {
    expect(metricValue('wins', 2)).toBe('2')
    expect(metricValue('speaks', 1010)).toBe('1010.0')
    expect(metricValue('margin', -3.25)).toBe('-3.3')
  })

  it('moves a list item up or down, not past either end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c'])
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })
})
