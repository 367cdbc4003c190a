import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import Heading from '@tiptap/extension-heading'
import Link from '@tiptap/extension-link'
import { OrderedList } from '@tiptap/extension-list'
import Image from '@tiptap/extension-image'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'

/**
 * The editor schema, kept in step with the server's jsoup Safelist. The server still sanitises every
 * body; this only keeps the editor from producing what would be stripped. TipTap also emits
 * <colgroup>/<col> and a style attribute on <table>, which the server strips.
 */
export const ALLOWED_TAGS = [
  'p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr', 'br', 'img',
  'table', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'u', 's', 'a',
] as const

export const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'target', 'rel'],
  img: ['src', 'alt', 'title'],
  ol: ['start'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
}

export const HEADING_LEVELS = [2, 3, 4] as const
export type HeadingLevel = (typeof HEADING_LEVELS)[number]

export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const

/** Only absolute http(s) and mailto links are kept (the server's Safelist enforces the same protocols). */
export function isAllowedHref(url: string | null | undefined): boolean {
  if (!url) return false
  return /^(?:https?:\/\/[^\s/?#]+|mailto:[^\s]+)/i.test(url.trim())
}

/** An attribute that is never parsed from HTML and never rendered. */
const dropped = { default: null, parseHTML: () => null, renderHTML: () => ({}) }

/** h2-h4 only; pasted h1 becomes h2 and h5/h6 become h4 instead of losing the heading. */
const SafeHeading = Heading.extend({
  parseHTML() {
    return [
      ...(this.parent?.() ?? []),
      { tag: 'h1', attrs: { level: 2 } },
      { tag: 'h5', attrs: { level: 4 } },
      { tag: 'h6', attrs: { level: 4 } },
    ]
  },
}).configure({ levels: [...HEADING_LEVELS] })

/** <ol start>, no type attribute. */
const SafeOrderedList = OrderedList.extend({
  addAttributes() {
    return { ...this.parent?.(), type: dropped }
  },
})

/** <a href target rel>: no class or title. */
const SafeLink = Link.extend({
  addAttributes() {
    return { ...this.parent?.(), class: dropped, title: dropped }
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  isAllowedUri: url => isAllowedHref(url),
  shouldAutoLink: url => isAllowedHref(url),
})

/** <img src alt title>: no width/height, never a data: URL. */
const SafeImage = Image.extend({
  addAttributes() {
    return { ...this.parent?.(), width: dropped, height: dropped }
  },
}).configure({ inline: false, allowBase64: false })

/** Cells keep colspan/rowspan only: colwidth and the text-align style are neither parsed nor rendered. */
const SafeTableHeader = TableHeader.extend({
  addAttributes() {
    return { ...this.parent?.(), colwidth: dropped, align: dropped }
  },
})
const SafeTableCell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), colwidth: dropped, align: dropped }
  },
})

export interface EditorExtensionOptions {
  /** Extra extensions (for example a placeholder) appended after the schema. */
  extra?: AnyExtension[]
}

export function editorExtensions(options: EditorExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: false,
      orderedList: false,
      link: false,
      codeBlock: { languageClassPrefix: null, defaultLanguage: null, enableTabIndentation: false },
    }),
    SafeHeading,
    SafeOrderedList,
    SafeLink,
    SafeImage,
    Table.configure({ resizable: false, renderWrapper: false, allowTableNodeSelection: false }),
    TableRow,
    SafeTableHeader,
    SafeTableCell,
    ...(options.extra ?? []),
  ]
}
