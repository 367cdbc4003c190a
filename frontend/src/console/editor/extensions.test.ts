import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, editorExtensions, isAllowedHref } from './extensions'

const editors: Editor[] = []
function editor(content = ''): Editor {
  const e = new Editor({ extensions: editorExtensions(), content })
  editors.push(e)
  return e
}
const roundTrip = (html: string) => editor(html).getHTML()
afterEach(() => editors.splice(0).forEach(e => e.destroy()))

// What TipTap emits beyond the server's Safelist, which the server strips: <colgroup>/<col>, and a
// min-width style on <table> and <col>.
const STRIPPED_BY_SERVER: Record<string, string[]> = { table: ['style'], colgroup: [], col: ['style'] }

/** Every element and attribute in `html` that neither the Safelist nor the list above allows. */
function violations(html: string): string[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body
  const found: string[] = []
  for (const el of body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase()
    const allowed = [...(ALLOWED_ATTRIBUTES[tag] ?? []), ...(STRIPPED_BY_SERVER[tag] ?? [])]
    if (!(ALLOWED_TAGS as readonly string[]).includes(tag) && !(tag in STRIPPED_BY_SERVER)) found.push(`<${tag}>`)
    for (const attr of el.getAttributeNames()) if (!allowed.includes(attr)) found.push(`<${tag} ${attr}>`)
  }
  return found
}

const TABLE_2x2 =
  '<table style="min-width: 50px;"><colgroup><col style="min-width: 25px;"><col style="min-width: 25px;"></colgroup>' +
  '<tbody><tr><th colspan="1" rowspan="1"><p>A</p></th><th colspan="1" rowspan="1"><p>B</p></th></tr>' +
  '<tr><td colspan="1" rowspan="1"><p>1</p></td><td colspan="1" rowspan="1"><p>2</p></td></tr></tbody></table>'

describe('editor schema', () => {
  it('has exactly the nodes and marks the server Safelist allows', () => {
    const { schema } = editor()
    expect(Object.keys(schema.nodes).sort()).toEqual([
      'blockquote', 'bulletList', 'codeBlock', 'doc', 'hardBreak', 'heading', 'horizontalRule', 'image',
      'listItem', 'orderedList', 'paragraph', 'table', 'tableCell', 'tableHeader', 'tableRow', 'text',
    ])
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'code', 'italic', 'link', 'strike', 'underline'])
  })

  it('keeps every allowed construct unchanged', () => {
    const html =
      '<h2>二</h2><h3>三</h3><h4>四</h4><p>a<br>b<strong>粗</strong><em>斜</em><u>下</u><s>删</s><code>c</code></p>' +
      '<ul><li><p>u</p></li></ul><ol start="3"><li><p>o</p></li></ol><blockquote><p>q</p></blockquote>' +
      '<pre><code>let x = 1</code></pre><hr><img src="https://example.com/a.png" alt="图" title="标题">' +
      '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/">链</a></p>'
    expect(roundTrip(html)).toBe(html)
    expect(violations(html)).toEqual([])
  })
})

