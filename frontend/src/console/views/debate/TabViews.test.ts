import type { App } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response => new Response(null, { status: 500 }), calls: [] as Request[] }
  globalThis.fetch = ((req: Request) => {
    state.calls.push(req.clone())
    return Promise.resolve(state.handle(req))
  }) as typeof fetch
  return state
})
import BracketView from './BracketView.vue'
import type { BracketView as Bracket, StandingsView as Standings } from './model'
import StandingsView from './StandingsView.vue'
import { flush, json, mountAt } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
})

const cells = (tr: Element) => [...tr.children].map((c) => c.textContent?.trim())

describe('standings', () => {
  const standings: Standings = {
    breakSize: 2,
    metrics: [{ key: 'wins', label: '胜场' }, { key: 'ballots', label: '得票' }, { key: 'speaks', label: '总分' }],
    teams: [
      { rank: 1, tied: false, teamId: 't1', name: '复附一队', schoolName: '复旦附中', played: 3, values: [3, 8, 1034.5] },
      { rank: 2, tied: true, teamId: 't2', name: '控江一队', schoolName: '控江中学', played: 3, values: [2, 6, 1010] },
      { rank: 2, tied: true, teamId: 't3', name: '杨高一队', schoolName: '杨浦高级中学', played: 3, values: [2, 6, 1010] }],
    speakers: [{ rank: 1, tied: false, debaterId: 'a1', name: '张三', teamName: '复附一队', average: 87.1666, matches: 3, bestDebater: 2 }],
  }

  it('marks shared places, the break and each metric in order', async () => {
    server.handle = () => json(standings)
    ;({ app } = await mountAt('/debate/:id/standings', StandingsView, '/debate/k1/standings'))
    const [teams, speakers] = document.querySelectorAll('table')
    expect(teams.querySelector('caption')!.textContent).toBe('队伍排名：前 2 名晋级淘汰赛')
    expect(cells(teams.querySelector('thead tr')!)).toEqual(['名次', '队伍', '学校', '场次', '胜场', '得票', '总分'])
    const rows = [...teams.querySelectorAll('tbody tr')]
    expect(cells(rows[0])).toEqual(['1', '复附一队晋级', '复旦附中', '3', '3', '8', '1034.5'])
    expect(cells(rows[1])).toEqual(['=2', '控江一队晋级', '控江中学', '3', '2', '6', '1010.0'])
    expect(cells(rows[2])[1]).toBe('杨高一队')
    expect(cells(speakers.querySelector('tbody tr')!)).toEqual(['1', '张三', '复附一队', '87.17', '3', '2'])
  })
})

describe('knockout bracket', () => {
  const bracket: Bracket = {
    rounds: [
      { roundId: 'r4', name: '半决赛', matches: [
        { slot: 1, affirmative: { teamId: 't1', name: '复附一队', seed: 1 }, negative: { teamId: 't4', name: '同济一附中', seed: 4 },
          winner: 'AFFIRMATIVE', affirmativeBallots: 3, negativeBallots: 0 },
        { slot: 2, affirmative: { teamId: 't2', name: '控江一队', seed: 2 }, negative: { teamId: 't3', name: '杨高一队', seed: 3 },
          winner: 'NEGATIVE', affirmativeBallots: 1, negativeBallots: 2 }] },
      { roundId: 'r5', name: '决赛', matches: [{ slot: 1, affirmative: { teamId: 't1', name: '复附一队', seed: 1 },
        negative: { teamId: 't3', name: '杨高一队', seed: 3 }, winner: 'NEGATIVE', affirmativeBallots: 1, negativeBallots: 2 }] }],
    champion: { teamId: 't3', name: '杨高一队', schoolName: '杨浦高级中学', seed: 3 },
  }

  it('lists rounds with headings, seeds and winners marked in words, and the champion', async () => {
    server.handle = () => json(bracket)
    ;({ app } = await mountAt('/debate/:id/bracket', BracketView, '/debate/k1/bracket'))
    await flush()
    const list = document.querySelector('ol[aria-label=淘汰赛对阵图]')!
    expect([...list.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['半决赛', '决赛'])
    const semi = list.querySelectorAll('.bracket-match')[1]
    const [aff, neg] = semi.querySelectorAll('.bracket-teams li')
    expect(aff.textContent).toContain('控江一队（2号种子）')
    expect(aff.textContent).not.toContain('胜')
    expect(neg.querySelector('.win-mark')!.textContent!.replace(/\s+/g, '')).toBe('胜2:1')
    expect(document.querySelector('.champion')!.textContent).toContain('冠军：杨高一队')
  })
})
