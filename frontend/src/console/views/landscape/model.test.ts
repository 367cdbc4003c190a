import { describe, expect, it } from 'vitest'
import { siteFieldErrors } from './model'
import { emptySiteForm, parseCoordinate, saveFromSiteForm, siteFormProblems } from './site-form'

describe('site form', () => {
  it('files nested validation messages under the part of the form they concern', () => {
    expect(siteFieldErrors({ errors: [{ field: 'coordinates.lat', message: '请填写纬度' }, { field: 'coordinates.datum', message: '请选择坐标系' },
      { field: 'photos[1].alt', message: '图片说明不能超过 100 个字' }, { field: 'name', message: '请填写名称' }] }))
      .toEqual({ coordinates: '请填写纬度；请选择坐标系', photos: '图片说明不能超过 100 个字', name: '请填写名称' })
  })

  it('reads coordinates typed with a full-width point and refuses words', () => {
    expect(parseCoordinate(' 31．283 ')).toBe(31.283)
    expect(parseCoordinate('31°17′')).toBeUndefined()
    expect(siteFormProblems({ ...emptySiteForm(), lat: '31.28', lng: '东经121' })).toEqual({ coordinates: '纬度和经度请填写数字，如 31.283、121.526' })
  })

  it('sends an emptied description, slug and date as absent', () => {
    const body = saveFromSiteForm({ ...emptySiteForm(), name: ' 宪法角 ', lat: '31.28', lng: '121.52', descriptionHtml: '<p></p>' })
    expect(body).toMatchObject({ name: '宪法角', coordinates: { lat: 31.28, lng: 121.52, datum: 'GCJ02' } })
    expect(body.descriptionHtml).toBeUndefined()
    expect(body.slug).toBeUndefined()
    expect(body.openedOn).toBeUndefined()
  })
})
