import { createApp, h, nextTick, type App, type Component } from 'vue'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import type { AccountView, PostView } from './model'

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } })

export const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}

/** A scheduled WeChat post of an article; change what the test needs. */
export function fakePost(more: Partial<PostView> = {}): PostView {
  return {
    id: 'p1', contentId: 'c1', contentTitle: '防范养老诈骗', contentKind: 'ARTICLE', channel: 'WECHAT', channelLabel: '微信公众号',
    fields: { title: '防范养老诈骗', description: '五个提醒', tags: [], author: '杨浦司法' },
    scheduledAt: '2025-03-12T02:30:00Z', state: 'SCHEDULED', stateLabel: '已排期', editable: true, removable: true, stage: '未开始',
    history: [], createdByName: '周编辑', updatedAt: '2025-03-01T02:00:00Z', ...more,
  }
}

export function fakeAccount(more: Partial<AccountView> = {}): AccountView {
  return { channel: 'WECHAT', channelLabel: '微信公众号', configured: true, name: '法声昂杨', appId: 'wx123', state: 'CONNECTED',
    stateLabel: '已连接', paused: false, ...more }
}

/** Mounts a view at a path in a memory router (other console pages are empty stand-ins). */
export async function mountAt(route: string, component: Component, path: string): Promise<{ el: HTMLElement; router: Router; app: App }> {
  const stub = { render: () => null }
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: route, component }, { path: '/:rest(.*)*', component: stub }] })
  await router.push(path)
  const el = document.createElement('div')
  document.body.append(el)
  const app = createApp({ render: () => h(RouterView) }).use(router)
  app.mount(el)
  await flush()
  return { el, router, app }
}

export const button = (el: Element, text: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(text))
export const field = (el: Element, label: string) =>
  [...el.querySelectorAll('label')].find((l) => l.firstChild?.textContent?.trim() === label)
    ?.querySelector('input, textarea, select') as HTMLInputElement
