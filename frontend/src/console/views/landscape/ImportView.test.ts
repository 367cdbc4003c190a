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
import ImportView from './ImportView.vue'
import { flush, json, labelled, mountAt } from './test-fakes'

let app: App | undefined
afterEach(() => {
  session.user = null
  app?.unmount()
  document.body.innerHTML = ''
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  server.calls = []
})

async function importer(answer: () => Response) {
  server.handle = answer
  ;({ app } = await mountAt('/landscape/import', ImportView, '/landscape/import'))
  return document.body
}

async function upload(el: Element, publish = false) {
  const form = el.querySelector('form[aria-label=导入微景观]')!
  const input = form.querySelector('input[type=file]')!
  Object.defineProperty(input, 'files', { value: [new File(['名称,街道\n'], '微景观.csv', { type: 'text/csv' })] })
  input.dispatchEvent(new Event('change'))
  if (publish) labelled(el, '导入后直接公开')!.click()
  form.dispatchEvent(new Event('submit'))
  await flush()
}

describe('site import', () => {
  it('offers the template and says what was imported, published when a reviewer asks', async () => {
    session.user = { id: 'u2', username: 'reviewer', displayName: '吴审核', roles: ['REVIEWER'] }
    document.cookie = 'XSRF-TOKEN=tok123'
    const el = await importer(() => json({ imported: 2, names: ['控江公园宪法角', '殷行民法典长廊'] }))
    expect(el.querySelector('a[download]')!.getAttribute('href')).toBe('/api/console/landscape/import-template.csv')
    expect(el.textContent).toContain('WGS-84 或 GCJ-02')
    await upload(el, true)
    const post = server.calls.find((c) => c.method === 'POST')!
    const url = new URL(post.url)
    expect(`${url.pathname}${url.search}`).toBe('/api/console/landscape/import?publish=true')
    expect(post.headers.get('X-XSRF-TOKEN')).toBe('tok123')
    expect(await ((await post.formData()).get('file') as Blob).text()).toBe('名称,街道\n')
    const status = el.querySelector('[role=status]')!
    expect(status.textContent).toContain('已导入 2 处')
    expect([...status.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['控江公园宪法角', '殷行民法典长廊'])
  })

  it('lets only reviewers publish on import', async () => {
    session.user = { id: 'u1', username: 'editor', displayName: '周编辑', roles: ['EDITOR'] }
    const el = await importer(() => json({ imported: 1, names: ['控江公园宪法角'] }))
    expect(labelled(el, '导入后直接公开')!.disabled).toBe(true)
    await upload(el)
    expect(new URL(server.calls.find((c) => c.method === 'POST')!.url).searchParams.get('publish')).toBe('false')
  })

  it('lists every mistake of a refused file by row and column, and imports nothing', async () => {
    const el = await importer(() => json({ status: 400, title: '微景观文件有误', detail: '文件中有 2 处错误，未导入任何数据，请修改后重新上传',
      errors: [{ row: 3, column: '坐标系', message: '坐标系只能是 WGS-84 或 GCJ-02' }, { row: 4, column: '街道', message: '“新江湾城”不在街道列表中' }] }, 400))
    await upload(el)
    expect(el.querySelector('[role=alert]')!.textContent).toContain('文件中有 2 处错误，未导入任何数据')
    const table = el.querySelector('table.import-errors')!
    expect(table.querySelector('caption')!.textContent).toBe('微景观文件中的错误（共 2 处）')
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))
    expect(rows).toEqual([['第 3 行', '坐标系', '坐标系只能是 WGS-84 或 GCJ-02'], ['第 4 行', '街道', '“新江湾城”不在街道列表中']])
    expect(el.querySelector('[role=status]')!.textContent).toBe('')
  })
})
