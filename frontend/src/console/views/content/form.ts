import type { ContentView, Kind, SaveContent } from './model'

/** The editable fields of a content item as the form holds them (tags as typed text). */
export interface ContentForm {
  title: string
  slug: string
  summary: string
  coverUrl: string
  topics: string[]
  tags: string
  source: string
  mediaAssetId: string
  mediaName: string
  body: string
}

export function emptyForm(): ContentForm {
  return { title: '', slug: '', summary: '', coverUrl: '', topics: [], tags: '', source: '', mediaAssetId: '', mediaName: '', body: '' }
}

/** Splits tags typed with commas (半角/全角), 顿号 or semicolons; trims, drops blanks and repeats. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>()
  for (const part of text.split(/[,，、;；\n]/)) {
    const tag = part.trim()
    if (tag) seen.add(tag)
  }
  return [...seen]
}

export function formatTags(tags: readonly string[] | undefined): string {
  return (tags ?? []).join('、')
}

export function formFromView(view: ContentView): ContentForm {
  return {
    title: view.title ?? '',
    slug: view.slug ?? '',
    summary: view.summary ?? '',
    coverUrl: view.coverUrl ?? '',
    topics: [...(view.topics ?? [])],
    tags: formatTags(view.tags),
    source: view.source ?? '',
    mediaAssetId: view.mediaAssetId ?? '',
    mediaName: view.mediaName ?? '',
    body: view.body ?? '',
  }
}

/** The request body for creating (kind, no version) or saving (version that was loaded). */
export function toSaveContent(form: ContentForm, kind: Kind, version?: number): SaveContent {
  const hasMedia = kind !== 'ARTICLE'
  return {
    ...(version === undefined ? { kind } : { version }),
    title: form.title.trim(),
    slug: form.slug.trim(),
    summary: form.summary.trim(),
    coverUrl: form.coverUrl,
    topics: [...form.topics],
    tags: parseTags(form.tags),
    source: form.source.trim(),
    mediaAssetId: hasMedia ? form.mediaAssetId : '',
    mediaName: hasMedia ? form.mediaName : '',
    body: form.body,
  }
}
