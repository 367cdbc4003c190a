import type { InjectionKey } from 'vue'
import type { components } from '../../api/schema'
import { basePath, type Problem } from '../../api/client'

type Schemas = components['schemas']
export type ContestView = Schemas['DebateContestView']
export type SaveContest = Schemas['SaveContest']
export type MetricOption = Schemas['DebateMetricOption']
export type RosterView = Schemas['DebateRosterView']
export type SchoolView = Schemas['DebateSchoolView']
export type TeamView = Schemas['DebateTeamView']
export type JudgeView = Schemas['DebateJudgeView']
export type VenueView = Schemas['DebateVenueView']
export type RoundView = Schemas['DebateRoundView']
export type MatchView = Schemas['DebateMatchView']
export type ConflictView = Schemas['DrawConflictView']
export type OutcomeView = Schemas['MatchOutcomeView']
export type MotionView = Schemas['Motion']
export type MotionInput = Schemas['MotionInput']
export type BallotSheet = Schemas['BallotSheet']
export type BallotView = Schemas['BallotView']
export type SaveBallot = Schemas['SaveBallot']
export type StandingsView = Schemas['DebateStandingsView']
export type BracketView = Schemas['DebateBracketView']
export type MatchTeam = Schemas['MatchTeamView']
export type Side = 'AFFIRMATIVE' | 'NEGATIVE'
export type Stage = 'PRELIMINARY' | 'KNOCKOUT'
export type NamePolicy = 'FULL' | 'SURNAME' | 'INITIALS'

export const SIDES: Side[] = ['AFFIRMATIVE', 'NEGATIVE']
export const SIDE_LABELS: Record<Side, string> = { AFFIRMATIVE: '正方', NEGATIVE: '反方' }
export const STAGE_LABELS: Record<Stage, string> = { PRELIMINARY: '预赛', KNOCKOUT: '淘汰赛' }
export const NAME_POLICIES: { value: NamePolicy; label: string; example: string }[] = [
  { value: 'FULL', label: '全名', example: '张三' },
  { value: 'SURNAME', label: '姓氏+同学', example: '张同学' },
  { value: 'INITIALS', label: '姓名首字母', example: 'Z.S.' },
]
export const BREAK_SIZES = [0, 2, 4, 8, 16, 32]
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八']

/** 正方一辩, 反方四辩 … */
export const positionLabel = (side: Side, position: number) => `${SIDE_LABELS[side]}${NUMERALS[position - 1] ?? position}辩`

/** The public pages live outside the console, under the site's base path (e.g. /fsay). */
export const publicHref = (path?: string) => `${basePath()}${path ?? ''}`

/** A number with at most `decimals` places, without trailing zeros: 85, 85.5. */
export function trimmed(value: number | undefined, decimals = 2): string {
  if (value == null || Number.isNaN(value)) return ''
  return String(Math.round(value * 10 ** decimals) / 10 ** decimals)
}

/** Seconds as 分:秒 (3:00). */
export function clock(seconds?: number): string {
  const s = Math.max(0, Math.round(seconds ?? 0))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Reads 分:秒 ("3:00", "2:30") or plain minutes ("3"); undefined when it is neither. */
export function parseClock(text: string): number | undefined {
  const value = text.trim().replace('：', ':')
  const m = /^(\d{1,3})(?::([0-5]?\d))?$/.exec(value)
  if (!m) return undefined
  return Number(m[1]) * 60 + Number(m[2] ?? 0)
}

export const progress = (o?: OutcomeView) => `${o?.ballotsIn ?? 0}/${o?.ballotsExpected ?? 0}`

/** 正方胜 2:1 (the winner's ballots first), 平票 1:1, or empty while ballots are outstanding. */
export function resultText(o?: OutcomeView): string {
  if (!o) return ''
  const aff = o.affirmativeBallots ?? 0
  const neg = o.negativeBallots ?? 0
  if (o.decided && o.winner) {
    return o.winner === 'AFFIRMATIVE' ? `正方胜 ${aff}:${neg}` : `反方胜 ${neg}:${aff}`
  }
  return o.split ? `平票 ${aff}:${neg}` : ''
}

export function motionText(m?: MotionView | MotionInput | null): string {
  if (!m?.text) return ''
  const stances = [m.affirmative && `正方：${m.affirmative}`, m.negative && `反方：${m.negative}`].filter(Boolean)
  return stances.length ? `${m.text}（${stances.join('；')}）` : m.text
}

export const motionInput = (m?: MotionView | null): Required<MotionInput> =>
  ({ text: m?.text ?? '', affirmative: m?.affirmative ?? '', negative: m?.negative ?? '' })

/** What to send for a motion: nothing at all when the text is empty. */
export function motionBody(m: MotionInput): MotionInput | undefined {
  const text = m.text?.trim()
  if (!text) return undefined
  return { text, affirmative: m.affirmative?.trim() || undefined, negative: m.negative?.trim() || undefined }
}

export const seedText = (t?: MatchTeam) => (t?.seed ? `${t.seed}号种子` : '')

export const isConflict = (problem: unknown) => (problem as Problem | undefined)?.status === 409

/** Lets the settings page tell the contest area (its heading, public link) that the contest changed. */
export const CONTEST_SAVED: InjectionKey<(contest: ContestView) => void> = Symbol('contest-saved')

/** 名次 with "=" for a shared place: =3. */
export const rankText = (rank?: number, tied?: boolean) => `${tied ? '=' : ''}${rank ?? ''}`

// Wins and ballots are counts; speaker totals and margins are scores.
const COUNTS = ['wins', 'ballots']
export function metricValue(key: string | undefined, value: number | undefined): string {
  if (value == null) return ''
  return key && COUNTS.includes(key) ? String(Math.round(value)) : value.toFixed(1)
}
