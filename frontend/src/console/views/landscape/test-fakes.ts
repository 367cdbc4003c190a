import type { CatalogView, SiteView } from './model'

export { flush, json, mountAt } from '../publishing/test-fakes'
export { labelled, named, type } from '../debate/test-fakes'

export const fakeCatalog = (more: Partial<CatalogView> = {}): CatalogView => ({
  streets: ['五角场街道', '控江路街道', '殷行街道'], categories: ['宪法主题', '民法典主题', '禁毒宣传'],
  bounds: '北纬 31.250°–31.330°，东经 121.490°–121.580°', version: 3, ...more,
})

/** A published site on 控江路街道 with one photo and one related article; change what the test needs. */
export const fakeSite = (more: Partial<SiteView> = {}): SiteView => ({
  id: 's1', code: 'k7p2', slug: 'kongjiang-xianfa', name: '控江公园宪法角', street: '控江路街道', category: '宪法主题',
  address: '杨浦区控江路 1000 号', location: { lat: 31.2801234567, lng: 121.5312345678 }, descriptionHtml: '<p>宪法宣传角</p>',
  photos: [{ url: '/uploads/a.jpg', thumbUrl: '/uploads/a-thumb.jpg', largeUrl: '/uploads/a-large.jpg', alt: '入口' }],
  openingHours: '全天开放', access: { stepFree: true, seating: false, accessibleToilet: false, notes: '' }, openedOn: '2023-06-01',
  status: 'OPEN', statusLabel: '开放', relatedContentIds: ['c1'], published: true, publicPath: '/landscape/kongjiang-xianfa',
  shortPath: '/s/k7p2', scans: 42, version: 5, ...more,
})

export const contentPage = (items: { id: string; title: string }[]) => ({
  items: items.map((c) => ({ ...c, kind: 'ARTICLE', kindLabel: '文章', state: 'PUBLISHED', stateLabel: '已发布' })),
  page: 0, size: 100, total: items.length,
})
