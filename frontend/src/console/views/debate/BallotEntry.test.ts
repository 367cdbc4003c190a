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
import BallotEntry from './BallotEntry.vue'
import type { BallotSheet } from './model'
import { fakeMatch, fakeSheet, flush, json, labelled, mountAt, named, type } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
  window.history.replaceState(null, '')
  vi.restoreAllMocks()
})

const path = (req: Request) => `${req.method} ${new URL(req.url).pathname}`
const judges = fakeMatch().judges!

async function entry(sheet: BallotSheet, answer: (req: Request) => Response | undefined = () => undefined) {
  server.handle = (req) => answer(req) ?? json(sheet)
  ;({ app } = await mountAt('/debate/matches/:matchId/ballot', BallotEntry, '/debate/matches/m1/ballot'))
  return document.body
}

/** A judge's button by its accessible name (the 已录入 badge is hidden from it). */
const judge = (el: Element, name: string) => [...el.querySelectorAll<HTMLButtonElement>('.judge-buttons button')]
  .find((b) => [...b.childNodes].filter((n) => n instanceof Text || (n instanceof Element && !n.getAttribute('aria-hidden')))
    .map((n) => n.textContent).join('') === name)!

async function fill(el: Element, scores: Record<string, string>) {
  for (const [label, value] of Object.entries(scores)) type(labelled(el, label)!, value)
  await flush()
}
const submit = async (el: Element) => {
  named(el, '提交评分表').click()
  await flush()
}

describe('entering a ballot at the venue', () => {
  it('fills the speakers in order, totals live, preselects the winner, sends the ballot and moves to the next judge', async () => {
    const after = fakeSheet({ match: fakeMatch({ judges: judges.map((j) => ({ ...j, ballotIn: j.id === 'j1' })),
      outcome: { ballotsIn: 1, ballotsExpected: 3, decided: false } }) })
    const el = await entry(fakeSheet(), (req) => (req.method === 'PUT' ? json(after) : undefined))
    expect(el.querySelector('a')!.getAttribute('href')).toBe('/debate/k1/entry')
    expect(el.querySelector('h1')!.textContent).toBe('第一轮 第 1 场')
    expect(el.textContent).toContain('辩题：高中生使用人工智能完成作业利大于弊')
    expect(el.querySelector('form')).toBeNull()
    judge(el, '周评委').click()
    await flush()
    expect(labelled(el, '正方一辩辩手')!.value).toBe('a1')
    expect(labelled(el, '反方二辩辩手')!.value).toBe('n2')
    const score = labelled(el, '正方一辩得分')!
    expect([score.type, score.getAttribute('inputmode'), score.min, score.max, score.step]).toEqual(['number', 'decimal', '60', '100', '0.5'])
    await fill(el, { 正方一辩得分: '85.5', 正方二辩得分: '86', 反方一辩得分: '80', 反方二辩得分: '81' })
    expect(el.textContent).toContain('正方总分：171.5')
    expect(el.textContent).toContain('反方总分：161')
    expect(labelled(el, '正方胜')!.checked).toBe(true)
    type(labelled(el, '最佳辩手')!, 'a1')
    await submit(el)
    const put = server.calls.find((c) => c.method === 'PUT')!
    expect(path(put)).toBe('PUT /api/console/debate/matches/m1/ballots/j1')
    expect(await put.json()).toEqual({ winner: 'AFFIRMATIVE', bestDebaterId: 'a1', scores: [
      { side: 'AFFIRMATIVE', position: 1, debaterId: 'a1', score: 85.5 }, { side: 'AFFIRMATIVE', position: 2, debaterId: 'a2', score: 86 },
      { side: 'NEGATIVE', position: 1, debaterId: 'n1', score: 80 }, { side: 'NEGATIVE', position: 2, debaterId: 'n2', score: 81 }] })
    expect(el.querySelector('[role=status]')!.textContent).toBe('已保存周评委的评分表。评分表 1/3。')
    expect(judge(el, '吴评委').getAttribute('aria-pressed')).toBe('true')
    expect(judge(el, '周评委').textContent).toContain('已录入')
    expect(el.querySelector('form')!.getAttribute('aria-label')).toBe('吴评委的评分表')
    expect(labelled(el, '正方一辩得分')!.value).toBe('')
  })

  it('shows mistakes next to the fields and sends nothing until they are put right', async () => {
    const el = await entry(fakeSheet())
    judge(el, '周评委').click()
    await flush()
    await fill(el, { 正方一辩得分: '85.3' })
    expect(el.querySelector('#score-error-AFFIRMATIVE-1')!.textContent).toBe('得分须在 60–100 分之间，以 0.5 分为一档')
    expect(labelled(el, '正方一辩得分')!.getAttribute('aria-invalid')).toBe('true')
    type(labelled(el, '正方二辩辩手')!, 'a1')
    await submit(el)
    expect(server.calls.some((c) => c.method === 'PUT')).toBe(false)
    expect(el.querySelector('#score-error-NEGATIVE-1')!.textContent).toBe('请填写得分')
    expect(el.querySelector('#debater-error-AFFIRMATIVE-2')!.textContent).toBe('张三已担任正方一辩，不能同时担任两个辩位')
    expect(el.querySelector('#best-error')!.textContent).toBe('请选择最佳辩手')
    expect(el.querySelector('.ballot-form > [role=alert]')!.textContent).toContain('请按提示修改后再提交')
  })

  it('always shows what the server refused, detail and each message', async () => {
    const el = await entry(fakeSheet(), (req) => (req.method === 'PUT' ? json({ status: 400, detail: '请求内容有误',
      errors: [{ field: 'scores', message: '张三须是复附一队的辩手' }] }, 400) : undefined))
    judge(el, '周评委').click()
    await flush()
    await fill(el, { 正方一辩得分: '85', 正方二辩得分: '86', 反方一辩得分: '80', 反方二辩得分: '81' })
    type(labelled(el, '最佳辩手')!, 'n1')
    await submit(el)
    const alert = el.querySelector('.problem-note')!
    expect(alert.getAttribute('role')).toBe('alert')
    expect(alert.textContent).toContain('请求内容有误')
    expect(alert.textContent).toContain('张三须是复附一队的辩手')
    expect(el.querySelector('[role=status]')!.textContent).toBe('')
  })
})

