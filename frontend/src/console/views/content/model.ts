import type { components } from '../../api/schema'
import { api, fileBody, problemMessage } from '../../api/client'

type Schemas = components['schemas']
export type ContentView = Schemas['ContentView']
export type ContentListItem = Schemas['ContentListItem']
export type SaveContent = Schemas['SaveContent']
export type BulkOutcome = Schemas['BulkOutcome']
export type BulkAction = Schemas['Bulk']['action']
export type RevisionSummary = Schemas['RevisionSummary']
export type RevisionDiff = Schemas['RevisionDiff']
export type CalendarEntry = Schemas['CalendarEntry']
export type ImportResult = Schemas['ImportResult']
export type TopicView = Schemas['TopicView']
export type StoredFile = Schemas['StoredFile']
export type Kind = NonNullable<ContentView['kind']>
export type State = NonNullable<ContentView['state']>
export type Action = NonNullable<ContentView['actions']>[number]

export const KIND_LABELS: Record<Kind, string> = { ARTICLE: '文章', VIDEO: '微视频', ANIMATION: '微动画' }
export const STATE_LABELS: Record<State, string> = {
  DRAFT: '草稿', IN_REVIEW: '待审', REJECTED: '已退回', APPROVED: '已通过',
  SCHEDULED: '已排期', PUBLISHED: '已发布', ARCHIVED: '已下线',
}
export const EVENT_LABELS: Record<string, string> = { PUBLISH: '计划发布', PUBLISHED: '已发布', UNPUBLISH: '计划下线' }

export const isKind = (value: unknown): value is Kind => typeof value === 'string' && value in KIND_LABELS
export const isState = (value: unknown): value is State => typeof value === 'string' && value in STATE_LABELS

/** Why a content item's text cannot be changed now (shown above a read-only form). */
export function readOnlyReason(state: State | undefined): string {
  switch (state) {
    case 'IN_REVIEW': return '待审中的内容不能修改，如需修改请先撤回。'
    case 'APPROVED': return '已通过审核的内容不能修改，如需修改请先撤回（撤回后须重新审核）。'
    case 'SCHEDULED': return '已排期的内容不能修改，如需修改请先撤回（将取消排期，撤回后须重新审核）。'
    case 'PUBLISHED': return '已发布的内容不能直接修改，如需修改请先下线，再点击“重新编辑”。'
    case 'ARCHIVED': return '已下线的内容不能修改，如需修改请点击“重新编辑”（修改后须重新审核）。'
    default: return '您没有修改这条内容的权限。'
  }
}

/** Uploads an image (cover, inline picture); throws with the server's message. */
export async function storeImage(file: File): Promise<StoredFile> {
  const { data, error } = await api.POST('/api/console/uploads/images', { body: fileBody(file) })
  if (!data?.url) throw new Error(problemMessage(error, '上传失败，请重试'))
  return data
}

/** A workflow step on one content item, with what it needs. */
export type Step =
  | { op: 'submit' | 'withdraw' | 'unschedule' | 'publish' | 'reopen' | 'republish' }
  | { op: 'approve' | 'reject'; comment?: string }
  | { op: 'schedule'; publishAt: string; unpublishAt?: string }
  | { op: 'unpublish'; at?: string }
  | { op: 'feature'; featured: boolean }

export async function runStep(id: string, step: Step) {
  const params = { path: { id } }
  switch (step.op) {
    case 'submit': return api.POST('/api/console/contents/{id}/submit', { params })
    case 'withdraw': return api.POST('/api/console/contents/{id}/withdraw', { params })
    case 'unschedule': return api.POST('/api/console/contents/{id}/unschedule', { params })
    case 'publish': return api.POST('/api/console/contents/{id}/publish', { params })
    case 'reopen': return api.POST('/api/console/contents/{id}/reopen', { params })
    case 'republish': return api.POST('/api/console/contents/{id}/republish', { params })
    case 'approve': return api.POST('/api/console/contents/{id}/approve', { params, body: { comment: step.comment } })
    case 'reject': return api.POST('/api/console/contents/{id}/reject', { params, body: { comment: step.comment } })
    case 'schedule':
      return api.POST('/api/console/contents/{id}/schedule',
        { params, body: { publishAt: step.publishAt, unpublishAt: step.unpublishAt } })
    case 'unpublish': return api.POST('/api/console/contents/{id}/unpublish', { params, body: { at: step.at } })
    case 'feature': return api.POST('/api/console/contents/{id}/feature', { params, body: { featured: step.featured } })
  }
}

export const STEP_DONE: Record<Step['op'], string> = {
  submit: '已提交审核', withdraw: '已撤回为草稿', unschedule: '已取消排期', publish: '已发布',
  reopen: '已转为草稿，可重新编辑', republish: '已重新上线', approve: '已审核通过', reject: '已退回作者',
  schedule: '已排期', unpublish: '已下线', feature: '推荐设置已更新',
}
