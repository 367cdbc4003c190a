import type { App } from 'vue'
import type { Router } from 'vue-router'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// openapi-fetch keeps the fetch it finds when the client module loads, so install a forwarder first.
const server = vi.hoisted(() => {
  const state = { handle: (_req: Request): Response => new Response(null, { status: 500 }), calls: [] as Request[] }
  globalThis.fetch = ((req: Request) => {
    state.calls.push(req.clone())
    return Promise.resolve(state.handle(req))
  }) as typeof fetch
  return state
})
import { session } from '../../session'
import SiteEditor from './SiteEditor.vue'
import { contentPage, fakeCatalog, fakeSite, flush, json, labelled, mountAt, named, type } from './test-fakes'

// ProseMirror (the 简介 editor) measures the selection when scrolling it into view; jsdom has no layout.
beforeAll(() => {
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect
  Range.prototype.getBoundingClientRect = rect
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList
  document.elementFromPoint = () => null
})

let app: App | undefined
afterEach(() => {
  session.user = null
  app?.unmount()
  document.body.innerHTML = ''
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'
  server.calls = []
  vi.restoreAllMocks()
})

const path = (req: Request) => `${req.method} ${new URL(req.url).pathname}`
const EDITOR = { id: 'u1', username: 'editor', displayName: '周编辑', roles: ['EDITOR' as const] }
const REVIEWER = { id: 'u2', username: 'reviewer', displayName: '吴审核', roles: ['REVIEWER' as const] }

async function editor(at: string, answer: (req: Request) => Response | undefined = () => undefined): Promise<{ el: HTMLElement; router: Router }> {
  server.handle = (req) => answer(req) ?? (path(req).endsWith('/catalog') ? json(fakeCatalog())
    : path(req) === 'GET /api/console/contents' ? json(contentPage([{ id: 'c1', title: '宪法知识问答' }, { id: 'c2', title: '民法典与邻里' }]))
      : json(fakeSite()))
  const mounted = await mountAt('/landscape/:id', SiteEditor, at)
  app = mounted.app
  return { el: document.body, router: mounted.router }
}
const save = async (el: Element) => {
  el.querySelector('form[aria-label=微景观信息]')!.dispatchEvent(new Event('submit'))
  await flush()
}

describe('new site', () => {
  it('sends the chosen fields with GCJ-02 coordinates, then opens the saved site', async () => {
    session.user = REVIEWER
    const { el, router } = await editor('/landscape/new', (req) => (req.method === 'POST' ? json(fakeSite({ id: 's9' }), 201) : undefined))
    expect(labelled(el, '坐标系')!.value).toBe('GCJ02')
    expect(el.textContent).toContain('北纬 31.250°–31.330°')
    type(labelled(el, '名称')!, '殷行社区民法典长廊')
    type(labelled(el, '街道')!, '殷行街道')
    type(labelled(el, '类别')!, '民法典主题')
    type(labelled(el, '地址')!, '杨浦区开鲁路 500 号')
    type(labelled(el, '纬度')!, '31.3152')
    type(labelled(el, '经度')!, '121.5301')
    type(labelled(el, '开放时间')!, '全天开放')
    type(labelled(el, '状态')!, 'RENOVATING')
    labelled(el, '无障碍通道（无台阶）')!.click()
    labelled(el, '在栏目公开')!.click()
    type(labelled(el, '选择内容')!, 'c2')
    await flush()
    named(el, '添加').click()
    await flush()
    expect(el.querySelector('fieldset.related ol')!.textContent).toContain('民法典与邻里')
    await save(el)
    const post = server.calls.find((c) => c.method === 'POST')!
    expect(path(post)).toBe('POST /api/console/landscape/sites')
    const body = await post.json()
    expect(body).toMatchObject({ name: '殷行社区民法典长廊', street: '殷行街道', category: '民法典主题', address: '杨浦区开鲁路 500 号',
      coordinates: { lat: 31.3152, lng: 121.5301, datum: 'GCJ02' }, openingHours: '全天开放', status: 'RENOVATING',
      access: { stepFree: true, seating: false, accessibleToilet: false }, relatedContentIds: ['c2'], photos: [], published: true })
    expect(body.slug).toBeUndefined()
    expect(body.version).toBeUndefined()
    expect(router.currentRoute.value.path).toBe('/landscape/s9')
    expect(el.querySelector('.actions [role=status]')!.textContent).toBe('已新建微景观')
    expect(el.textContent).toContain('/s/k7p2')
  })

  it('asks for coordinates before sending anything', async () => {
    const { el } = await editor('/landscape/new')
    type(labelled(el, '名称')!, '宪法角')
    await save(el)
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false)
    expect(el.querySelector('fieldset.coordinates')!.textContent).toContain('请填写纬度和经度')
  })

  it('uploads photos as multipart with the CSRF token and shows each thumbnail, the first as cover', async () => {
    document.cookie = 'XSRF-TOKEN=tok123'
    let n = 0
    const { el } = await editor('/landscape/new', (req) => {
      if (path(req) !== 'POST /api/console/landscape/photos') return undefined
      n++
      return json({ url: `/uploads/p${n}.jpg`, thumbUrl: `/uploads/p${n}-thumb.jpg`, largeUrl: `/uploads/p${n}-large.jpg`, width: 1600, height: 1200 }, 201)
    })
    const input = labelled(el, '上传照片')!
    expect(input.accept).toBe('image/*')
    expect(input.multiple).toBe(true)
    Object.defineProperty(input, 'files', { value: [new File(['a'], '入口.jpg', { type: 'image/jpeg' }), new File(['b'], '长廊.png', { type: 'image/png' })] })
    input.dispatchEvent(new Event('change'))
    await flush()
    const posts = server.calls.filter((c) => c.method === 'POST')
    expect(posts).toHaveLength(2)
    expect(posts[0].headers.get('X-XSRF-TOKEN')).toBe('tok123')
    expect(await ((await posts[0].formData()).get('file') as Blob).text()).toBe('a')
    const thumbs = [...el.querySelectorAll<HTMLImageElement>('.photo-list img')].map((i) => i.getAttribute('src'))
    expect(thumbs).toEqual(['/uploads/p1-thumb.jpg', '/uploads/p2-thumb.jpg'])
    expect(el.querySelector('.photo-list li')!.textContent).toContain('封面')
    type(labelled(el, '图片说明（第2张）')!, '长廊全景')
    named(el, '上移第 2 张照片').click()
    await flush()
    expect(el.querySelector<HTMLImageElement>('.photo-list img')!.getAttribute('src')).toBe('/uploads/p2-thumb.jpg')
    expect(el.querySelector<HTMLImageElement>('.photo-list img')!.alt).toBe('长廊全景')
  })
})

