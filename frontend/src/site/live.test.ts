import { describe, expect, it, vi } from 'vitest'
import { enhanceLive, replaceRegion } from './live'

function page(revision: number, result: string): string {
  return `<main><p data-live-status role="status"></p>
    <div data-live-region data-live-url="/debate/c/live" data-live-revision="${revision}">
      <article data-match="m1"><p class="result">${result}</p><details><summary>评委评分表</summary></details></article>
    </div></main>`
}

class FakeStream extends EventTarget {
  send(revision: number) {
    this.dispatchEvent(new MessageEvent('changed', { data: String(revision) }))
  }
}

describe('live debate results', () => {
  it('swaps in the fetched region and keeps expanded ballots open', () => {
    document.body.innerHTML = page(1, '成绩录入中')
    document.querySelector('details')!.setAttribute('open', '')
    expect(replaceRegion(document, page(2, '正方 A队 胜'))).toBe(true)
    expect(document.querySelector('.result')!.textContent).toBe('正方 A队 胜')
    expect(document.querySelector('details')!.hasAttribute('open')).toBe(true)
    expect(document.querySelector<HTMLElement>('[data-live-region]')!.dataset.liveRevision).toBe('2')
  })

  it('refetches the page on a newer revision only, and says so in the status line', async () => {
    document.body.innerHTML = page(5, '成绩录入中')
    const stream = new FakeStream()
    const fetchPage = vi.fn(async () => page(6, '反方 B队 胜'))
    enhanceLive(document, {
      fetchPage,
      openStream: () => stream as unknown as EventSource,
      now: () => new Date('2026-12-05T02:30:00Z'),
      pause: () => Promise.resolve(),
    })
    stream.send(5)
    expect(fetchPage).not.toHaveBeenCalled()
    stream.send(6)
    await vi.waitFor(() => expect(document.querySelector('.result')!.textContent).toBe('反方 B队 胜'))
    expect(fetchPage).toHaveBeenCalledTimes(1)
    expect(document.querySelector('[data-live-status]')!.textContent).toBe('比赛信息已于 10:30 更新')
  })

  it('tries again on the next event after a failed load, even one for the same revision', async () => {
    document.body.innerHTML = page(5, '成绩录入中')
    const stream = new FakeStream()
    const fetchPage = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(page(6, '正方 A队 胜'))
    enhanceLive(document, { fetchPage, openStream: () => stream as unknown as EventSource, pause: () => Promise.resolve() })
    stream.send(6)
    await vi.waitFor(() => expect(fetchPage).toHaveBeenCalledTimes(1))
    await Promise.resolve()
    // The stream reconnects and sends the current revision again.
    stream.send(6)
    await vi.waitFor(() => expect(document.querySelector('.result')!.textContent).toBe('正方 A队 胜'))
    expect(fetchPage).toHaveBeenCalledTimes(2)
  })

  it('does nothing on pages without a live region', () => {
    document.body.innerHTML = '<main><p>文章</p></main>'
    expect(enhanceLive(document, { openStream: () => { throw new Error('opened') } })).toBeNull()
  })
})
