import { describe, expect, it } from 'vitest'
import { problemMessage, readCookie } from './client'

describe('console API client helpers', () => {
  it('finds the CSRF cookie among others and decodes it', () => {
    expect(readCookie('a=1; XSRF-TOKEN=ab%3Dc; b=2', 'XSRF-TOKEN')).toBe('ab=c')
    expect(readCookie('a=1', 'XSRF-TOKEN')).toBeUndefined()
  })

  it('shows field errors before the general detail', () => {
    expect(problemMessage({ detail: '请求有误', errors: [{ field: 'username', message: '用户名不能为空' }] }))
      .toBe('用户名不能为空')
    expect(problemMessage({ detail: '用户名或密码错误' })).toBe('用户名或密码错误')
    expect(problemMessage(undefined)).toBe('操作失败，请稍后重试')
  })
})
