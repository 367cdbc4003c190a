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
import CatalogView from './CatalogView.vue'
import { fakeCatalog, flush, json, labelled, mountAt, named } from './test-fakes'

let app: App | undefined
afterEach(() => {
  session.user = null
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
})

async function catalog(answer: (req: Request) => Response | undefined = () => undefined) {
  server.handle = (req) => answer(req) ?? json(fakeCatalog())
  ;({ app } = await mountAt('/landscape/catalog', CatalogView, '/landscape/catalog'))
  return document.body
}
const save = async (el: Element) => {
  el.querySelector('form[aria-label=街道与类别]')!.dispatchEvent(new Event('submit'))
  await flush()
}
const ADMIN = { id: 'u3', username: 'admin', displayName: '管理员', roles: ['ADMIN' as const] }

describe('streets and categories', () => {
  it('shows the lists read-only to everyone but administrators', async () => {
    session.user = { id: 'u2', username: 'reviewer', displayName: '吴审核', roles: ['REVIEWER'] }
    const el = await catalog()
    expect([...el.querySelectorAll('.name-list')].map((ul) => [...ul.querySelectorAll('li')].map((li) => li.textContent))).toEqual([
      ['五角场街道', '控江路街道', '殷行街道'], ['宪法主题', '民法典主题', '禁毒宣传']])
    expect(el.querySelector('textarea')).toBeNull()
    expect(named(el, '保存')).toBeUndefined()
    expect(el.querySelector('[role=note]')!.textContent).toContain('由管理员维护')
  })

  it('lets an administrator edit one name a line and sends the lists with their version', async () => {
    session.user = ADMIN
    const el = await catalog((req) => (req.method === 'PUT' ? json(fakeCatalog({ streets: ['五角场街道', '控江路街道', '殷行街道', '新江湾城街道'], version: 4 })) : undefined))
    const streets = labelled(el, '街道')! as unknown as HTMLTextAreaElement
    expect(streets.value).toBe('五角场街道\n控江路街道\n殷行街道')
    streets.value = '五角场街道\n控江路街道\n\n殷行街道\n 新江湾城街道 \n'
    streets.dispatchEvent(new Event('input'))
    await save(el)
    expect(await server.calls.find((c) => c.method === 'PUT')!.json()).toEqual({
      streets: ['五角场街道', '控江路街道', '殷行街道', '新江湾城街道'], categories: ['宪法主题', '民法典主题', '禁毒宣传'], version: 3 })
    expect(el.querySelector('[role=status]')!.textContent).toBe('已保存街道与类别')
  })

  it('explains why a street still in use cannot be removed', async () => {
    session.user = ADMIN
    const refusal = '街道“殷行街道”仍有 2 处微景观，请先把它们改到其他街道或类别'
    const el = await catalog((req) => (req.method === 'PUT' ? json({ status: 409, title: '冲突', detail: refusal }, 409) : undefined))
    const streets = labelled(el, '街道')! as unknown as HTMLTextAreaElement
    streets.value = '五角场街道\n控江路街道'
    streets.dispatchEvent(new Event('input'))
    await save(el)
    expect(el.querySelector('[role=alert]')!.textContent).toContain(refusal)
    expect(streets.value).toBe('五角场街道\n控江路街道')
  })
})
