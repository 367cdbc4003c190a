import type { ReachFigures, ReportView } from './model'

export { flush, json, mountAt } from '../publishing/test-fakes'
export { labelled, named, type } from '../debate/test-fakes'

const days = ['2025-03-01', '2025-03-02', '2025-03-03']

/** 本月 up to 3 March 2025: a little of everything; change what the test needs. */
export const fakeFigures = (more: Partial<ReachFigures> = {}): ReachFigures => ({
  from: '2025-03-01', to: '2025-03-03', title: '本月', days,
  totals: { columnViews: 12345, plays: 880, completed: 420, bilibiliViews: 5600, wechatReads: 2300, interactions: 310,
    contestViews: 150, siteViews: 90, qrScans: 64 },
  channels: [
    { key: 'column', label: '法声昂“杨”栏目', values: [4000, 4345, 4000], total: 12345 },
    { key: 'bilibili', label: '哔哩哔哩', values: [1600, 2000, 2000], total: 5600 },
    { key: 'wechat', label: '微信公众号', values: [800, 700, 800], total: 2300 },
  ],
  byTopic: [
    { name: '宪法宣传周', column: 6000, bilibili: 3000, wechat: 1000, total: 10000 },
    { name: '未归入专题', column: 2000, bilibili: 1000, wechat: 500, total: 3500 },
  ],
  byKind: [
    { name: '微视频', column: 7000, bilibili: 5600, wechat: 300, total: 12900 },
    { name: '文章', column: 5345, bilibili: 0, wechat: 2000, total: 7345 },
  ],
  top: [
    { id: 'c1', title: '防范养老诈骗', kind: '微视频', path: '/column/fangfan-yanglao', column: 3000, plays: 500, bilibili: 4000,
      wechat: 200, likes: 120, shares: 30, comments: 12, total: 7200 },
    { id: 'c2', title: '民法典里的邻里关系', kind: '文章', path: '/column/minfadian-linli', column: 2500, plays: 0, bilibili: 0,
      wechat: 1500, likes: 40, shares: 9, comments: 3, total: 4000 },
  ],
  completion: [
    { id: 'c1', title: '防范养老诈骗', kind: '微视频', plays: 500, p25: 450, p50: 400, p75: 350, p100: 300, completionRate: 60 },
    { id: 'c3', title: '反电诈动画', kind: '微动画', plays: 380, p25: 300, p50: 250, p75: 160, p100: 120, completionRate: 31.6 },
  ],
  contests: [{ key: 'k1', label: '杨浦区高中生法治辩论赛', values: [50, 60, 40], total: 150 }],
  sites: [
    { id: 's1', name: '控江公园宪法角', street: '控江路街道', path: '/landscape/kongjiang-xianfa', views: 70, scans: 50 },
    { id: 's2', name: '殷行民法典长廊', street: '殷行街道', path: '/landscape/yinhang', views: 20, scans: 14 },
  ],
  ...more,
})

/** A March 2025 monthly report made by 周编辑. */
export const fakeReport = (more: Partial<ReportView> = {}): ReportView => ({
  id: 'r1', period: 'MONTH', periodLabel: '月报', title: '2025年3月法治宣传传播力月报', from: '2025-03-01', to: '2025-03-31',
  files: [
    { format: 'xlsx', name: '上海市杨浦区司法局-2025年3月法治宣传传播力月报.xlsx', size: 12000, url: '/api/console/reach/reports/r1/xlsx' },
    { format: 'pdf', name: '上海市杨浦区司法局-2025年3月法治宣传传播力月报.pdf', size: 80000, url: '/api/console/reach/reports/r1/pdf' },
  ],
  createdByName: '周编辑', createdAt: '2025-04-01T01:05:00Z', ...more,
})
