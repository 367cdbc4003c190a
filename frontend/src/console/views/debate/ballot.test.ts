import { describe, expect, it } from 'vitest'
import { ballotForJudge, ballotPayload, ballotProblems, leadingSide, nextJudgeWithout, rulesOf, scoreProblem, speakers, totals, winnerOf, type BallotForm } from './ballot'
import { fakeMatch, fakeSheet } from './test-fakes'

const sheet = fakeSheet()
const rules = rulesOf(sheet)

/** A blank ballot for 周评委 with the four scores given in speaking order (正一, 正二, 反一, 反二). */
function scored(...scores: (string | number)[]): BallotForm {
  const form = ballotForJudge(sheet, 'j1')
  form.rows.forEach((r, i) => (r.score = scores[i] ?? ''))
  form.bestDebaterId = 'a1'
  return form
}

describe('a new ballot', () => {
  it('puts each team’s debaters in their listed order, one per position', () => {
    const form = ballotForJudge(sheet, 'j1')
    expect(form.rows.map((r) => `${r.side}-${r.position}:${r.debaterId}`))
      .toEqual(['AFFIRMATIVE-1:a1', 'AFFIRMATIVE-2:a2', 'NEGATIVE-1:n1', 'NEGATIVE-2:n2'])
    expect(form.version).toBeUndefined()
  })

  it('leaves a position empty when the team has fewer debaters than positions', () => {
    const form = ballotForJudge(fakeSheet({ negativeDebaters: [{ id: 'n1', name: '王五' }] }), 'j1')
    expect(form.rows[3].debaterId).toBe('')
    expect(ballotProblems(form, sheet)['debater-NEGATIVE-2']).toBe('请选择反方二辩的辩手')
  })
})

describe('totals and the winner', () => {
  it('adds each side’s scores without floating-point dust', () => {
    expect(totals(scored('85.5', '80.1', 70, ''))).toEqual({ AFFIRMATIVE: 165.6, NEGATIVE: 70 })
  })

  it('preselects the side ahead on points, until the person picks one', () => {
    const form = scored(80, 80, 85, 85)
    expect(leadingSide(form)).toBe('NEGATIVE')
    expect(winnerOf(form)).toBe('NEGATIVE')
    form.winner = 'AFFIRMATIVE'
    expect(winnerOf(form)).toBe('AFFIRMATIVE')
  })
})

describe('score checks', () => {
  it('accepts scores in range on the step and refuses the rest in Chinese', () => {
    expect(scoreProblem('85.5', rules)).toBe('')
    expect(scoreProblem(100, rules)).toBe('')
    expect(scoreProblem('', rules)).toBe('请填写得分')
    expect(scoreProblem('八十', rules)).toBe('请填写数字')
    expect(scoreProblem('85.3', rules)).toBe('得分须在 60–100 分之间，以 0.5 分为一档')
    expect(scoreProblem('59.5', rules)).toBe('得分须在 60–100 分之间，以 0.5 分为一档')
    expect(scoreProblem('100.5', rules)).toBe('得分须在 60–100 分之间，以 0.5 分为一档')
    expect(scoreProblem('61.1', { ...rules, step: 0.1 })).toBe('')
  })

  it('names the position whose score is missing or wrong, and passes a complete ballot', () => {
    const problems = ballotProblems(scored(85, '', 80, '85.2'), sheet)
    expect(problems['score-AFFIRMATIVE-2']).toBe('请填写得分')
    expect(problems['score-NEGATIVE-2']).toContain('0.5 分为一档')
    expect(problems['score-AFFIRMATIVE-1']).toBeUndefined()
    expect(ballotProblems(scored(85, 86, 80, 81), sheet)).toEqual({})
  })

  it('refuses one debater in two positions', () => {
    const form = scored(85, 86, 80, 81)
    form.rows[1].debaterId = 'a1'
    expect(ballotProblems(form, sheet)['debater-AFFIRMATIVE-2']).toBe('张三已担任正方一辩，不能同时担任两个辩位')
  })
})

