import type { components } from '../../api/schema'
import { fromLocalInput, toLocalInput } from '../content/time'
import type { RoundView } from './model'

export interface DrawRow {
  id: string
  slot: number
  affirmativeTeamId: string
  negativeTeamId: string
  venueId: string
  startsAt: string
  judgeIds: string[]
  version?: number
}

export function drawRows(round: RoundView): DrawRow[] {
  return (round.matches ?? []).map((m) => ({
    id: m.id ?? '', slot: m.slot ?? 0, affirmativeTeamId: m.affirmative?.teamId ?? '', negativeTeamId: m.negative?.teamId ?? '',
    venueId: m.venueId ?? '', startsAt: toLocalInput(m.ownStartsAt), judgeIds: (m.judges ?? []).map((j) => j.id ?? ''),
    version: m.version,
  }))
}

/**
 * The whole round as PUT /draw takes it. A match without a time of its own sends none, so it keeps following the
 * round when the round is moved.
 */
export function drawPayload(rows: DrawRow[], roundVersion?: number): components['schemas']['EditDraw'] {
  return {
    version: roundVersion,
    matches: rows.map((r) => ({
      id: r.id, affirmativeTeamId: r.affirmativeTeamId, negativeTeamId: r.negativeTeamId, venueId: r.venueId || undefined,
      startsAt: r.startsAt ? fromLocalInput(r.startsAt) : undefined, judgeIds: [...r.judgeIds], version: r.version,
    })),
  }
}
