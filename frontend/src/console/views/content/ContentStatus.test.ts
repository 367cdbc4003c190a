import { createApp, h, nextTick } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { describe, expect, it } from 'vitest'
import ContentStatus from './ContentStatus.vue'
import type { ContentView, State } from './model'

async function links(state: State) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', component: { render: () => null } }] })
  const content: ContentView = { id: 'c1', state, stateLabel: state, kindLabel: '文章', revision: 1 }
  const el = document.createElement('div')
  const app = createApp({ render: () => h(ContentStatus, { content }) }).use(router)
  app.mount(el)
  await nextTick()
  const found = [...el.querySelectorAll('a')].map((a) => `${a.textContent} ${a.getAttribute('href')}`)
  app.unmount()
  return found
}

describe('content status', () => {
  it('links approved, scheduled and published content to a new channel post', async () => {
    for (const state of ['APPROVED', 'SCHEDULED', 'PUBLISHED'] as State[]) {
      expect(await links(state)).toContain('发布到渠道 /publishing/posts/new?contentId=c1')
    }
    for (const state of ['DRAFT', 'IN_REVIEW', 'ARCHIVED'] as State[]) {
      expect((await links(state)).some((l) => l.startsWith('发布到渠道'))).toBe(false)
    }
  })
})
