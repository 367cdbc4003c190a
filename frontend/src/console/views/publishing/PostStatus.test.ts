import { createApp, h, type App } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import PostStatus from './PostStatus.vue'
import { fakePost, flush } from './test-fakes'
import type { PostView } from './model'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

async function mount(post: PostView, onCancel = () => {}) {
  const el = document.createElement('div')
  document.body.append(el)
  app = createApp({ render: () => h(PostStatus, { post, busy: false, onCancel }) })
  app.mount(el)
  await flush()
  return el
}

const buttons = (el: HTMLElement) => [...el.querySelectorAll('button')].map((b) => b.textContent?.trim())

describe('post status actions', () => {
  it('lets a rejection be cleared so the item can be posted again', async () => {
    const cancel = vi.fn()
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const el = await mount(fakePost({ state: 'REJECTED', stateLabel: '平台未通过', editable: false, removable: true,
      failure: '视频内容与分区不符' }), cancel)
    expect(el.textContent).toContain('未通过原因')
    const clear = [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('清除记录'))!
    clear.click()
    expect(window.confirm).toHaveBeenCalledWith(expect.stringContaining('清除后可重新发布'))
    expect(cancel).toHaveBeenCalled()
  })

  it('offers neither cancel nor retry while a post is on its way', async () => {
    const el = await mount(fakePost({ state: 'POSTING', stateLabel: '发布中', editable: false, removable: false }))
    expect(buttons(el)).not.toContain('取消发布')
    expect(buttons(el)).not.toContain('立即重试')
  })
})