describe('correcting a ballot already in', () => {
  const entered = fakeSheet({
    match: fakeMatch({ judges: judges.map((j) => ({ ...j, ballotIn: j.id === 'j2' })) }),
    ballots: [{ id: 'b1', judgeId: 'j2', judgeName: '吴评委', winner: 'NEGATIVE', bestDebaterId: 'n2', version: 4,
      enteredBy: 'editor1', enteredAt: '2026-12-05T02:00:00Z', corrections: 0, scores: [
        { side: 'AFFIRMATIVE', position: 1, debaterId: 'a2', score: 80 }, { side: 'AFFIRMATIVE', position: 2, debaterId: 'a1', score: 81 },
        { side: 'NEGATIVE', position: 1, debaterId: 'n1', score: 85 }, { side: 'NEGATIVE', position: 2, debaterId: 'n2', score: 86.5 }] }],
  })

  it('loads the ballot, requires a reason and sends it with the version', async () => {
    const decided = fakeSheet({ match: fakeMatch({ judges: judges.map((j) => ({ ...j, ballotIn: true })),
      outcome: { ballotsIn: 3, ballotsExpected: 3, decided: true, winner: 'AFFIRMATIVE', affirmativeBallots: 2, negativeBallots: 1 } }) })
    const el = await entry(entered, (req) => (req.method === 'PUT' ? json(decided) : undefined))
    judge(el, '吴评委').click()
    await flush()
    expect(el.querySelector('[role=note]')!.textContent).toContain('2026-12-05 10:00 由 editor1 录入')
    expect(labelled(el, '正方一辩辩手')!.value).toBe('a2')
    expect(labelled(el, '反方二辩得分')!.value).toBe('86.5')
    expect(labelled(el, '反方胜')!.checked).toBe(true)
    await fill(el, { 正方一辩得分: '90', 正方二辩得分: '90' })
    labelled(el, '正方胜')!.click()
    await submit(el)
    expect(server.calls.some((c) => c.method === 'PUT')).toBe(false)
    expect(el.querySelector('#reason-error')!.textContent).toBe('更正已录入的评分表须填写更正原因')
    type(labelled(el, '更正原因')!, '录入时看错行')
    await submit(el)
    const body = await server.calls.find((c) => c.method === 'PUT')!.json()
    expect(body).toMatchObject({ winner: 'AFFIRMATIVE', version: 4, reason: '录入时看错行' })
    expect(el.querySelector('[role=status]')!.textContent).toBe('已更正吴评委的评分表。评分表 3/3，正方胜 2:1；本场评分表已全部录入。')
    expect(el.querySelector('form')).toBeNull()
  })

  it('deletes a ballot only with a reason and after confirmation', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true)
    const el = await entry(entered, (req) => (req.method === 'DELETE' ? json(fakeSheet()) : undefined))
    judge(el, '吴评委').click()
    await flush()
    named(el, '删除评分表').click()
    await flush()
    expect(confirm).not.toHaveBeenCalled()
    expect(el.querySelector('#reason-error')!.textContent).toContain('删除评分表须填写原因')
    type(labelled(el, '更正原因')!, '评委未到场')
    named(el, '删除评分表').click()
    await flush()
    expect(confirm).toHaveBeenCalledWith('确定删除吴评委的评分表吗？删除后须重新录入。')
    const del = server.calls.find((c) => c.method === 'DELETE')!
    expect(path(del)).toBe('DELETE /api/console/debate/matches/m1/ballots/j2')
    expect(new URL(del.url).searchParams.get('reason')).toBe('评委未到场')
    expect(el.querySelector('[role=status]')!.textContent).toBe('已删除吴评委的评分表。评分表 0/3。')
    expect(labelled(el, '更正原因')).toBeUndefined()
  })
})
