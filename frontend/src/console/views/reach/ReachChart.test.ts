import { createApp, h, nextTick, ref } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'

const echarts = vi.hoisted(() => ({
  init: vi.fn(),
  chart: { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() },
}))
vi.mock('echarts/core', () => ({ use: () => {}, init: (...args: unknown[]) => { echarts.init(...args); return echarts.chart } }))
import ReachChart from './ReachChart.vue'
import type { ChartOption } from './echarts'

class FakeObserver {
  static made: FakeObserver[] = []
  observed: Element[] = []
  disconnected = false
  constructor(readonly callback: () => void) { FakeObserver.made.push(this) }
  observe(el: Element) { this.observed.push(el) }
  disconnect() { this.disconnected = true }
}

afterEach(() => {
  document.body.innerHTML = ''
  vi.clearAllMocks()
  vi.unstubAllGlobals()
  FakeObserver.made = []
})

function mount(option = ref<ChartOption>({ series: [{ type: 'line', data: [1, 2] }] })) {
  const el = document.createElement('div')
  document.body.append(el)
  const app = createApp({ render: () => h(ReachChart, { option: option.value, label: '各渠道传播趋势折线图，数据见下表', height: 280 }) })
  app.mount(el)
  return { app, option, box: el.firstElementChild as HTMLElement }
}

describe('reach chart', () => {
  it('draws as SVG into an image named for screen readers, follows its box and lets go when removed', async () => {
    vi.stubGlobal('ResizeObserver', FakeObserver)
    const { app, option, box } = mount()
    expect(box.getAttribute('role')).toBe('img')
    expect(box.getAttribute('aria-label')).toBe('各渠道传播趋势折线图，数据见下表')
    expect(box.style.height).toBe('280px')
    expect(echarts.init).toHaveBeenCalledWith(box, undefined, { renderer: 'svg', locale: 'ZH' })
    expect(echarts.chart.setOption).toHaveBeenCalledWith(option.value)

    expect(FakeObserver.made[0].observed).toEqual([box])
    FakeObserver.made[0].callback()
    expect(echarts.chart.resize).toHaveBeenCalledTimes(1)

    const next: ChartOption = { series: [{ type: 'bar', data: [3] }] }
    option.value = next
    await nextTick()
    expect(echarts.chart.setOption).toHaveBeenLastCalledWith(next, { notMerge: true })

    app.unmount()
    expect(FakeObserver.made[0].disconnected).toBe(true)
    expect(echarts.chart.dispose).toHaveBeenCalledTimes(1)
  })

  it('follows the window where ResizeObserver is missing', () => {
    vi.stubGlobal('ResizeObserver', undefined)
    const { app } = mount()
    window.dispatchEvent(new Event('resize'))
    expect(echarts.chart.resize).toHaveBeenCalledTimes(1)
    app.unmount()
    window.dispatchEvent(new Event('resize'))
    expect(echarts.chart.resize).toHaveBeenCalledTimes(1)
  })
})
