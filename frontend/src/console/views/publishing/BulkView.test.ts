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
import BulkView from './BulkView.vue'
import { button, field, flush, json, mountAt } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
})

const item = (id: string, title: string, state: string) => ({ id, title, kind: 'VIDEO', kindLabel: '微视频', state,
  stateLabel: state === 'PUBLISHED' ? '已发布' : '已排期', publishAt: '2025-03-20T02:00:00Z', updatedAt: `2025-03-0${id.slice(1)}T00:00:00Z` })

describe('bulk scheduling', () => {
  it('offers published and scheduled content, sends the picks and reports each item and channel', async () => {
    server.handle = (req) => {
      const url = new URL(req.url)
      if (req.method === 'POST') return json([
        { contentId: 'c2', channel: 'BILIBILI', scheduled: true, postId: 'p9' },
        { contentId: 'c2', channel: 'WECHAT', scheduled: false, error: '微信图文必须有封面' }])
      return json({ items: url.searchParams.get('state') === 'PUBLISHED' ? [item('c1', '反诈短片', 'PUBLISHED')] : [item('c2', '民法典动画', 'SCHEDULED')], total: 1 })
    }
    ;({ app } = await mountAt('/publishing/bulk', BulkView, '/publishing/bulk'))
    const el = document.body
    const lists = server.calls.map((c) => new URL(c.url).search)
    expect(lists).toEqual(expect.arrayContaining(['?state=PUBLISHED&size=100', '?state=SCHEDULED&size=100']))
    const boxes = [...el.querySelectorAll<HTMLInputElement>('.content-picker input[type=checkbox]')]
    expect(boxes.map((b) => b.value)).toEqual(['c2', 'c1'])
    boxes[0].click()
    for (const c of el.querySelectorAll<HTMLInputElement>('fieldset:not(.content-picker) input[type=checkbox]')) {
      c.click()
      await flush()
    }
    const start = field(el, '第一条的发布时间（北京时间）')
    start.value = '2025-03-21T09:00'
    start.dispatchEvent(new Event('input'))
    button(el, '批量排期')!.click()
    await flush()
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(await post.json()).toEqual({ contentIds: ['c2'], channels: ['BILIBILI', 'WECHAT'], start: '2025-03-21T09:00:00+08:00', intervalMinutes: 60 })
    const rows = [...el.querySelectorAll('tbody tr')].map((r) => r.textContent)
    expect(rows[0]).toContain('民法典动画哔哩哔哩已排期')
    expect(rows[1]).toContain('民法典动画微信公众号微信图文必须有封面')
    expect(el.querySelector('[role=status]')!.textContent).toBe('已排期 1 条，未排期 1 条')
  })
})