describe('existing site', () => {
  it('shows the stored WGS-84 point, and a coordinate refusal next to the coordinates', async () => {
    const refusal = '坐标（纬度 31.180000，经度 121.530000，WGS-84）不在杨浦区范围内（北纬 31.250°–31.330°，东经 121.490°–121.580°），请检查经纬度是否填反、坐标系是否选对'
    const { el } = await editor('/landscape/s1', (req) => (req.method === 'PUT'
      ? json({ status: 400, title: '请求有误', detail: '请检查填写的内容', errors: [{ field: 'coordinates', message: refusal }] }, 400) : undefined))
    expect(labelled(el, '纬度')!.value).toBe('31.280123')
    expect(labelled(el, '经度')!.value).toBe('121.531235')
    expect(labelled(el, '坐标系')!.value).toBe('WGS84')
    type(labelled(el, '纬度')!, '31.18')
    await save(el)
    const put = server.calls.find((c) => c.method === 'PUT')!
    expect(path(put)).toBe('PUT /api/console/landscape/sites/s1')
    expect(await put.json()).toMatchObject({ coordinates: { lat: 31.18, lng: 121.531235, datum: 'WGS84' }, version: 5,
      photos: [{ url: '/uploads/a.jpg', thumbUrl: '/uploads/a-thumb.jpg', largeUrl: '/uploads/a-large.jpg', alt: '入口' }], relatedContentIds: ['c1'] })
    const group = el.querySelector('fieldset.coordinates')!
    expect(group.textContent).toContain(refusal)
    expect(labelled(el, '纬度')!.getAttribute('aria-invalid')).toBe('true')
    expect(labelled(el, '纬度')!.getAttribute('aria-describedby')).toContain('error-coordinates')
    expect(el.querySelector('[role=alert]')!.textContent).toContain('请检查填写的内容')
  })

  it('offers the short address, poster and QR code, the scan count and the related titles', async () => {
    document.documentElement.dataset.base = '/fsay'
    try {
      const { el } = await editor('/landscape/s1')
      expect(el.textContent).toContain('/fsay/s/k7p2')
      const links = [...el.querySelectorAll('a[download]')].map((a) => [a.textContent, a.getAttribute('href')])
      expect(links).toEqual([['下载海报（PDF）', '/fsay/api/console/landscape/sites/s1/poster.pdf'],
        ['下载二维码', '/fsay/api/console/landscape/sites/s1/qr.png']])
      expect(el.querySelector('.site-links')!.textContent).toContain('42')
      expect(el.querySelector('fieldset.related ol')!.textContent).toContain('宪法知识问答')
    } finally {
      delete document.documentElement.dataset.base
    }
  })

  it('explains a conflicting change and offers the latest version', async () => {
    const { el } = await editor('/landscape/s1', (req) => (req.method === 'PUT'
      ? json({ status: 409, title: '冲突', detail: '该微景观已被他人修改，请刷新后重试' }, 409) : undefined))
    await save(el)
    expect(el.querySelector('[role=alert]')!.textContent).toContain('该微景观已被他人修改，请刷新后重试')
    named(el, '重新载入最新内容（放弃本页修改）').click()
    await flush()
    expect(server.calls.filter((c) => path(c) === 'GET /api/console/landscape/sites/s1')).toHaveLength(2)
    expect(el.querySelector('[role=alert]')).toBeNull()
  })
})

describe('who may publish and delete', () => {
  it('leaves publishing and deleting to reviewers: an editor sees both disabled or absent', async () => {
    session.user = EDITOR
    const { el } = await editor('/landscape/s1')
    expect(labelled(el, '在栏目公开')!.disabled).toBe(true)
    expect(el.textContent).toContain('需审核人员或管理员')
    expect(named(el, '删除')).toBeUndefined()
  })

  it('lets a reviewer publish, and delete after confirming', async () => {
    session.user = REVIEWER
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true)
    const { el, router } = await editor('/landscape/s1', (req) => (req.method === 'DELETE' ? new Response(null, { status: 204 }) : undefined))
    expect(labelled(el, '在栏目公开')!.disabled).toBe(false)
    named(el, '删除').click()
    await flush()
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('确定删除微景观“控江公园宪法角”吗'))
    expect(path(server.calls.find((c) => c.method === 'DELETE')!)).toBe('DELETE /api/console/landscape/sites/s1')
    expect(router.currentRoute.value.fullPath).toBe(`/landscape?deleted=${encodeURIComponent('控江公园宪法角')}`)
  })
})
