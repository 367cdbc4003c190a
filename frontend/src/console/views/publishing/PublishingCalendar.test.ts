import type { App } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response => new Response(null, { status: 500 }), calls: [] as Request[] }
  globalThis.fetch = ((req: Request) => {
    state.calls.push(req.clone())
    return Promise.resolve(state.handle(req))
  }) as typeof fetch
  return state
})
import PublishingCalendar from './PublishingCalendar.vue'
import { button, fakePost, field, flush, json, mountAt } from './test-fakes'

let app: App | undefined
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-03-10T04:00:00Z'))
})
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
  vi.useRealTimers()
})

// 2025-03-12 10:30 in Shanghai; a published one beside it cannot move.
const scheduled = fakePost()
const published = fakePost({ id: 'p2', channel: 'BILIBILI', channelLabel: '哔哩哔哩', contentTitle: '反诈短片', state: 'PUBLISHED',
  stateLabel: '已发布', editable: false, scheduledAt: '2025-03-12T01:00:00Z' })

/** Stands in for the browser's DataTransfer, which jsdom lacks. */
function dragEvent(type: string, data: Record<string, string>) {
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'dataTransfer', { value: {
    effectAllowed: 'all', dropEffect: 'none',
    setData: (k: string, v: string) => { data[k] = v },
    getData: (k: string) => data[k] ?? '',
  } })
  return event
}

async function calendar(reschedule: (req: Request) => Response) {
  server.handle = (req) => {
    const path = new URL(req.url).pathname
    if (path.endsWith('/reschedule')) return reschedule(req)
    if (path.endsWith('/queue')) return json([scheduled])
    return json([scheduled, published])
  }
  ;({ app } = await mountAt('/publishing/calendar', PublishingCalendar, '/publishing/calendar'))
  return document.body
}

const day = (el: Element, date: string) => el.querySelector(`td[data-date="${date}"]`)!
const loads = () => server.calls.filter((c) => c.method === 'GET' && new URL(c.url).pathname === '/api/console/channel-posts').length

describe('channel posts calendar', () => {
  it('asks for the shown month in Shanghai time and lists the queue beside it', async () => {
    const el = await calendar(() => json({}))
    const first = new URL(server.calls.find((c) => new URL(c.url).pathname === '/api/console/channel-posts')!.url)
    // The March 2025 grid runs from Monday 24 February to Sunday 6 April.
    expect(first.searchParams.get('from')).toBe('2025-02-23T16:00:00.000Z')
    expect(first.searchParams.get('to')).toBe('2025-04-06T16:00:00.000Z')
    const cell = day(el, '2025-03-12')
    expect(cell.textContent).toContain('10:30 公众号')
    expect(cell.textContent).toContain('防范养老诈骗')
    expect(cell.querySelector('a')!.getAttribute('href')).toBe('/publishing/posts/p1')
    expect(cell.querySelector('li[data-post-id=p2]')!.getAttribute('draggable')).toBe('false')
    expect(el.querySelector('.queue')!.textContent).toContain('防范养老诈骗')
  })

  it('reschedules a dropped post to the new day at the same time of day', async () => {
    const el = await calendar((req) => json({ ...scheduled, scheduledAt: '2025-03-20T02:30:00Z' }))
    const data: Record<string, string> = {}
    day(el, '2025-03-12').querySelector('li[data-post-id=p1]')!.dispatchEvent(dragEvent('dragstart', data))
    const target = day(el, '2025-03-20')
    target.dispatchEvent(dragEvent('dragover', data))
    await flush()
    expect(target.classList.contains('drop-target')).toBe(true)
    target.dispatchEvent(dragEvent('drop', data))
    await flush()
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(new URL(post.url).pathname).toBe('/api/console/channel-posts/p1/reschedule')
    expect(await post.json()).toEqual({ scheduledAt: '2025-03-20T02:30:00.000Z' })
    expect(el.querySelector('[role=status]')!.textContent).toContain('已将“防范养老诈骗”改期至 2025-03-20 10:30')
    expect(loads()).toBe(2)
  })

  it('shows why a move was refused and reloads', async () => {
    const el = await calendar(() => json({ status: 400, detail: '渠道发布时间不能早于栏目发布时间',
      errors: [{ field: 'scheduledAt', message: '渠道发布时间不能早于栏目发布时间' }] }, 400))
    const data: Record<string, string> = {}
    day(el, '2025-03-12').querySelector('li[data-post-id=p1]')!.dispatchEvent(dragEvent('dragstart', data))
    day(el, '2025-03-03').dispatchEvent(dragEvent('drop', data))
    await flush()
    expect(el.querySelector('[role=alert]')!.textContent).toBe('渠道发布时间不能早于栏目发布时间')
    expect(loads()).toBe(2)
  })

  it('offers a keyboard way: 改期 opens a date and time field', async () => {
    const el = await calendar(() => json(scheduled))
    button(day(el, '2025-03-12'), '改期')!.click()
    await flush()
    const input = field(el, '新的发布时间（北京时间）')
    expect(input.value).toBe('2025-03-12T10:30')
    expect(document.activeElement).toBe(input)
    input.value = '2025-03-14T09:00'
    input.dispatchEvent(new Event('input'))
    button(el, '确认改期')!.click()
    await flush()
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(await post.json()).toEqual({ scheduledAt: '2025-03-14T09:00:00+08:00' })
  })
})