describe('tie and low-point-win rules', () => {
  it('refuses equal totals unless the contest allows them', () => {
    const tied = scored(85, 85, 80, 90)
    tied.winner = 'AFFIRMATIVE'
    expect(ballotProblems(tied, sheet).totals).toBe('双方总分相同（170），本赛事不允许平分，请调整得分')
    const allowing = fakeSheet({ scoring: { ...sheet.scoring, allowTiedTotals: true } })
    expect(ballotProblems(tied, allowing)).toEqual({})
  })

  it('asks for a winner on equal totals, since neither side is ahead', () => {
    const allowing = fakeSheet({ scoring: { ...sheet.scoring, allowTiedTotals: true } })
    expect(ballotProblems(scored(85, 85, 80, 90), allowing).winner).toBe('请选择获胜方')
  })

  it('refuses a low-point win unless the contest allows it', () => {
    const low = scored(80, 80, 85, 85)
    low.winner = 'AFFIRMATIVE'
    expect(ballotProblems(low, sheet).winner).toBe('正方总分（160）低于对方（170），本赛事不允许低分胜，请核对获胜方或得分')
    const allowing = fakeSheet({ scoring: { ...sheet.scoring, allowLowPointWin: true } })
    expect(ballotProblems(low, allowing)).toEqual({})
  })
})

describe('best debater', () => {
  it('offers only the chosen speakers and refuses anyone else', () => {
    const form = scored(85, 86, 80, 81)
    expect(speakers(form, sheet).map((s) => s.label)).toEqual(['正方一辩 张三', '正方二辩 李四', '反方一辩 王五', '反方二辩 钱七'])
    form.bestDebaterId = 'a3'
    expect(ballotProblems(form, sheet).bestDebaterId).toBe('最佳辩手须是本场上场的辩手')
    form.bestDebaterId = ''
    expect(ballotProblems(form, sheet).bestDebaterId).toBe('请选择最佳辩手')
  })
})

describe('correcting a ballot already in', () => {
  const entered = fakeSheet({ ballots: [{ id: 'b1', judgeId: 'j2', judgeName: '吴评委', winner: 'NEGATIVE', bestDebaterId: 'n2',
    version: 4, scores: [
      { side: 'AFFIRMATIVE', position: 1, debaterId: 'a2', score: 80 }, { side: 'AFFIRMATIVE', position: 2, debaterId: 'a1', score: 81 },
      { side: 'NEGATIVE', position: 1, debaterId: 'n1', score: 85 }, { side: 'NEGATIVE', position: 2, debaterId: 'n2', score: 86.5 }] }] })

  it('loads the ballot as entered, speakers and all', () => {
    const form = ballotForJudge(entered, 'j2')
    expect(form.rows.map((r) => `${r.debaterId}:${r.score}`)).toEqual(['a2:80', 'a1:81', 'n1:85', 'n2:86.5'])
    expect(form).toMatchObject({ winner: 'NEGATIVE', bestDebaterId: 'n2', version: 4, reason: '' })
  })

  it('requires a reason, and sends it with the version', () => {
    const form = ballotForJudge(entered, 'j2')
    expect(ballotProblems(form, entered)).toEqual({ reason: '更正已录入的评分表须填写更正原因' })
    form.reason = ' 录入时看错行 '
    expect(ballotProblems(form, entered)).toEqual({})
    expect(ballotPayload(form)).toMatchObject({ winner: 'NEGATIVE', version: 4, reason: '录入时看错行' })
  })

  it('sends a first ballot without version or reason, scores as numbers', () => {
    const payload = ballotPayload(scored('85.5', 86, 80, 81))
    expect(payload).toEqual({ winner: 'AFFIRMATIVE', bestDebaterId: 'a1', version: undefined, reason: undefined, scores: [
      { side: 'AFFIRMATIVE', position: 1, debaterId: 'a1', score: 85.5 }, { side: 'AFFIRMATIVE', position: 2, debaterId: 'a2', score: 86 },
      { side: 'NEGATIVE', position: 1, debaterId: 'n1', score: 80 }, { side: 'NEGATIVE', position: 2, debaterId: 'n2', score: 81 }] })
  })
})

describe('the next judge', () => {
  it('is the next one on the panel without a ballot, wrapping round, or none', () => {
    const judges = fakeMatch().judges!
    const panel = (inn: boolean[]) => fakeSheet({ match: fakeMatch({ judges: judges.map((j, i) => ({ ...j, ballotIn: inn[i] })) }) })
    expect(nextJudgeWithout(panel([true, false, false]), 'j1')).toBe('j2')
    expect(nextJudgeWithout(panel([false, true, true]), 'j3')).toBe('j1')
    expect(nextJudgeWithout(panel([true, true, true]), 'j3')).toBeUndefined()
  })
})
