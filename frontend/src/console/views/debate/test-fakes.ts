import type { BallotSheet, ContestView, MatchView, RosterView, RoundView } from './model'

export { button, flush, json, mountAt } from '../publishing/test-fakes'

/** The input, select or textarea whose label reads exactly `text` (hidden parts of the label included). */
export function labelled(el: Element, text: string) {
  const own = (l: Element) => [...l.childNodes].filter((n) => n instanceof Text || (n instanceof Element && !n.matches('input, select, textarea')))
    .map((n) => n.textContent).join('').replace(/\s+/g, '')
  const label = [...el.querySelectorAll('label')].find((l) => own(l) === text)
  const control = label?.htmlFor ? el.ownerDocument.getElementById(label.htmlFor) : label?.querySelector('input, select, textarea')
  return (control ?? undefined) as HTMLInputElement & HTMLSelectElement | undefined
}

/** The button whose whole text (hidden parts included) is `text`. */
export const named = (el: Element, text: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement

export function type(input: HTMLInputElement | HTMLSelectElement, value: string) {
  input.value = value
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'))
}

export const fakeContest = (more: Partial<ContestView> = {}): ContestView => ({
  id: 'k1', slug: 'ypfz-2026', name: '杨浦区高中生法治辩论赛', season: '2026', description: '', namePolicy: 'SURNAME',
  ballotsPublic: false, prelimRounds: 3, breakSize: 4, panelSize: 3, metrics: ['wins', 'ballots', 'speaks', 'margin'],
  published: false, publicPath: '/debate/ypfz-2026', version: 2,
  format: { name: '中式辩论（四对四）', debatersPerTeam: 4, speeches: [
    { label: '正方一辩 开篇立论', side: 'AFFIRMATIVE', position: 1, seconds: 180 },
    { label: '自由辩论', position: 0, seconds: 480 }] },
  scoring: { min: 60, max: 100, step: 0.5, allowTiedTotals: false, allowLowPointWin: false },
  ...more,
})

export const fakeRoster = (): RosterView => ({
  schools: [{ id: 's1', name: '复旦附中', teams: 1 }, { id: 's2', name: '控江中学', teams: 1 }, { id: 's3', name: '杨浦高级中学', teams: 1 }],
  teams: [
    { id: 't1', schoolId: 's1', schoolName: '复旦附中', name: '复附一队', debaters: [{ id: 'a1', name: '张三' }, { id: 'a2', name: '李四' }], version: 0 },
    { id: 't2', schoolId: 's2', schoolName: '控江中学', name: '控江一队', debaters: [{ id: 'n1', name: '王五' }], version: 0 },
    { id: 't3', schoolId: 's3', schoolName: '杨浦高级中学', name: '杨高一队', debaters: [], version: 0 },
  ],
  judges: [{ id: 'j1', name: '周评委', affiliation: '区司法局', conflictSchoolIds: [] },
    { id: 'j2', name: '吴评委', affiliation: '复旦大学', conflictSchoolIds: ['s1'] },
    { id: 'j3', name: '郑评委', affiliation: '', conflictSchoolIds: [] }],
  venues: [{ id: 'v1', name: '第一报告厅', address: '' }, { id: 'v2', name: '第二报告厅', address: '' }],
})

export const fakeMatch = (more: Partial<MatchView> = {}): MatchView => ({
  id: 'm1', roundId: 'r1', slot: 1,
  affirmative: { teamId: 't1', name: '复附一队', schoolName: '复旦附中' },
  negative: { teamId: 't2', name: '控江一队', schoolName: '控江中学' },
  venueId: 'v1', venueName: '第一报告厅', startsAt: '2026-12-05T01:00:00Z',
  judges: [{ id: 'j1', name: '周评委', ballotIn: false }, { id: 'j2', name: '吴评委', ballotIn: false }, { id: 'j3', name: '郑评委', ballotIn: false }],
  outcome: { ballotsIn: 0, ballotsExpected: 3, decided: false, split: false, affirmativeBallots: 0, negativeBallots: 0 },
  version: 0, ...more,
})

export const fakeRound = (more: Partial<RoundView> = {}): RoundView => ({
  id: 'r1', seq: 1, name: '第一轮', stage: 'PRELIMINARY', startsAt: '2026-12-05T01:00:00Z',
  motion: { text: '高中生使用人工智能完成作业利大于弊', affirmative: '利大于弊', negative: '弊大于利' },
  drawReleased: false, motionReleased: false, resultsReleased: false, complete: false,
  matches: [fakeMatch()], conflicts: [], version: 0, ...more,
})

/** A two-a-side sheet (short, so tests stay readable) with three judges and no ballots yet. */
export const fakeSheet = (more: Partial<BallotSheet> = {}): BallotSheet => ({
  contestId: 'k1', contestName: '杨浦区高中生法治辩论赛', roundName: '第一轮', match: fakeMatch(),
  motion: { text: '高中生使用人工智能完成作业利大于弊', affirmative: '利大于弊', negative: '弊大于利' },
  positions: 2, scoring: { min: 60, max: 100, step: 0.5, allowTiedTotals: false, allowLowPointWin: false },
  affirmativeDebaters: [{ id: 'a1', name: '张三' }, { id: 'a2', name: '李四' }, { id: 'a3', name: '赵六' }],
  negativeDebaters: [{ id: 'n1', name: '王五' }, { id: 'n2', name: '钱七' }],
  ballots: [], ...more,
})
