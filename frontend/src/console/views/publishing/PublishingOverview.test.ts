import type { App } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response => new Response(null, { status: 500 }) }
  globalThis.fetch = ((req: Request) => Promise.resolve(state.handle(req))) as typeof fetch
  return state
})
import PublishingOverview from './PublishingOverview.vue'
import { fakeAccount, fakePost, json, mountAt } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
})

describe('publishing overview', () => {
  it('shows each channel with its account, counts and recent posts linking to the channel', async () => {
    server.handle = () => json([
      { channel: 'BILIBILI', channelLabel: '哔哩哔哩', scheduled: 2, inFlight: 1, published: 5, failed: 1, recent: [],
        account: fakeAccount({ channel: 'BILIBILI', channelLabel: '哔哩哔哩', state: 'NEEDS_REAUTH', stateLabel: '需要重新授权' }) },
      { channel: 'WECHAT', channelLabel: '微信公众号', scheduled: 0, inFlight: 0, published: 1, failed: 0, account: fakeAccount(),
        recent: [fakePost({ state: 'PUBLISHED', stateLabel: '已发布', stage: '已发布', remoteUrl: 'https://mp.weixin.qq.com/s/x' })] },
    ])
    ;({ app } = await mountAt('/publishing', PublishingOverview, '/publishing'))
    const bili = document.querySelector('section[data-channel=BILIBILI]')!
    expect(bili.querySelector('h2')!.textContent).toBe('哔哩哔哩')
    expect(bili.textContent).toContain('需要重新授权')
    expect(bili.querySelector('a.reconnect')!.getAttribute('href')).toBe('/publishing/accounts')
    expect(bili.querySelector('.counts')!.textContent).toContain('待发布2')
    const wechat = document.querySelector('section[data-channel=WECHAT]')!
    expect(wechat.querySelector('a.reconnect')).toBeNull()
    const row = wechat.querySelector('tr[data-post-id=p1]')!
    expect(row.textContent).toContain('防范养老诈骗')
    const remote = row.querySelector<HTMLAnchorElement>('a[target=_blank]')!
    expect(remote.href).toBe('https://mp.weixin.qq.com/s/x')
    expect(remote.rel).toBe('noopener')
    expect(remote.textContent).toContain('在公众号查看')
    const nav = document.querySelector('nav[aria-label=发布导航]')!
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['概况', '日历', '队列', '批量排期', '渠道账号'])
  })
})
