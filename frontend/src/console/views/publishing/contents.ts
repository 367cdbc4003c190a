import { api, problemMessage } from '../../api/client'
import type { ContentListItem } from '../content/model'

/** Content that may go to a channel: published on the column, or scheduled there. Newest change first. */
export async function publishableContents(q = ''): Promise<ContentListItem[]> {
  const list = (state: 'PUBLISHED' | 'SCHEDULED') =>
    api.GET('/api/console/contents', { params: { query: { state, q: q.trim() || undefined, size: 100 } } })
  const answers = await Promise.all([list('PUBLISHED'), list('SCHEDULED')])
  const failed = answers.find((a) => !a.data)
  if (failed) throw new Error(problemMessage(failed.error, '无法读取内容列表'))
  return answers.flatMap((a) => a.data?.items ?? [])
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))
}
