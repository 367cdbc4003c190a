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
import { session } from '../../session'
import type { RoundView } from './model'
import RoundsView from './RoundsView.vue'
import { fakeMatch, fakeRoster, fakeRound, flush, json, labelled, mountAt, named, type } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
  session.user = null
  vi.restoreAllMocks()
})

const path = (req: Request) => `${req.method} ${new URL(req.url).pathname}`
const conflicted = fakeRound({ conflicts: [
  { slot: 0, kind: 'UNPLACED', message: '未安排比赛的队伍：杨高一队' },
  { slot: 1, kind: 'JUDGE_CONFLICT', message: '评委吴评委需回避本场队伍所在学校' }] })

async function rounds(roles: ('EDITOR' | 'REVIEWER' | 'ADMIN')[], list: RoundView[], answer: (req: Request) => Response | undefined = () => undefined) {
  session.user = { id: 'u1', username: 'someone', displayName: '某人', roles }
  server.handle = (req) => answer(req) ?? (path(req).endsWith('/roster') ? json(fakeRoster()) : json(list))
  ;({ app } = await mountAt('/debate/:id/rounds', RoundsView, '/debate/k1/rounds'))
  return document.body
}
const row = (el: Element, slot: number) => el.querySelector(`tr[data-slot="${slot}"]`)!

describe('the draw table', () => {
  it('shows whole-round conflicts above the draw and each match’s conflicts on its row', async () => {
    const el = await rounds(['EDITOR'], [conflicted])
    const callout = el.querySelector('.round-card .callout')!
    expect(callout.textContent).toContain('对阵提醒（2 项）')
    expect(callout.textContent).toContain('未安排比赛的队伍：杨高一队')
    const cell = row(el, 1).querySelector('ul[aria-label="第 1 场的冲突"]')!
    expect(cell.textContent).toContain('评委吴评委需回避本场队伍所在学校')
    expect(row(el, 1).textContent).toContain('复附一队')
    expect(row(el, 1).textContent).toContain('0/3')
  })

  it('links each match to its ballot entry page', async () => {
    const el = await rounds(['EDITOR'], [fakeRound()])
    const link = [...row(el, 1).querySelectorAll('a')].find((a) => a.textContent === '录入成绩')!
    expect(link.getAttribute('href')).toBe('/debate/matches/m1/ballot')
  })

  it('saves an adjusted draw at once and shows the conflicts the server found in it', async () => {
    const adjusted = fakeRound({
      matches: [fakeMatch({ negative: { teamId: 't3', name: '杨高一队', schoolName: '杨浦高级中学' },
        judges: [{ id: 'j1', name: '周评委' }, { id: 'j3', name: '郑评委' }] })],
      conflicts: [{ slot: 1, kind: 'EVEN_PANEL', message: '评委人数为偶数，可能出现平票' }, { slot: 0, kind: 'UNPLACED', message: '未安排比赛的队伍：控江一队' }],
    })
    const el = await rounds(['EDITOR'], [conflicted], (req) => (req.method === 'PUT' ? json(adjusted) : undefined))
    named(el, '调整对阵').click()
    await flush()
    const form = el.querySelector('form[aria-label=调整第一轮对阵]')!
    type(labelled(form, '反方（第1场）')!, 't3')
    const wu = [...form.querySelectorAll('label')].find((l) => l.textContent === '吴评委')!.querySelector('input')!
    wu.click()
    form.dispatchEvent(new Event('submit'))
    await flush()
    const put = server.calls.find((c) => c.method === 'PUT')!
    expect(path(put)).toBe('PUT /api/console/debate/rounds/r1/draw')
    // The match keeps following the round's time: it was shown at the round's start, so no time is sent.
    expect(await put.json()).toEqual({ version: 0, matches: [{ id: 'm1', affirmativeTeamId: 't1', negativeTeamId: 't3', venueId: 'v1', judgeIds: ['j1', 'j3'], version: 0 }] })
    expect(el.querySelector('form[aria-label=调整第一轮对阵]')).toBeNull()
    expect(row(el, 1).textContent).toContain('杨高一队')
    expect(row(el, 1).textContent).toContain('评委人数为偶数，可能出现平票')
    expect(row(el, 1).textContent).not.toContain('需回避')
    expect(el.querySelector('.callout')!.textContent).toContain('未安排比赛的队伍：控江一队')
  })

  it('asks before drawing again over an existing draw', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false)
    const el = await rounds(['EDITOR'], [fakeRound()])
    named(el, '重新生成对阵').click()
    await flush()
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('重新生成会替换现有对阵'))
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false)
  })
})

describe('release switches', () => {
  const released = fakeRound({ drawReleased: true })

  it('are shown read-only to editors, with who may change them', async () => {
    const el = await rounds(['EDITOR'], [released])
    for (const name of ['公开对阵', '公开辩题', '公开成绩']) expect(labelled(el, name)!.disabled).toBe(true)
    expect(labelled(el, '公开对阵')!.checked).toBe(true)
    expect(labelled(el, '公开成绩')!.checked).toBe(false)
    expect(el.querySelector('.release-switches')!.textContent).toContain('需审核人员或管理员')
  })

  it('let reviewers release a round’s results', async () => {
    const el = await rounds(['EDITOR', 'REVIEWER'], [released], (req) =>
      (req.method === 'PUT' ? json({ ...released, resultsReleased: true }) : undefined))
    const results = labelled(el, '公开成绩')!
    expect(results.disabled).toBe(false)
    results.click()
    await flush()
    const put = server.calls.find((c) => c.method === 'PUT')!
    expect(path(put)).toBe('PUT /api/console/debate/rounds/r1/release')
    expect(await put.json()).toEqual({ results: true, version: 0 })
    expect(labelled(el, '公开成绩')!.checked).toBe(true)
  })

  it('go back when the server refuses', async () => {
    const el = await rounds(['ADMIN'], [fakeRound({ motion: undefined })], (req) =>
      (req.method === 'PUT' ? json({ status: 409, detail: '本轮还没有填写辩题，无法公开' }, 409) : undefined))
    labelled(el, '公开辩题')!.click()
    await flush()
    expect(labelled(el, '公开辩题')!.checked).toBe(false)
    expect(el.querySelector('.release-switches [role=alert]')!.textContent).toContain('本轮还没有填写辩题，无法公开')
  })
})

describe('new round', () => {
  it('sends the start as Shanghai time and the motion with both stances', async () => {
    const el = await rounds(['EDITOR'], [], (req) => (req.method === 'POST' ? json(fakeRound({ name: '第一轮' }), 201) : undefined))
    const form = el.querySelector('form[aria-label=新建轮次]')!
    type(labelled(form, '开始时间（北京时间）')!, '2026-12-05T09:00')
    type(labelled(form, '辩题')!, '高中生使用人工智能完成作业利大于弊')
    type(labelled(form, '正方持方')!, '利大于弊')
    form.dispatchEvent(new Event('submit'))
    await flush()
    expect(await server.calls.find((c) => c.method === 'POST')!.json()).toEqual({ stage: 'PRELIMINARY', startsAt: '2026-12-05T09:00:00+08:00',
      motion: { text: '高中生使用人工智能完成作业利大于弊', affirmative: '利大于弊' } })
    expect(el.querySelector('[role=status]')!.textContent).toBe('已新建第一轮')
    expect(el.querySelector('.round-card h3')!.textContent).toContain('第一轮')
  })
})
