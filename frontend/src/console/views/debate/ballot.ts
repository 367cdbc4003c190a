import { positionLabel, SIDE_LABELS, SIDES, trimmed, type BallotSheet, type BallotView, type SaveBallot, type Side } from './model'

/** One speaking position on a ballot; the score stays as typed until it is sent. */
export interface ScoreRow { side: Side; position: number; debaterId: string; score: string | number }

export interface BallotForm {
  judgeId: string
  rows: ScoreRow[]
  /** The winner the person chose; empty means "the side with the higher total". */
  winner: Side | ''
  bestDebaterId: string
  reason: string
  /** Set when correcting a ballot already in: the version it is based on. */
  version?: number
}

export interface Rules { min: number; max: number; step: number; allowTiedTotals: boolean; allowLowPointWin: boolean }

export function rulesOf(sheet: BallotSheet): Rules {
  const s = sheet.scoring
  return { min: s?.min ?? 60, max: s?.max ?? 100, step: s?.step ?? 0.5, allowTiedTotals: !!s?.allowTiedTotals,
    allowLowPointWin: !!s?.allowLowPointWin }
}

export const debatersOf = (sheet: BallotSheet, side: Side) =>
  (side === 'AFFIRMATIVE' ? sheet.affirmativeDebaters : sheet.negativeDebaters) ?? []

export const existingBallot = (sheet: BallotSheet, judgeId: string): BallotView | undefined =>
  sheet.ballots?.find((b) => b.judgeId === judgeId)

export const rowKey = (side: Side, position: number) => `${side}-${position}`

function positions(sheet: BallotSheet): { side: Side; position: number }[] {
  const count = sheet.positions ?? 4
  return SIDES.flatMap((side) => Array.from({ length: count }, (_, i) => ({ side, position: i + 1 })))
}

/** The judge's ballot if it is in (to correct it), otherwise a blank one: position i → the team's i-th debater. */
export function ballotForJudge(sheet: BallotSheet, judgeId: string): BallotForm {
  const existing = existingBallot(sheet, judgeId)
  const rows = positions(sheet).map(({ side, position }) => {
    const scored = existing?.scores?.find((s) => s.side === side && s.position === position)
    return scored
      ? { side, position, debaterId: scored.debaterId ?? '', score: scored.score ?? '' }
      : { side, position, debaterId: existing ? '' : debatersOf(sheet, side)[position - 1]?.id ?? '', score: '' }
  })
  return { judgeId, rows, winner: existing?.winner ?? '', bestDebaterId: existing?.bestDebaterId ?? '', reason: '',
    version: existing?.version }
}

/** The score as a number, or undefined while it is empty or not a number. */
export function parseScore(value: string | number): number | undefined {
  const text = String(value).trim()
  if (!text) return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : undefined
}

const rangeText = (r: Rules) => `得分须在 ${trimmed(r.min)}–${trimmed(r.max)} 分之间，以 ${trimmed(r.step)} 分为一档`

/** Why this score cannot be sent ('' when it can). */
export function scoreProblem(value: string | number, r: Rules): string {
  if (!String(value).trim()) return '请填写得分'
  const n = parseScore(value)
  if (n === undefined) return '请填写数字'
  const steps = (n - r.min) / r.step
  if (n < r.min || n > r.max || Math.abs(steps - Math.round(steps)) > 1e-6) return rangeText(r)
  return ''
}

/** Each side's total of the scores typed so far. */
export function totals(form: BallotForm): Record<Side, number> {
  const sum = (side: Side) => form.rows.filter((r) => r.side === side).reduce((t, r) => t + (parseScore(r.score) ?? 0), 0)
  // Rounded so that 85.5 + 87.5 + … never shows floating-point dust.
  return { AFFIRMATIVE: Math.round(sum('AFFIRMATIVE') * 1000) / 1000, NEGATIVE: Math.round(sum('NEGATIVE') * 1000) / 1000 }
}

export function leadingSide(form: BallotForm): Side | '' {
  const t = totals(form)
  return t.AFFIRMATIVE === t.NEGATIVE ? '' : t.AFFIRMATIVE > t.NEGATIVE ? 'AFFIRMATIVE' : 'NEGATIVE'
}

