import createClient, { type Middleware } from 'openapi-fetch'
import type { paths, components } from './schema'

export type CurrentUser = components['schemas']['CurrentUser']
export type UserView = components['schemas']['UserView']
export type Role = UserView['roles'][number]
export type AuditEventView = components['schemas']['AuditEventView']

/** RFC 9457 problem details as the backend sends them. */
export interface Problem {
  title?: string
  status?: number
  detail?: string
  errors?: { field: string; message: string }[]
}

export function basePath(): string {
  return document.documentElement.dataset.base ?? ''
}

export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

// Spring Security's double-submit CSRF cookie, echoed back on every unsafe request.
const csrf: Middleware = {
  onRequest({ request }) {
    const token = readCookie(document.cookie, 'XSRF-TOKEN')
    if (token && request.method !== 'GET' && request.method !== 'HEAD') {
      request.headers.set('X-XSRF-TOKEN', token)
    }
    return request
  },
}

let unauthorizedHandler: () => void = () => {}

/** Called when a console call finds the session gone (expired, signed out elsewhere, account disabled). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler
}

const sessionWatch: Middleware = {
  onResponse({ request, response }) {
    const sessionCall = /\/api\/console\/auth\/(me|login)$/.test(new URL(request.url).pathname)
    if (response.status === 401 && !sessionCall) unauthorizedHandler()
    return response
  },
}

export const api = createClient<paths>({ baseUrl: `${location.origin}${basePath()}`, credentials: 'same-origin' })
api.use(csrf, sessionWatch)

/** The message a person should read for a failed call. */
/**
 * One file as a multipart body (the field "file" every upload endpoint reads). openapi-fetch passes FormData
 * through untouched and the browser sets the boundary; the cast only satisfies the generated body type.
 */
export function fileBody(file: File): { file: string } {
  const form = new FormData()
  form.append('file', file)
  return form as unknown as { file: string }
}

export function problemMessage(error: unknown, fallback = '操作失败，请稍后重试'): string {
  const problem = error as Problem | undefined
  if (problem?.errors?.length) return problem.errors.map((e) => e.message).join('；')
  return problem?.detail ?? fallback
}

export const ROLE_LABELS: Record<Role, string> = {
  EDITOR: '编辑',
  REVIEWER: '审核',
  ADMIN: '管理员',
}
