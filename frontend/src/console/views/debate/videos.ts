import { api, problemMessage } from '../../api/client'
import type { ContentListItem } from '../content/model'

/** Videos and animations a match can show (any state; the public page plays only published ones). Newest change first. */
export async function videoContents(): Promise<ContentListItem[]> {
  const list = (kind: 'VIDEO' | 'ANIMATION') => api.GET('/api/console/contents', { params: { query: { kind, size: 100 } } })
  const answers = await Promise.all([list('VIDEO'), list('ANIMATION')])
  const failed = answers.find((a) => !a.data)
  if (failed) throw new Error(problemMessage(failed.error, '无法读取视频列表'))
  return answers.flatMap((a) => a.data?.items ?? []).sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))
}
