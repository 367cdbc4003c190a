import { describe, expect, it, vi } from 'vitest'

describe('console API client', () => {
  it('reports a lost session on 401 from a console call, but not from the session check itself', async () => {
    const fetchMock = vi.fn(async (request: Request) =>
      new Response(JSON.stringify({ detail: '请先登录编辑后台' }), {
        status: 401,
        headers: { 'Content-Type': 'application/problem+json' },
      }))
    vi.stubGlobal('fetch', fetchMock)
    document.cookie = 'XSRF-TOKEN=abc'
    const { api, onUnauthorized } = await import('./client')
    const lost = vi.fn()
    onUnauthorized(lost)

    await api.GET('/api/console/auth/me')
    expect(lost).not.toHaveBeenCalled()

    const { error } = await api.POST('/api/console/users', {
      body: { username: 'a.b', displayName: '甲', password: '0123456789', roles: ['EDITOR'] },
    })
    expect(error).toEqual({ detail: '请先登录编辑后台' })
    expect(lost).toHaveBeenCalledTimes(1)
    const sent = fetchMock.mock.calls[1][0] as Request
    expect(sent.headers.get('X-XSRF-TOKEN')).toBe('abc')
  })
})
