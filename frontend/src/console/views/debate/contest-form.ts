import { clock, parseClock, type ContestView, type NamePolicy, type SaveContest, type Side } from './model'

export interface SpeechRow { label: string; side: Side | ''; position: number; time: string }

/** The settings form: everything SaveContest takes, with speech times typed as 分:秒. */
export interface ContestForm {
  name: string
  season: string
  slug: string
  description: string
  namePolicy: NamePolicy
  ballotsPublic: boolean
  prelimRounds: number
  breakSize: number
  panelSize: number
  metrics: string[]
  formatName: string
  debatersPerTeam: number
  speeches: SpeechRow[]
  min: number
  max: number
  step: number
  allowTiedTotals: boolean
  allowLowPointWin: boolean
  published: boolean
}

/** A new contest: the district's usual rules; format and scoring are left to the server's 中式辩论 defaults. */
export function newContest(name: string, season: string): SaveContest {
  return {
    name: name.trim(), season: season.trim(), namePolicy: 'SURNAME', prelimRounds: 3, breakSize: 8, panelSize: 3,
    metrics: ['wins', 'ballots', 'speaks', 'margin'], ballotsPublic: false, published: false,
  }
}

export function formFromContest(c: ContestView): ContestForm {
  return {
    name: c.name ?? '', season: c.season ?? '', slug: c.slug ?? '', description: c.description ?? '',
    namePolicy: c.namePolicy ?? 'SURNAME', ballotsPublic: !!c.ballotsPublic, prelimRounds: c.prelimRounds ?? 3,
    breakSize: c.breakSize ?? 8, panelSize: c.panelSize ?? 3, metrics: [...(c.metrics ?? [])],
    formatName: c.format?.name ?? '', debatersPerTeam: c.format?.debatersPerTeam ?? 4,
    speeches: (c.format?.speeches ?? []).map((s) => ({ label: s.label ?? '', side: s.side ?? '', position: s.position ?? 0, time: clock(s.seconds) })),
    min: c.scoring?.min ?? 60, max: c.scoring?.max ?? 100, step: c.scoring?.step ?? 0.5,
    allowTiedTotals: !!c.scoring?.allowTiedTotals, allowLowPointWin: !!c.scoring?.allowLowPointWin, published: !!c.published,
  }
}

/** Mistakes the server cannot word for this form (times typed as 分:秒, the score range), by field. */
export function formProblems(f: ContestForm): Record<string, string> {
  const problems: Record<string, string> = {}
  f.speeches.forEach((s, i) => {
    if (parseClock(s.time) === undefined) problems[`speech-${i}`] = `第 ${i + 1} 个环节的时长请写成“分:秒”，如 3:00`
  })
  if (!(Number(f.step) > 0)) problems.step = '每档分值须大于 0'
  if (!(Number(f.max) > Number(f.min))) problems.max = '最高分须大于最低分'
  if (!f.metrics.length) problems.metrics = '请至少选择一项排名依据'
  return problems
}

export function saveFromForm(f: ContestForm, version?: number): SaveContest {
  return {
    name: f.name.trim(), season: f.season.trim(), slug: f.slug.trim() || undefined, description: f.description.trim() || undefined,
    namePolicy: f.namePolicy, ballotsPublic: f.ballotsPublic, prelimRounds: Number(f.prelimRounds),
    breakSize: Number(f.breakSize), panelSize: Number(f.panelSize), metrics: [...f.metrics],
    format: {
      name: f.formatName.trim(), debatersPerTeam: Number(f.debatersPerTeam),
      speeches: f.speeches.map((s) => ({ label: s.label.trim(), side: s.side || undefined, position: Number(s.position) || 0,
        seconds: parseClock(s.time) ?? 0 })),
    },
    scoring: { min: Number(f.min), max: Number(f.max), step: Number(f.step), allowTiedTotals: f.allowTiedTotals,
      allowLowPointWin: f.allowLowPointWin },
    published: f.published, version,
  }
}

/** The list with item `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moved<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta
  if (to < 0 || to >= list.length) return list
  const copy = [...list]
  ;[copy[index], copy[to]] = [copy[to], copy[index]]
  return copy
}