describe('(a) disallowed HTML is reduced to the schema', () => {
  const dirty =
    '<h1 onclick="alert(1)">大标题</h1><h5 style="color:red">五级</h5><h6>六级</h6>' +
    '<p><span style="color:red" onmouseover="x()">红字</span><font color="red" face="宋体">字体</font></p>' +
    '<div class="box" id="d">块</div><iframe src="https://evil.example/"></iframe><script>alert("xss")</script>' +
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="内联"><img src="https://example.com/b.png" alt="外" width="10" height="20" onerror="x()" style="float:left">' +
    '<ol type="a" start="2" style="list-style-type: lower-alpha"><li>甲</li></ol><pre><code class="language-js">code()</code></pre>' +
    '<p><a href="https://example.com/" class="btn" title="t" onclick="x()">链</a></p>'

  it('produces exactly this HTML', () => {
    expect(roundTrip(dirty)).toBe(
      '<h2>大标题</h2><h4>五级</h4><h4>六级</h4><p>红字字体</p><p>块</p>' +
        '<img src="https://example.com/b.png" alt="外"><ol start="2"><li><p>甲</p></li></ol><pre><code>code()</code></pre>' +
        '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/">链</a></p>',
    )
  })

  it('leaves no disallowed tag, attribute, on* handler, style or data: URL', () => {
    const out = roundTrip(dirty)
    expect(violations(out)).toEqual([])
    expect(out).not.toMatch(/\son\w+=|style=|class=|data:|<script|<iframe|alert/i)
  })

  it('the violation check itself catches what it should', () => {
    expect(violations(dirty)).toEqual(expect.arrayContaining(['<h1>', '<h1 onclick>', '<span>', '<font>', '<div>', '<iframe>', '<script>', '<img width>', '<ol type>', '<code class>', '<a class>']))
  })
})

describe('(b) tables', () => {
  it('round-trips a table with a header row; TipTap adds colgroup/col and min-width styles', () => {
    const out = roundTrip('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>')
    expect(out).toBe(TABLE_2x2)
    expect(roundTrip(out)).toBe(out)
    expect(violations(out)).toEqual([])
  })

  it('insertTable with a header row emits th in the first row and td below', () => {
    const e = editor()
    expect(e.commands.insertTable({ rows: 2, cols: 2, withHeaderRow: true })).toBe(true)
    const doc = new DOMParser().parseFromString(e.getHTML(), 'text/html')
    expect([...doc.querySelectorAll('tr')].map(tr => [...tr.children].map(c => c.tagName))).toEqual([['TH', 'TH'], ['TD', 'TD']])
    expect(violations(e.getHTML())).toEqual([])
  })

  it('keeps colspan/rowspan but not colwidth or text-align from pasted tables', () => {
    const out = roundTrip(
      '<table><tr><th colspan="2" colwidth="120" style="text-align:center">合并</th></tr><tr><td rowspan="1" align="right">1</td><td>2</td></tr></table>',
    )
    expect(out).toContain('<th colspan="2" rowspan="1"><p>合并</p></th>')
    expect(out).toContain('<td colspan="1" rowspan="1"><p>1</p></td>')
    expect(out).not.toMatch(/colwidth|text-align|align=/)
  })
})

describe('(c) links', () => {
  it.each([
    'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'ftp://example.com/', 'tel:110', '/relative',
  ])('drops the link mark for href %j but keeps the text', href => {
    const e = editor()
    e.commands.setContent(`<p><a href="${href.replace(/"/g, '&quot;').replace(/</g, '&lt;')}">点我</a></p>`)
    expect(e.getHTML()).toBe('<p>点我</p>')
    expect(e.getJSON().content?.[0]?.content?.[0]?.marks).toBeUndefined()
  })

  it('setLink refuses a javascript: href and accepts https/mailto', () => {
    const e = editor('<p>文字</p>')
    e.commands.selectAll()
    expect(e.commands.setLink({ href: 'javascript:alert(1)' })).toBe(false)
    expect(e.getHTML()).toBe('<p>文字</p>')
    expect(e.commands.setLink({ href: 'mailto:editor@example.com' })).toBe(true)
    expect(e.getHTML()).toBe('<p><a target="_blank" rel="noopener noreferrer nofollow" href="mailto:editor@example.com">文字</a></p>')
  })

  it('isAllowedHref accepts only absolute http(s) and mailto', () => {
    expect(['https://a.cn', 'http://a.cn/x?y#z', 'HTTPS://A.CN', 'mailto:a@b.cn'].filter(isAllowedHref)).toHaveLength(4)
    expect(['', 'https://', 'javascript:x', '//a.cn', 'a.cn', 'mailto:', 'ftp://a.cn'].filter(isAllowedHref)).toEqual([])
  })
})
