import type { components, paths } from '../../api/schema'
import { api, basePath, problemMessage } from '../../api/client'

type Schemas = components['schemas']
export type AssetView = Schemas['AssetView']
export type AssetStatus = Schemas['AssetStatus']
export type UploadSettings = Schemas['UploadSettings']
export type RenditionView = Schemas['RenditionView']
export type CaptionView = Schemas['CaptionView']
export type AssetKind = AssetView['kind']
export type AssetState = AssetView['state']
/** The data of each `status` event on the progress stream. */
export type StatusEvent = paths['/api/console/media/{id}/events']['get']['responses'][200]['content']['text/event-stream']
/** The filters the media library list accepts. */
export type AssetQuery = NonNullable<paths['/api/console/media']['get']['parameters']['query']>

export const ASSET_KIND_LABELS: Record<AssetKind, string> = { VIDEO: '视频', ANIMATION: '动画' }
export const isAssetKind = (value: unknown): value is AssetKind => typeof value === 'string' && value in ASSET_KIND_LABELS

const FINAL: readonly AssetState[] = ['READY', 'FAILED', 'DUPLICATE', 'REJECTED']
/** The server stops sending progress once an asset reaches one of these states. */
export const isFinal = (state: AssetState | undefined): boolean => state !== undefined && FINAL.includes(state)

export const apiUrl = (path: string): string => `${location.origin}${basePath()}${path}`
export const uploadEndpoint = (): string => apiUrl('/api/console/media/uploads')
export const eventsUrl = (id: string): string => apiUrl(`/api/console/media/${encodeURIComponent(id)}/events`)

/** Files a person may pick for each kind; animations also come as GIF or (animated) PNG. */
export const ACCEPT: Record<AssetKind, string> = { VIDEO: 'video/*', ANIMATION: 'video/*,image/gif,image/png' }

export async function loadSettings(): Promise<UploadSettings> {
  const { data, error } = await api.GET('/api/console/media/settings')
  if (!data) throw new Error(problemMessage(error, '无法读取上传设置，请稍后重试'))
  return data
}

export async function loadAsset(id: string): Promise<AssetView> {
  const { data, error } = await api.GET('/api/console/media/{id}', { params: { path: { id } } })
  if (!data) throw new Error(problemMessage(error, '媒体文件不存在或已被删除'))
  return data
}

/** The preview plays the largest MP4 rendition that is at most 720p (or the smallest when all are larger). */
export function previewRendition(renditions: readonly RenditionView[]): RenditionView | undefined {
  const small = renditions.filter((r) => r.height <= 720).sort((a, b) => b.height - a.height)
  return small[0] ?? [...renditions].sort((a, b) => a.height - b.height)[0]
}