/** The winner as the form shows it: the person's choice, else the side ahead on points. */
export const winnerOf = (form: BallotForm): Side | '' => form.winner || leadingSide(form)

/** The debaters chosen to speak, in speaking order, for the best-debater choice. */
export function speakers(form: BallotForm, sheet: BallotSheet): { id: string; name: string; label: string }[] {
  const seen = new Set<string>()
  return form.rows.flatMap((r) => {
    const d = debatersOf(sheet, r.side).find((x) => x.id === r.debaterId)
    if (!d?.id || seen.has(d.id)) return []
    seen.add(d.id)
    return [{ id: d.id, name: d.name ?? '', label: `${positionLabel(r.side, r.position)} ${d.name ?? ''}` }]
  })
}

/**
 * What stops the ballot from being sent, by field: `debater-SIDE-n`, `score-SIDE-n`, winner, totals, bestDebaterId,
 * reason. The same rules the server applies, checked here so the person sees them next to the fields.
 */
export function ballotProblems(form: BallotForm, sheet: BallotSheet): Record<string, string> {
  const r = rulesOf(sheet)
  const problems: Record<string, string> = {}
  const taken = new Map<string, string>()
  for (const row of form.rows) {
    const key = rowKey(row.side, row.position)
    const where = positionLabel(row.side, row.position)
    if (!row.debaterId) problems[`debater-${key}`] = `请选择${where}的辩手`
    else if (taken.has(row.debaterId)) {
      const name = debatersOf(sheet, row.side).find((d) => d.id === row.debaterId)?.name ?? '该辩手'
      problems[`debater-${key}`] = `${name}已担任${taken.get(row.debaterId)}，不能同时担任两个辩位`
    } else taken.set(row.debaterId, where)
    const scoreIssue = scoreProblem(row.score, r)
    if (scoreIssue) problems[`score-${key}`] = scoreIssue
  }
  const winner = winnerOf(form)
  const allScored = !Object.keys(problems).some((k) => k.startsWith('score-'))
  if (allScored) {
    const t = totals(form)
    if (t.AFFIRMATIVE === t.NEGATIVE && !r.allowTiedTotals) {
      problems.totals = `双方总分相同（${trimmed(t.AFFIRMATIVE)}），本赛事不允许平分，请调整得分`
    }
    if (winner && t[winner] < t[other(winner)] && !r.allowLowPointWin) {
      problems.winner = `${SIDE_LABELS[winner]}总分（${trimmed(t[winner])}）低于对方（${trimmed(t[other(winner)])}），本赛事不允许低分胜，请核对获胜方或得分`
    }
  }
  if (!winner) problems.winner = '请选择获胜方'
  if (!form.bestDebaterId) problems.bestDebaterId = '请选择最佳辩手'
  else if (!speakers(form, sheet).some((s) => s.id === form.bestDebaterId)) problems.bestDebaterId = '最佳辩手须是本场上场的辩手'
  if (form.version !== undefined && !form.reason.trim()) problems.reason = '更正已录入的评分表须填写更正原因'
  return problems
}

export const other = (side: Side): Side => (side === 'AFFIRMATIVE' ? 'NEGATIVE' : 'AFFIRMATIVE')

export function ballotPayload(form: BallotForm): SaveBallot {
  const correcting = form.version !== undefined
  return {
    winner: winnerOf(form) as Side,
    scores: form.rows.map((r) => ({ side: r.side, position: r.position, debaterId: r.debaterId, score: parseScore(r.score) })),
    bestDebaterId: form.bestDebaterId,
    version: correcting ? form.version : undefined,
    reason: correcting ? form.reason.trim() : undefined,
  }
}

/** The next judge on the panel (after `current`, wrapping round) whose ballot is still missing. */
export function nextJudgeWithout(sheet: BallotSheet, current: string): string | undefined {
  const judges = sheet.match?.judges ?? []
  const start = judges.findIndex((j) => j.id === current)
  const order = [...judges.slice(start + 1), ...judges.slice(0, start + 1)]
  return order.find((j) => !j.ballotIn && j.id !== current)?.id
}
