import { describe, expect, it } from 'vitest'
import { emptyForm, formFromView, parseTags, toSaveContent } from './form'

describe('content form', () => {
  it('splits tags on commas, 顿号 and semicolons, trimming and de-duplicating', () => {
    expect(parseTags('民法典, 婚姻家庭，继承、 遗嘱；民法典;')).toEqual(['民法典', '婚姻家庭', '继承', '遗嘱'])
    expect(parseTags('  ')).toEqual([])
    expect(parseTags('反诈 宣传')).toEqual(['反诈 宣传'])
  })

  it('shows loaded tags joined with 顿号 and sends them back as a list', () => {
    const form = formFromView({ title: '标题', tags: ['普法', '社区'], version: 3 })
    expect(form.tags).toBe('普法、社区')
    expect(toSaveContent(form, 'ARTICLE', 3).tags).toEqual(['普法', '社区'])
  })

  it('sends the kind when creating and the loaded version when saving', () => {
    const form = { ...emptyForm(), title: ' 新文章 ', mediaAssetId: '665f1c2ab3e4d5f6a7b8c9d0', mediaName: 'a.mp4' }
    const created = toSaveContent(form, 'ARTICLE')
    expect(created.kind).toBe('ARTICLE')
    expect(created.version).toBeUndefined()
    expect(created.title).toBe('新文章')
    expect(created.mediaAssetId).toBe('') // articles carry no video
    const saved = toSaveContent(form, 'VIDEO', 7)
    expect(saved).toMatchObject({ version: 7, mediaAssetId: '665f1c2ab3e4d5f6a7b8c9d0', mediaName: 'a.mp4' })
    expect(saved.kind).toBeUndefined()
  })
})
