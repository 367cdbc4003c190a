// ECharts, tree-shaken to what the reach dashboard draws: line and bar charts on a grid with a legend and
// tooltips, rendered as SVG (crisp on any screen, and nothing to rasterise).
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core'
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts'
import {
  GridComponent, LegendComponent, TooltipComponent,
  type GridComponentOption, type LegendComponentOption, type TooltipComponentOption,
} from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>
export type Chart = EChartsType

/** A chart drawn into `el` with the built-in Chinese wording (tooltips, "无数据"). */
export const createChart = (el: HTMLElement): Chart => init(el, undefined, { renderer: 'svg', locale: 'ZH' })
