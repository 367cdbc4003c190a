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
import AccountsView from './AccountsView.vue'
import type { AccountView } from './model'
import { button, fakeAccount, field, flush, json, mountAt } from './test-fakes'

let app: App | undefined
afterEach(() => {
  app?.unmount()
  document.body.innerHTML = ''
  server.calls = []
  session.user = null
})

const bilibili = fakeAccount({ channel: 'BILIBILI', channelLabel: '哔哩哔哩', appId: 'bili-client', state: 'NEEDS_REAUTH',
  stateLabel: '需要重新授权', stateReason: 'B 站拒绝了刷新令牌，请管理员重新授权' })
const wechat = fakeAccount()

async function accounts(roles: ('EDITOR' | 'REVIEWER' | 'ADMIN')[], path = '/publishing/accounts',
  respond: (req: Request) => Response = () => json([bilibili, wechat])) {
  session.user = { id: 'u1', username: 'someone', displayName: '某人', roles }
  server.handle = respond
  ;({ app } = await mountAt('/publishing/accounts', AccountsView, path))
  return document.body
}
const card = (el: Element, channel: string) => el.querySelector(`section[data-channel=${channel}]`)!

describe('channel accounts page', () => {
  it('shows editors each account state but no connect form, secret field or account buttons', async () => {
    const el = await accounts(['EDITOR'])
    expect(card(el, 'BILIBILI').textContent).toContain('需要重新授权')
    expect(card(el, 'BILIBILI').textContent).toContain('B 站拒绝了刷新令牌')
    expect(card(el, 'WECHAT').textContent).toContain('已连接')
    expect(el.querySelector('form')).toBeNull()
    expect(el.querySelector('input[type=password]')).toBeNull()
    for (const name of ['暂停发布', '重新授权', '停用', '保存并前往授权', '保存并校验']) expect(button(el, name)).toBeUndefined()
    expect(el.textContent).toContain('须由管理员操作')
  })

  it('lets reviewers pause a channel, still without the connect form', async () => {
    const el = await accounts(['REVIEWER'], '/publishing/accounts', (req) =>
      req.method === 'POST' ? json({ ...wechat, paused: true }) : json([bilibili, wechat]))
    expect(el.querySelector('form')).toBeNull()
    button(card(el, 'WECHAT'), '暂停发布')!.click()
    await flush()
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(new URL(post.url).pathname).toBe('/api/console/channels/WECHAT/pause')
    expect(await post.json()).toEqual({ paused: true })
    expect(button(card(el, 'WECHAT'), '恢复发布')).toBeTruthy()
    expect(el.querySelector('[role=status]')!.textContent).toContain('已暂停微信公众号的发布')
  })

  it('gives administrators the connect form with a write-only secret, cleared once sent', async () => {
    const saved: AccountView = { ...wechat, appId: 'wxnew', connectedBy: '管理员' }
    const el = await accounts(['ADMIN'], '/publishing/accounts', (req) => req.method === 'PUT' ? json(saved) : json([bilibili, wechat]))
    const form = el.querySelector('form[aria-label=连接微信公众号]')!
    const secret = field(form, 'AppSecret')
    expect(secret.type).toBe('password')
    expect(secret.getAttribute('autocomplete')).toBe('off')
    expect(secret.value).toBe('')
    expect(field(form, 'AppID').value).toBe('wx123')
    expect(field(el.querySelector('form[aria-label=连接哔哩哔哩]')!, 'client_id').value).toBe('bili-client')
    field(form, 'AppID').value = 'wxnew'
    field(form, 'AppID').dispatchEvent(new Event('input'))
    secret.value = 'top-secret'
    secret.dispatchEvent(new Event('input'))
    button(form, '保存并校验')!.click()
    await flush()
    const put = server.calls.find((c) => c.method === 'PUT')!
    expect(new URL(put.url).pathname).toBe('/api/console/channels/wechat')
    expect(await put.json()).toEqual({ name: '法声昂杨', appId: 'wxnew', appSecret: 'top-secret' })
    expect(secret.value).toBe('')
    expect(el.querySelector('[role=status]')!.textContent).toContain('已连接微信公众号')
    expect(button(card(el, 'BILIBILI'), '重新授权')).toBeTruthy()
  })

  it('reports what Bilibili sent the administrator back with', async () => {
    let el = await accounts(['ADMIN'], '/publishing/accounts?connected=BILIBILI')
    expect(el.querySelector('[role=status]')!.textContent).toBe('已连接哔哩哔哩账号')
    app?.unmount()
    document.body.innerHTML = ''
    el = await accounts(['ADMIN'], `/publishing/accounts?error=${encodeURIComponent('B 站未返回授权码：授权已取消')}`)
    expect(el.querySelector('[role=alert]')!.textContent).toBe('B 站未返回授权码：授权已取消')
  })
})
