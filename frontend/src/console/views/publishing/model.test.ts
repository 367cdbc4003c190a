import { describe, expect, it } from 'vitest'
import { toLocalInput } from '../content/time'
import { codePoints, counters, fieldErrors, fieldsFromForm, formFromFields, limitProblems, moveToDate, splitTags } from './model'

const form = (more = {}) => ({ ...formFromFields(undefined, '2025-03-12T10:30'), title: '标题', tags: '普法', tid: 124, ...more })

describe('channel limits', () => {
  it('counts code points, so an emoji is one character', () => {
    expect(codePoints('😀'.repeat(32))).toBe(32)
    expect(limitProblems('WECHAT', form({ title: '😀'.repeat(32) })).title).toBeUndefined()
  })

  it('flags a 33-character WeChat title, a 17-character author and a 129-character digest', () => {
    const f = form({ title: '法'.repeat(33), author: '杨'.repeat(17), description: '浦'.repeat(129) })
    expect(counters('WECHAT', f).title).toEqual({ count: 33, max: 32, unit: '字' })
    expect(limitProblems('WECHAT', f)).toMatchObject({
      title: '标题有 33 字，最多 32 字', author: '作者有 17 字，最多 16 字', description: '摘要有 129 字，最多 128 字' })
  })

  it('holds Bilibili to titles under 80, tags under 200 together, a category and a source for reposts', () => {
    expect(limitProblems('BILIBILI', form({ title: '法'.repeat(79) }))).toEqual({})
    const f = form({ title: '法'.repeat(80), tags: Array(41).fill('反诈宣传').join('，'), tid: null, copyright: 2 })
    expect(counters('BILIBILI', f).tags?.count).toBe(41 * 4 + 40)
    expect(Object.keys(limitProblems('BILIBILI', f)).sort()).toEqual(['source', 'tags', 'tid', 'title'])
    expect(limitProblems('BILIBILI', form({ tags: ' , ' })).tags).toBe('B 站投稿至少需要一个标签')
  })

  it('sends only the fields the channel takes', () => {
    expect(splitTags('普法, 反诈，养老')).toEqual(['普法', '反诈', '养老'])
    expect(fieldsFromForm('BILIBILI', form({ source: '央视', copyright: 1 }))).toEqual({ title: '标题', tags: ['普法'], tid: 124, copyright: 1 })
    expect(fieldsFromForm('WECHAT', form({ author: '杨浦' }))).toMatchObject({ title: '标题', author: '杨浦' })
  })

  it('gathers the server messages by field', () => {
    expect(fieldErrors({ errors: [{ field: 'title', message: 'a' }, { field: 'title', message: 'b' }, { field: 'coverUrl', message: 'c' }] }))
      .toEqual({ title: 'a；b', coverUrl: 'c' })
  })
})

describe('moving a post to another day', () => {
  it('keeps the Shanghai time of day, also across midnight UTC and month ends', () => {
    // 2025-03-12 00:30 in Shanghai is 2025-03-11 16:30 UTC.
    const moved = moveToDate('2025-03-11T16:30:00Z', '2025-04-01')
    expect(toLocalInput(moved)).toBe('2025-04-01T00:30')
    expect(moveToDate('2025-03-12T02:30:15Z', '2025-03-10')).toBe('2025-03-10T02:30:15.000Z')
  })
})
