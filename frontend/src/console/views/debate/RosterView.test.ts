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
import RosterView from './RosterView.vue'
import { fakeContest, fakeRoster, flush, json, mountAt, named } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  server.calls = []
  vi.restoreAllMocks()
})

const path = (req: Request) => `${req.method} ${new URL(req.url).pathname}`

async function roster(answer: (req: Request) => Response | undefined = () => undefined) {
  server.handle = (req) => answer(req) ?? (path(req).endsWith('/roster') ? json(fakeRoster()) : json(fakeContest()))
  ;({ app } = await mountAt('/debate/:id/roster', RosterView, '/debate/k1/roster'))
  return document.body
}

async function upload(el: Element) {
  const form = el.querySelector('form[aria-label=导入名单]')!
  const input = form.querySelector('input[type=file]')!
  Object.defineProperty(input, 'files', { value: [new File(['学校,队伍\n'], '名单.csv', { type: 'text/csv' })] })
  input.dispatchEvent(new Event('change'))
  form.dispatchEvent(new Event('submit'))
  await flush()
}

describe('roster import', () => {
  it('offers the template and uploads the file as multipart with the CSRF token, then reloads the roster', async () => {
    document.cookie = 'XSRF-TOKEN=tok123'
    const el = await roster((req) => (req.method === 'POST' ? json({ schoolsCreated: 2, teamsCreated: 3, debaters: 12 }) : undefined))
    expect(el.querySelector('a[download]')!.getAttribute('href')).toBe('/api/console/debate/contests/k1/roster-template.csv')
    const before = server.calls.filter((c) => path(c) === 'GET /api/console/debate/contests/k1/roster').length
    await upload(el)
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(path(post)).toBe('POST /api/console/debate/contests/k1/roster-import')
    expect(post.headers.get('X-XSRF-TOKEN')).toBe('tok123')
    expect(await ((await post.formData()).get('file') as Blob).text()).toBe('学校,队伍\n')
    expect(el.querySelector('[role=status]')!.textContent).toBe('已导入 3 支队伍、12 名辩手（新增 2 所学校）')
    expect(server.calls.filter((c) => path(c) === 'GET /api/console/debate/contests/k1/roster').length).toBe(before + 1)
  })

  it('lists every mistake of a refused file by row and column', async () => {
    const el = await roster((req) => (req.method === 'POST' ? json({ status: 400, title: '名单文件有误',
      detail: '名单中有 2 处错误，未导入任何数据，请修改后重新上传', errors: [
        { row: 3, column: '辩手2', message: '请填写辩手姓名' }, { row: 5, column: '队伍', message: '已有同名队伍“复附一队”' }] }, 400) : undefined))
    await upload(el)
    expect(el.querySelector('[role=alert]')!.textContent).toContain('名单中有 2 处错误，未导入任何数据')
    const table = el.querySelector('table.import-errors')!
    expect(table.querySelector('caption')!.textContent).toContain('共 2 处')
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))
    expect(rows).toEqual([['第 3 行', '辩手2', '请填写辩手姓名'], ['第 5 行', '队伍', '已有同名队伍“复附一队”']])
    expect(el.querySelector('[role=status]')!.textContent).toBe('')
  })
})

describe('roster lists', () => {
  it('asks before deleting a team and shows why the server refused', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true)
    const el = await roster((req) => (req.method === 'DELETE'
      ? json({ status: 409, detail: '复附一队已在对阵中，不能删除' }, 409) : undefined))
    named(el, '删除队伍“复附一队”').click()
    await flush()
    expect(confirm).toHaveBeenCalledWith('确定删除队伍“复附一队”及其辩手吗？')
    expect(path(server.calls.find((c) => c.method === 'DELETE')!)).toBe('DELETE /api/console/debate/contests/k1/teams/t1')
    expect(el.querySelector('[role=alert]')!.textContent).toContain('复附一队已在对阵中，不能删除')
  })

  it('keeps existing debaters’ ids when a team is edited, and sends new ones without', async () => {
    const el = await roster((req) => (req.method === 'PUT' ? json({ id: 't1' }) : undefined))
    named(el, '修改队伍“复附一队”').click()
    await flush()
    const form = el.querySelector('form[aria-label="修改队伍“复附一队”"]')!
    named(form, '添加辩手').click()
    await flush()
    const names = form.querySelectorAll<HTMLInputElement>('ol input')
    names[2].value = '孙八'
    names[2].dispatchEvent(new Event('input'))
    form.dispatchEvent(new Event('submit'))
    await flush()
    const put = server.calls.find((c) => c.method === 'PUT')!
    expect(path(put)).toBe('PUT /api/console/debate/contests/k1/teams/t1')
    expect(await put.json()).toEqual({ schoolId: 's1', name: '复附一队', version: 0,
      debaters: [{ id: 'a1', name: '张三' }, { id: 'a2', name: '李四' }, { name: '孙八' }] })
  })

  it('adds a school at its own address, says so and clears the field', async () => {
    const el = await roster((req) => (req.method === 'POST' ? json({ id: 'new' }, 201) : undefined))
    const school = el.querySelector('form[aria-label=添加学校]')!
    const schoolName = school.querySelector<HTMLInputElement>('input')!
    schoolName.value = '控江中学'
    schoolName.dispatchEvent(new Event('input'))
    school.dispatchEvent(new Event('submit'))
    await flush()
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(path(post)).toBe('POST /api/console/debate/contests/k1/schools')
    expect(await post.json()).toEqual({ name: '控江中学' })
    expect([...el.querySelectorAll('[role=status]')].map((s) => s.textContent)).toContain('已添加学校“控江中学”')
    expect(schoolName.value).toBe('')
  })
})
