import { createApp, h, nextTick, type App } from 'vue'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response | Promise<Response> => new Response(null, { status: 500 }) }
  globalThis.fetch = ((req: Request) => Promise.resolve(state.handle(req))) as typeof fetch
  return state
})
import ContentEditView from './ContentEditView.vue'
import type { ContentView } from './model'

beforeAll(() => {
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect
  Range.prototype.getBoundingClientRect = rect
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList
  document.elementFromPoint = () => null
})

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
})

const draft: ContentView = {
  id: 'c1', kind: 'ARTICLE', kindLabel: '文章', title: '原标题', body: '<p>正文</p>', state: 'DRAFT', stateLabel: '草稿',
  tags: ['普法'], topics: [], version: 4, revision: 2, actions: ['EDIT', 'SUBMIT', 'DELETE'],
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } })
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}

async function mount(respond: (req: Request) => Response, path = '/contents/c1') {
  const calls: Request[] = []
  server.handle = (req) => {
    calls.push(req.clone())
    return respond(req)
  }
  const stub = { render: () => null }
  const router: Router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/contents', component: stub },
    { path: '/contents/:id', component: ContentEditView },
    { path: '/contents/:id/history', component: stub },
  ] })
  await router.push(path)
  const el = document.createElement('div')
  document.body.append(el)
  app = createApp({ render: () => h(RouterView) }).use(router)
  app.mount(el)
  await flush()
  return { calls, el, router }
}

const button = (el: Element, text: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)
const input = (el: Element, label: string) =>
  [...el.querySelectorAll('label')].find((l) => l.firstChild?.textContent?.trim() === label)?.querySelector('input, textarea') as HTMLInputElement

describe('content editor view', () => {
  it('saves with the loaded version and keeps the edits when the save is stale', async () => {
    const { calls, el } = await mount((req) => {
      if (req.method === 'PUT') return json({ title: '冲突', status: 409, detail: '这条内容已被他人修改' }, 409)
      if (req.url.endsWith('/topics')) return json([])
      return json(draft)
    })
    expect(input(el, '标题').value).toBe('原标题')
    expect(button(el, '提交审核')).toBeTruthy()
    expect(button(el, '撤回')).toBeUndefined()
    input(el, '标题').value = '我的新标题'
    input(el, '标题').dispatchEvent(new Event('input'))
    button(el, '保存')!.click()
    await flush()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(await put.json()).toMatchObject({ version: 4, title: '我的新标题', tags: ['普法'] })
    expect(el.querySelector('[role=alert]')?.textContent).toContain('这条内容已被他人修改')
    expect(input(el, '标题').value).toBe('我的新标题')
  })

  it('makes content in review read-only and says why', async () => {
    const inReview = { ...draft, state: 'IN_REVIEW', stateLabel: '待审', actions: ['WITHDRAW'] } as ContentView
    const { el } = await mount((req) => json(req.url.endsWith('/topics') ? [] : inReview))
    expect(input(el, '标题').readOnly).toBe(true)
    expect(el.textContent).toContain('待审中的内容不能修改，如需修改请先撤回')
    expect(button(el, '保存')).toBeUndefined()
    expect(button(el, '撤回')).toBeTruthy()
  })

  it('creates a new item of the requested kind, then moves to its address without losing the message', async () => {
    const created = { ...draft, id: 'n1', kind: 'VIDEO', kindLabel: '微视频', title: '新视频', version: 0 } as ContentView
    const { calls, el, router } = await mount((req) => {
      if (req.method === 'POST') return json(created, 201)
      return json(req.url.endsWith('/topics') ? [] : created)
    }, '/contents/new?kind=VIDEO')
    expect(el.querySelector('h1')?.textContent).toBe('新建微视频')
    expect(el.textContent).toContain('媒体文件')
    input(el, '标题').value = '新视频'
    input(el, '标题').dispatchEvent(new Event('input'))
    button(el, '保存')!.click()
    await flush()
    expect(await calls.find((c) => c.method === 'POST')!.json()).toMatchObject({ kind: 'VIDEO', title: '新视频' })
    expect(router.currentRoute.value.path).toBe('/contents/n1')
    expect(el.querySelector('[role=status][aria-live]')?.textContent).toBe('已保存')
    expect(calls.filter((c) => c.method === 'GET' && c.url.endsWith('/contents/n1'))).toHaveLength(0)
  })
})
