import { createRouter, createWebHistory } from 'vue-router'
import { basePath } from './api/client'
import { hasRole, loadSession } from './session'
import ConsoleLayout from './views/ConsoleLayout.vue'
import LoginView from './views/LoginView.vue'
import OverviewView from './views/OverviewView.vue'
import UsersView from './views/UsersView.vue'
import AuditView from './views/AuditView.vue'
import ContentListView from './views/content/ContentListView.vue'
import ReviewQueueView from './views/content/ReviewQueueView.vue'
import CalendarView from './views/content/CalendarView.vue'
import TopicsView from './views/content/TopicsView.vue'

export const router = createRouter({
  history: createWebHistory(`${basePath()}/console/`),
  routes: [
    { path: '/login', component: LoginView, meta: { title: '登录', public: true } },
    {
      path: '/',
      component: ConsoleLayout,
      children: [
        { path: '', component: OverviewView, meta: { title: '概览' } },
        { path: 'users', component: UsersView, meta: { title: '用户', role: 'ADMIN' } },
        { path: 'audit', component: AuditView, meta: { title: '审计日志', role: 'ADMIN' } },
        { path: 'contents', component: ContentListView, meta: { title: '内容' } },
        // The editor (and TipTap with it) loads only when someone opens it. "new" creates; ?kind= picks the kind.
        { path: 'contents/:id', component: () => import('./views/content/ContentEditView.vue'), meta: { title: '编辑内容' } },
        { path: 'contents/:id/history', component: () => import('./views/content/RevisionsView.vue'), meta: { title: '历史版本' } },
        { path: 'review', component: ReviewQueueView, meta: { title: '审核队列' } },
        { path: 'calendar', component: CalendarView, meta: { title: '发布日历' } },
        { path: 'topics', component: TopicsView, meta: { title: '专题' } },
        // Lazy like the editor: the upload client loads only where uploads happen.
        { path: 'media', component: () => import('./views/media/MediaLibrary.vue'), meta: { title: '媒体' } },
        { path: 'media/:id', component: () => import('./views/media/MediaDetail.vue'), meta: { title: '媒体详情' } },
        // Cross-posting to Bilibili and WeChat.
        { path: 'publishing', component: () => import('./views/publishing/PublishingOverview.vue'), meta: { title: '发布概况' } },
        { path: 'publishing/calendar', component: () => import('./views/publishing/PublishingCalendar.vue'), meta: { title: '渠道发布日历' } },
        { path: 'publishing/queue', component: () => import('./views/publishing/QueueView.vue'), meta: { title: '发布队列' } },
        // "new" creates (?contentId=&channel=); otherwise the post's id.
        { path: 'publishing/posts/:id', component: () => import('./views/publishing/PostPage.vue'), meta: { title: '渠道发布' } },
        { path: 'publishing/bulk', component: () => import('./views/publishing/BulkView.vue'), meta: { title: '批量排期' } },
        { path: 'publishing/accounts', component: () => import('./views/publishing/AccountsView.vue'), meta: { title: '渠道账号' } },
        // The high-school legal debate contest. The ballot page is opened on a phone at the venue.
        { path: 'debate', component: () => import('./views/debate/ContestsView.vue'), meta: { title: '辩论赛' } },
        { path: 'debate/matches/:matchId/ballot', component: () => import('./views/debate/BallotEntry.vue'), meta: { title: '录入评分表' } },
        {
          path: 'debate/:id',
          component: () => import('./views/debate/ContestArea.vue'),
          children: [
            { path: '', redirect: (to) => `/debate/${String(to.params.id)}/settings` },
            { path: 'settings', component: () => import('./views/debate/ContestSettings.vue'), meta: { title: '辩论赛设置' } },
            { path: 'roster', component: () => import('./views/debate/RosterView.vue'), meta: { title: '参赛名单' } },
            { path: 'rounds', component: () => import('./views/debate/RoundsView.vue'), meta: { title: '轮次与对阵' } },
            { path: 'entry', component: () => import('./views/debate/MatchFinder.vue'), meta: { title: '成绩录入' } },
            { path: 'standings', component: () => import('./views/debate/StandingsView.vue'), meta: { title: '排名' } },
            { path: 'bracket', component: () => import('./views/debate/BracketView.vue'), meta: { title: '淘汰赛' } },
          ],
        },
        // Neighbourhood legal micro-landscapes: a public page, QR code and poster for each. "new" creates.
        { path: 'landscape', component: () => import('./views/landscape/SiteList.vue'), meta: { title: '微景观' } },
        { path: 'landscape/import', component: () => import('./views/landscape/ImportView.vue'), meta: { title: '批量导入微景观' } },
        { path: 'landscape/catalog', component: () => import('./views/landscape/CatalogView.vue'), meta: { title: '街道与类别' } },
        { path: 'landscape/:id', component: () => import('./views/landscape/SiteEditor.vue'), meta: { title: '编辑微景观' } },
        // Reach figures and the monthly/yearly reports; ECharts loads only with this page.
        { path: 'reach', component: () => import('./views/reach/ReachView.vue'), meta: { title: '传播数据' } },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  const user = await loadSession()
  if (to.meta.public) return user && to.path === '/login' ? '/' : true
  if (!user) return { path: '/login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  if (to.meta.role && !hasRole(to.meta.role as 'ADMIN')) return '/'
  return true
})

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} - 法声昂"杨" 编辑后台`
})
