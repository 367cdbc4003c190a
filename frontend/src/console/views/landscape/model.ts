import type { components } from '../../api/schema'
import { api, basePath, fileBody, problemMessage, type Problem } from '../../api/client'

type Schemas = components['schemas']
export type SiteView = Schemas['LandscapeSiteView']
export type SaveSite = Schemas['SaveSite']
export type CatalogView = Schemas['LandscapeCatalogView']
export type SaveCatalog = Schemas['SaveCatalog']
export type PhotoUpload = Schemas['LandscapePhotoUpload']
export type PhotoInput = Schemas['PhotoInput']
export type ImportOutcome = Schemas['LandscapeImportOutcome']
export type Datum = Schemas['CoordinatesInput']['datum']
export type SiteStatus = SaveSite['status']

export const STATUS_LABELS: Record<SiteStatus, string> = { OPEN: '开放', RENOVATING: '改造中', CLOSED: '已关闭' }
export const DATUM_LABELS: Record<Datum, string> = {
  GCJ02: 'GCJ-02（高德、腾讯地图取点）',
  WGS84: 'WGS-84（GPS、天地图）',
}

/** A console download of one site (its QR code or A4 poster), under the site's base path like other downloads. */
export const siteFile = (id: string | undefined, file: 'qr.png' | 'poster.pdf') =>
  `${basePath()}/api/console/landscape/sites/${id ?? ''}/${file}`

export const templateHref = () => `${basePath()}/api/console/landscape/import-template.csv`

/**
 * The server's field messages keyed by the part of the form they belong to: coordinates.lat → coordinates,
 * photos[2].alt → photos, access.notes → access.
 */
export function siteFieldErrors(problem: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of (problem as Problem | undefined)?.errors ?? []) {
    if (!e.field) continue
    const field = e.field.split(/[.[]/)[0]
    out[field] = out[field] ? `${out[field]}；${e.message}` : e.message
  }
  return out
}

/** Uploads one photo; the server keeps it with a thumbnail and a large copy. Throws with the server's message. */
export async function uploadPhoto(file: File): Promise<PhotoUpload> {
  const { data, error } = await api.POST('/api/console/landscape/photos', { body: fileBody(file) })
  if (!data?.url) throw new Error(problemMessage(error, `${file.name} 上传失败，请重试`))
  return data
}
