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
import ContestSettings from './ContestSettings.vue'
import ContestsView from './ContestsView.vue'
import { fakeContest, flush, json, labelled, mountAt, named, type } from './test-fakes'

let app: App | undefined
afterEach(() => {
  session.user = null
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
  delete document.documentElement.dataset.base
})

const path = (req: Request) => `${req.method} ${new URL(req.url).pathname}`
const metricOptions = [{ key: 'wins', label: '胜场' }, { key: 'ballots', label: '得票' }, { key: 'speaks', label: '总分' }, { key: 'margin', label: '净胜分' }]

async function settings(answer: (req: Request) => Response | undefined = () => undefined) {
  server.handle = (req) => answer(req) ?? (path(req).endsWith('/metrics') ? json(metricOptions) : json(fakeContest()))
  ;({ app } = await mountAt('/debate/:id/settings', ContestSettings, '/debate/k1/settings'))
  return document.body
}
const save = async (el: Element) => {
  el.querySelector('form[aria-label=赛事设置]')!.dispatchEvent(new Event('submit'))
  await flush()
}

describe('contest settings', () => {
  it('sends every setting with the version it was based on, times read as 分:秒', async () => {
    session.user = { id: 'u2', username: 'reviewer', displayName: '审核', roles: ['REVIEWER'] }
    const el = await settings((req) => (req.method === 'PUT' ? json(fakeContest({ version: 3 })) : undefined))
    expect(labelled(el, '第1个环节时长（分:秒）')!.value).toBe('3:00')
    type(labelled(el, '第2个环节时长（分:秒）')!, '4:30')
    labelled(el, '姓名首字母（如Z.S.）')!.click()
    named(el, '上移“得票”').click()
    labelled(el, '允许低分胜（获胜方总分低于对方）')!.click()
    await flush()
    await save(el)
    const body = await server.calls.find((c) => c.method === 'PUT')!.json()
    expect(body).toMatchObject({ name: '杨浦区高中生法治辩论赛', namePolicy: 'INITIALS', metrics: ['ballots', 'wins', 'speaks', 'margin'],
      version: 2, breakSize: 4, scoring: { min: 60, max: 100, step: 0.5, allowTiedTotals: false, allowLowPointWin: true } })
    expect(body.format.speeches).toEqual([{ label: '正方一辩 开篇立论', side: 'AFFIRMATIVE', position: 1, seconds: 180 },
      { label: '自由辩论', position: 0, seconds: 270 }])
    expect(el.querySelector('[role=status]')!.textContent).toBe('已保存赛事设置')
  })

  it('stops at a time it cannot read', async () => {
    const el = await settings()
    type(labelled(el, '第1个环节时长（分:秒）')!, '三分钟')
    await save(el)
    expect(server.calls.some((c) => c.method === 'PUT')).toBe(false)
    expect(el.textContent).toContain('第 1 个环节的时长请写成“分:秒”，如 3:00')
  })

  it('explains a conflicting change and offers the latest settings', async () => {
    const el = await settings((req) => (req.method === 'PUT' ? json({ status: 409, detail: '赛事设置已被他人修改，请刷新后重试' }, 409) : undefined))
    await save(el)
    expect(el.querySelector('[role=alert]')!.textContent).toContain('赛事设置已被他人修改，请刷新后重试')
    named(el, '重新载入最新设置（放弃本页修改）').click()
    await flush()
    expect(server.calls.filter((c) => path(c) === 'GET /api/console/debate/contests/k1')).toHaveLength(2)
    expect(el.querySelector('[role=alert]')).toBeNull()
  })
})

describe('contest list', () => {
  it('links each contest’s public page under the base path and creates a new one with the usual rules', async () => {
    document.documentElement.dataset.base = '/fsay'
    server.handle = (req) => (req.method === 'POST' ? json(fakeContest({ id: 'k9' }), 201) : json([fakeContest()]))
    const mounted = await mountAt('/debate', ContestsView, '/debate')
    app = mounted.app
    const el = document.body
    expect(el.querySelector('tbody a[target=_blank]')!.getAttribute('href')).toBe('/fsay/debate/ypfz-2026')
    expect(el.querySelector('tbody')!.textContent).toContain('未公开')
    const form = el.querySelector('form[aria-labelledby=new-contest]')!
    type(labelled(form, '赛事名称')!, '第二届法治辩论赛')
    type(labelled(form, '届次或年度')!, '2027')
    form.dispatchEvent(new Event('submit'))
    await flush()
    expect(await server.calls.find((c) => c.method === 'POST')!.json()).toEqual({ name: '第二届法治辩论赛', season: '2027',
      namePolicy: 'SURNAME', prelimRounds: 3, breakSize: 8, panelSize: 3, metrics: ['wins', 'ballots', 'speaks', 'margin'],
      ballotsPublic: false, published: false })
    expect(mounted.router.currentRoute.value.path).toBe('/debate/k9/settings')
  })

  it('leaves publishing, full names and public ballots to reviewers', async () => {
    session.user = { id: 'u1', username: 'editor', displayName: '编辑', roles: ['EDITOR'] }
    const el = await settings()
    expect(labelled(el, '在栏目公开')!.disabled).toBe(true)
    expect(labelled(el, '公开评委评分表')!.disabled).toBe(true)
    expect(labelled(el, '全名（如张三）')!.disabled).toBe(true)
    expect(el.textContent).toContain('需审核人员或管理员设置')
  })
})
