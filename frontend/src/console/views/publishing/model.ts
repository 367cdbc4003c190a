import type { components } from '../../api/schema'
import type { Problem } from '../../api/client'
import { fromLocalInput, shanghaiDate } from '../content/time'

type Schemas = components['schemas']
export type AccountView = Schemas['AccountView']
export type PostView = Schemas['PostView']
export type PostFields = Schemas['PostFields']
export type PostAttempt = Schemas['PostAttempt']
export type ChannelSummary = Schemas['ChannelSummary']
export type Category = Schemas['Category']
export type Channel = NonNullable<PostView['channel']>
export type PostState = NonNullable<PostView['state']>

export type BulkResult = Schemas['BulkScheduleOutcome']

export const CHANNELS: Channel[] = ['BILIBILI', 'WECHAT']
export const CHANNEL_LABELS: Record<Channel, string> = { BILIBILI: '哔哩哔哩', WECHAT: '微信公众号' }
export const CHANNEL_SHORT: Record<Channel, string> = { BILIBILI: 'B 站', WECHAT: '公众号' }
export const REMOTE_LINK: Record<Channel, string> = { BILIBILI: '在 B 站查看', WECHAT: '在公众号查看' }
export const POST_STATE_LABELS: Record<PostState, string> = {
  SCHEDULED: '已排期', POSTING: '发布中', IN_REVIEW: '平台审核中', PUBLISHED: '已发布',
  REJECTED: '平台未通过', FAILED: '发布失败', HELD: '等待渠道恢复',
}
/** States in which a post still changes by itself: its page follows it. */
export const LIVE_STATES: PostState[] = ['SCHEDULED', 'POSTING', 'IN_REVIEW', 'HELD']
export const WECHAT_VIDEO_NOTE = '视频超过 10 MB 时，微信发布为图文（封面 + 栏目观看链接）'

export const isChannel = (value: unknown): value is Channel => typeof value === 'string' && value in CHANNEL_LABELS
export const stateLabel = (p: PostView) => p.stateLabel ?? (p.state ? POST_STATE_LABELS[p.state] : '')
/** Videos and animations go to Bilibili first, articles to WeChat. */
export const defaultChannel = (kind?: string): Channel => (kind === 'VIDEO' || kind === 'ANIMATION' ? 'BILIBILI' : 'WECHAT')

/** Characters as the channels count them: by code point, so an emoji is one. */
export const codePoints = (text?: string | null) => (text ? Array.from(text).length : 0)

/** What the post form edits; tags are typed as one line separated by commas. */
export interface PostForm {
  title: string
  description: string
  tags: string
  tid: number | null
  copyright: number
  source: string
  author: string
  coverUrl: string
  scheduledAt: string
}
export type FormField = Exclude<keyof PostForm, 'scheduledAt'>

export const splitTags = (text: string) => text.split(/[,，、]/).map((t) => t.trim()).filter(Boolean)

export function formFromFields(f: PostFields | undefined, scheduledAt: string): PostForm {
  return {
    title: f?.title ?? '', description: f?.description ?? '', tags: (f?.tags ?? []).join(', '), tid: f?.tid ?? null,
    copyright: f?.copyright ?? 1, source: f?.source ?? '', author: f?.author ?? '', coverUrl: f?.coverUrl ?? '', scheduledAt,
  }
}

export function fieldsFromForm(channel: Channel, f: PostForm): PostFields {
  const text = (s: string) => s.trim() || undefined
  return channel === 'BILIBILI'
    ? { title: f.title.trim(), description: text(f.description), tags: splitTags(f.tags), tid: f.tid ?? undefined,
        copyright: f.copyright, source: f.copyright === 2 ? text(f.source) : undefined, coverUrl: text(f.coverUrl) }
    : { title: f.title.trim(), description: text(f.description), tags: splitTags(f.tags), author: text(f.author),
        coverUrl: text(f.coverUrl) }
}

export interface Count { count: number; max: number; unit: string }

/** The live counters of a channel's text limits. */
export function counters(channel: Channel, f: PostForm): Partial<Record<FormField, Count>> {
  if (channel === 'BILIBILI') {
    return {
      title: { count: codePoints(f.title), max: 79, unit: '字' },
      description: { count: codePoints(f.description), max: 249, unit: '字' },
      tags: { count: codePoints(splitTags(f.tags).join(',')), max: 199, unit: '个字符' },
    }
  }
  return {
    title: { count: codePoints(f.title), max: 32, unit: '字' },
    description: { count: codePoints(f.description), max: 128, unit: '字' },
    author: { count: codePoints(f.author), max: 16, unit: '字' },
  }
}

/** Each broken limit by field, in the channel's words; empty when the post may be saved. */
export function limitProblems(channel: Channel, f: PostForm): Partial<Record<keyof PostForm, string>> {
  const problems: Partial<Record<keyof PostForm, string>> = {}
  const labels: Partial<Record<FormField, string>> = channel === 'BILIBILI'
    ? { title: '标题', description: '简介', tags: '标签合计' } : { title: '标题', description: '摘要', author: '作者' }
  for (const [field, c] of Object.entries(counters(channel, f)) as [FormField, Count][]) {
    if (c.count > c.max) problems[field] = `${labels[field]}有 ${c.count} ${c.unit}，最多 ${c.max} ${c.unit}`
  }
  if (!f.title.trim()) problems.title = '请填写标题'
  if (channel === 'BILIBILI') {
    if (!splitTags(f.tags).length) problems.tags = 'B 站投稿至少需要一个标签'
    if (!f.tid || f.tid <= 0) problems.tid = '请选择 B 站分区'
    if (f.copyright === 2 && !f.source.trim()) problems.source = '转载稿件须填写转载来源'
  }
  if (!fromLocalInput(f.scheduledAt)) problems.scheduledAt = '请选择发布时间'
  return problems
}

/** The server's per-field messages (RFC 9457 errors), gathered by field. */
export function fieldErrors(problem: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of (problem as Problem | undefined)?.errors ?? []) {
    const field = e.field.replace(/^fields\./, '')
    out[field] = out[field] ? `${out[field]}；${e.message}` : e.message
  }
  return out
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The same Shanghai time of day on another date (Shanghai has no daylight saving, so whole days are exact). */
export function moveToDate(at: string, date: string): string {
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${shanghaiDate(at)}T00:00:00Z`)) / DAY_MS
  return new Date(new Date(at).getTime() + days * DAY_MS).toISOString()
}

/** The instant a Shanghai calendar date starts, for range queries. */
export const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()
