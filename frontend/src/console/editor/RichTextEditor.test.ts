import { createApp, defineComponent, h, nextTick, ref, type App } from 'vue'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import RichTextEditor from './RichTextEditor.vue'

// ProseMirror measures the selection when scrolling it into view; jsdom has no layout.
beforeAll(() => {
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect
  Range.prototype.getBoundingClientRect = rect
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList
  document.elementFromPoint = () => null
})

let app: App | undefined
afterEach(() => {
  app?.unmount()
  app = undefined
  document.body.innerHTML = ''
})

// The Vue editor re-renders the toolbar two animation frames after a transaction.
const settle = async () => {
  await nextTick()
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  await nextTick()
}

async function mount(initial: string, uploadImage = vi.fn(async (_f: File) => ({ url: 'https://cdn.example/x.png' }))) {
  const model = ref(initial)
  const emitted: string[] = []
  const disabled = ref(false)
  const Host = defineComponent(() => () =>
    h(RichTextEditor, {
      modelValue: model.value,
      uploadImage,
      disabled: disabled.value,
      'onUpdate:modelValue': (v: string) => { emitted.push(v); model.value = v },
    }))
  const root = document.createElement('div')
  document.body.append(root)
  app = createApp(Host)
  app.mount(root)
  await settle()
  const button = (label: string) => root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)
  return { root, model, emitted, disabled, uploadImage, button }
}

describe('RichTextEditor', () => {
  it('renders an accessible editing area and toolbar', async () => {
    const { root, button } = await mount('<p>你好</p>')
    const area = root.querySelector('[data-testid="rte"] .rte-content')!
    expect(area.getAttribute('role')).toBe('textbox')
    expect(area.getAttribute('aria-multiline')).toBe('true')
    expect(area.getAttribute('aria-label')).toBe('正文')
    expect(area.innerHTML).toContain('你好')
    for (const label of ['正文', '标题2', '标题3', '标题4', '加粗', '斜体', '下划线', '删除线', '无序列表', '有序列表', '引用', '代码块', '分隔线', '链接', '图片', '表格', '撤销', '重做']) {
      expect(button(label), label).not.toBeNull()
      expect(button(label)!.type).toBe('button')
    }
    expect(button('加粗')!.getAttribute('aria-pressed')).toBe('false')
    expect(button('加行')).toBeNull()
  })

  it('emits HTML on edits and shows table actions inside a table', async () => {
    const { root, emitted, button } = await mount('<p>文字</p>')
    button('表格')!.click()
    await settle()
    expect(emitted.slice(-1)[0]).toMatch(/<table[^>]*>.*<th colspan="1" rowspan="1"><p><\/p><\/th>/)
    expect(emitted.slice(-1)[0]!.match(/<tr>/g)).toHaveLength(3)
    for (const label of ['加行', '删行', '加列', '删列', '删除表格']) expect(button(label), label).not.toBeNull()
    button('加行')!.click()
    await settle()
    expect(emitted.slice(-1)[0]!.match(/<tr>/g)).toHaveLength(4)
    button('删除表格')!.click()
    await settle()
    expect(emitted.slice(-1)[0]).not.toContain('<table')
    expect(root.querySelector('button[aria-label="加行"]')).toBeNull()
  })

  it('applies external value changes without emitting them back', async () => {
    const { root, model, emitted } = await mount('<p>旧</p>')
    model.value = '<h2>恢复的版本</h2>'
    await settle()
    expect(root.querySelector('.rte-content h2')?.textContent).toBe('恢复的版本')
    expect(emitted).toEqual([])
  })

  it('rejects a javascript: link in the inline form and accepts a bare domain as https', async () => {
    const { root, emitted, button } = await mount('<p>链接文字</p>')
    button('链接')!.click()
    await settle()
    const input = root.querySelector<HTMLInputElement>('form[aria-label="编辑链接"] input')!
    input.value = 'javascript:alert(1)'
    input.dispatchEvent(new Event('input'))
    root.querySelector<HTMLFormElement>('form[aria-label="编辑链接"]')!.requestSubmit()
    await settle()
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('http')
    expect(emitted.join('')).not.toContain('javascript')
    input.value = 'example.com'
    input.dispatchEvent(new Event('input'))
    root.querySelector<HTMLFormElement>('form[aria-label="编辑链接"]')!.requestSubmit()
    await settle()
    expect(emitted.slice(-1)[0]).toContain('href="https://example.com"')
  })

  it('uploads a picked image and inserts it with the alt text; shows an error on failure', async () => {
    const upload = vi.fn().mockRejectedValueOnce(new Error('文件过大')).mockResolvedValue({ url: 'https://cdn.example/p.png' })
    const { root, emitted } = await mount('<p>x</p>', upload)
    const file = new File(['x'], '会场照片.png', { type: 'image/png' })
    const fileInput = root.querySelector<HTMLInputElement>('input[type="file"]')!
    Object.defineProperty(fileInput, 'files', { value: [file], configurable: true })
    fileInput.dispatchEvent(new Event('change'))
    await settle()
    const form = root.querySelector<HTMLFormElement>('form[aria-label="插入图片"]')!
    expect(form.querySelector('input')!.value).toBe('会场照片')
    form.requestSubmit()
    await settle()
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('图片上传失败：文件过大，请重试')
    form.requestSubmit()
    await settle()
    expect(upload).toHaveBeenCalledTimes(2)
    expect(upload.mock.calls[0]![0]).toBe(file)
    expect(emitted.slice(-1)[0]).toContain('<img src="https://cdn.example/p.png" alt="会场照片">')
  })

  it('disables the toolbar and the editing area', async () => {
    const { root, disabled, button } = await mount('<p>x</p>')
    disabled.value = true
    await settle()
    expect(button('加粗')!.disabled).toBe(true)
    expect(root.querySelector('.rte-content')!.getAttribute('contenteditable')).toBe('false')
  })
})
