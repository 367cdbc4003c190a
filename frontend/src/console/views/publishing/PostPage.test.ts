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
import PostPage from './PostPage.vue'
import { button, fakePost, field, flush, json, mountAt } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
  vi.useRealTimers()
})

const article = { id: 'c1', kind: 'ARTICLE', kindLabel: '文章', title: '防范养老诈骗', state: 'PUBLISHED', stateLabel: '已发布' }
const type = (input: HTMLInputElement, value: string) => {
  input.value = value
  input.dispatchEvent(new Event('input'))
}

describe('channel post page', () => {
  it('counts the WeChat limits live, keeps an over-long title from being sent and shows the server messages by field', async () => {
    server.handle = (req) => {
      const url = new URL(req.url)
      if (req.method === 'POST') return json({ status: 400, detail: '微信公众号：封面须为 JPG 或 PNG 图片',
        errors: [{ field: 'coverUrl', message: '封面须为 JPG 或 PNG 图片' }] }, 400)
      if (url.pathname.endsWith('/contents/c1')) return json(article)
      if (url.pathname.endsWith('/defaults')) return json({ title: '防范养老诈骗', description: '五个提醒', tags: ['普法'], author: '杨浦司法' })
      return json([])
    }
    ;({ app } = await mountAt('/publishing/posts/:id', PostPage, '/publishing/posts/new?contentId=c1'))
    const el = document.body
    expect(server.calls.map((c) => new URL(c.url).search)).toContain('?contentId=c1&channel=WECHAT')
    expect(el.querySelector<HTMLInputElement>('input[type=radio][value=WECHAT]')!.checked).toBe(true)
    const title = field(el, '标题')
    expect(title.value).toBe('防范养老诈骗')
    expect(el.querySelector('#count-title')!.textContent).toContain('6 / 32 字')

    type(title, '法'.repeat(33))
    await flush()
    const counter = el.querySelector('#count-title')!
    expect(counter.textContent).toContain('33 / 32 字，超出 1 字')
    expect(counter.classList.contains('over')).toBe(true)
    expect(title.getAttribute('aria-invalid')).toBe('true')
    expect(title.getAttribute('aria-describedby')).toContain('count-title')

    button(el, '保存并排期')!.click()
    await flush()
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false)
    expect(el.querySelector('#error-title')!.textContent).toBe('标题有 33 字，最多 32 字')
    expect(el.querySelector('[role=alert]')!.textContent).toContain('请按各项提示修改')

    type(title, '法'.repeat(32))
    button(el, '保存并排期')!.click()
    await flush()
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(await post.json()).toMatchObject({ contentId: 'c1', channel: 'WECHAT', fields: { title: '法'.repeat(32), author: '杨浦司法' } })
    expect(el.querySelector('#error-coverUrl')!.textContent).toBe('封面须为 JPG 或 PNG 图片')
    expect(el.querySelector('#error-title')).toBeNull()
  })

  it('notes that a video too large for WeChat goes out as a picture article, and offers Bilibili categories', async () => {
    server.handle = (req) => {
      const url = new URL(req.url)
      if (url.pathname.endsWith('/contents/v1')) return json({ ...article, id: 'v1', kind: 'VIDEO' })
      if (url.pathname.endsWith('/defaults')) return json({ title: '反诈', tags: ['反诈'], tid: 124, copyright: 1 })
      if (url.pathname.endsWith('/categories')) return json({ status: 409, detail: 'B 站账号未连接' }, 409)
      return json([])
    }
    ;({ app } = await mountAt('/publishing/posts/:id', PostPage, '/publishing/posts/new?contentId=v1'))
    const el = document.body
    expect(el.querySelector<HTMLInputElement>('input[type=radio][value=BILIBILI]')!.checked).toBe(true)
    expect(el.textContent).toContain('B 站账号未连接')
    expect(field(el, '分区编号（tid）').value).toBe('124')
    expect(el.textContent).not.toContain('视频超过 10 MB')
    const wechat = el.querySelector<HTMLInputElement>('input[type=radio][value=WECHAT]')!
    wechat.click()
    await flush()
    expect(el.textContent).toContain('视频超过 10 MB 时，微信发布为图文（封面 + 栏目观看链接）')
  })

  it('follows a post as it goes out and then shows its link on the channel', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const answers = [fakePost({ state: 'POSTING', stateLabel: '发布中', editable: false, stage: '素材已上传' }),
      fakePost({ state: 'PUBLISHED', stateLabel: '已发布', editable: false, stage: '已发布', remoteUrl: 'https://mp.weixin.qq.com/s/abc',
        history: [{ at: '2025-03-12T02:30:05Z', stage: '发布', ok: true, message: '已发布' }] })]
    let served = 0
    server.handle = () => json(answers[Math.min(served++, 1)])
    const mounting = mountAt('/publishing/posts/:id', PostPage, '/publishing/posts/p1')
    await vi.advanceTimersByTimeAsync(50)
    ;({ app } = await mounting)
    const el = document.body
    expect(el.querySelector('[data-testid=post-status]')!.textContent).toContain('发布中')
    expect(el.querySelector('fieldset.post-fields')!.hasAttribute('disabled')).toBe(true)
    await vi.advanceTimersByTimeAsync(3000)
    expect(el.querySelector('[data-testid=post-status]')!.textContent).toContain('已发布')
    const link = el.querySelector<HTMLAnchorElement>('a[href="https://mp.weixin.qq.com/s/abc"]')!
    expect(link.textContent).toContain('在公众号查看')
    expect(link.target).toBe('_blank')
    expect(link.rel).toBe('noopener')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(served).toBe(2)
  })
})
