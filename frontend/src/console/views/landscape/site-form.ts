import type { Datum, PhotoInput, SaveSite, SiteStatus, SiteView } from './model'

/** A photo as the editor holds it: the stored copies and the description typed for it. */
export interface FormPhoto { url: string; thumbUrl: string; largeUrl: string; alt: string }

/** The editor's fields: everything SaveSite takes, with the coordinates as typed. */
export interface SiteForm {
  name: string
  slug: string
  street: string
  category: string
  address: string
  lat: string
  lng: string
  datum: Datum
  descriptionHtml: string
  photos: FormPhoto[]
  openingHours: string
  stepFree: boolean
  seating: boolean
  accessibleToilet: boolean
  accessNotes: string
  openedOn: string
  status: SiteStatus
  relatedContentIds: string[]
  published: boolean
}

/** A new site: coordinates are usually picked on 高德 or 腾讯 maps, which give GCJ-02. */
export function emptySiteForm(): SiteForm {
  return {
    name: '', slug: '', street: '', category: '', address: '', lat: '', lng: '', datum: 'GCJ02', descriptionHtml: '',
    photos: [], openingHours: '', stepFree: false, seating: false, accessibleToilet: false, accessNotes: '', openedOn: '',
    status: 'OPEN', relatedContentIds: [], published: false,
  }
}

/** A coordinate to six places (about 0.1 m), without trailing zeros. */
const coordinate = (value?: number) => (value == null ? '' : String(Math.round(value * 1e6) / 1e6))

/** A stored site: its location is kept in WGS-84, so that is the datum shown. */
export function formFromSite(s: SiteView): SiteForm {
  return {
    name: s.name ?? '', slug: s.slug ?? '', street: s.street ?? '', category: s.category ?? '', address: s.address ?? '',
    lat: coordinate(s.location?.lat), lng: coordinate(s.location?.lng), datum: 'WGS84',
    descriptionHtml: s.descriptionHtml ?? '',
    photos: (s.photos ?? []).map((p) => ({ url: p.url ?? '', thumbUrl: p.thumbUrl ?? '', largeUrl: p.largeUrl ?? '', alt: p.alt ?? '' })),
    openingHours: s.openingHours ?? '', stepFree: !!s.access?.stepFree, seating: !!s.access?.seating,
    accessibleToilet: !!s.access?.accessibleToilet, accessNotes: s.access?.notes ?? '', openedOn: s.openedOn ?? '',
    status: s.status ?? 'OPEN', relatedContentIds: [...(s.relatedContentIds ?? [])], published: !!s.published,
  }
}

/** A number typed with a full-width point or stray spaces still reads; anything else is undefined. */
export function parseCoordinate(text: string): number | undefined {
  const value = text.trim().replace('。', '.').replace('．', '.')
  if (!/^-?\d+(\.\d+)?$/.test(value)) return undefined
  return Number(value)
}

/** Mistakes the server cannot word for this form (coordinates that are not numbers), by field. */
export function siteFormProblems(f: SiteForm): Record<string, string> {
  if (!f.lat.trim() || !f.lng.trim()) return { coordinates: '请填写纬度和经度' }
  if (parseCoordinate(f.lat) === undefined || parseCoordinate(f.lng) === undefined) {
    return { coordinates: '纬度和经度请填写数字，如 31.283、121.526' }
  }
  return {}
}

/** TipTap leaves "<p></p>" in an emptied editor: that is no description. */
const blankHtml = (html: string) => !/<img/i.test(html) && html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, '').trim() === ''

export function saveFromSiteForm(f: SiteForm, version?: number): SaveSite {
  const photos: PhotoInput[] = f.photos.map((p) => ({ url: p.url, thumbUrl: p.thumbUrl, largeUrl: p.largeUrl, alt: p.alt.trim() || undefined }))
  return {
    name: f.name.trim(), slug: f.slug.trim() || undefined, street: f.street, category: f.category, address: f.address.trim(),
    coordinates: { lat: parseCoordinate(f.lat) ?? 0, lng: parseCoordinate(f.lng) ?? 0, datum: f.datum },
    descriptionHtml: blankHtml(f.descriptionHtml) ? undefined : f.descriptionHtml,
    photos, openingHours: f.openingHours.trim() || undefined,
    access: { stepFree: f.stepFree, seating: f.seating, accessibleToilet: f.accessibleToilet, notes: f.accessNotes.trim() || undefined },
    openedOn: f.openedOn || undefined, status: f.status, relatedContentIds: [...f.relatedContentIds], published: f.published, version,
  }
}
