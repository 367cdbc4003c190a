import { createRouter, createWebHistory } from 'vue-router'
import { basePath } from './api/client'
import { hasRole, loadSession } from './session'
import ConsoleLayout from './views/ConsoleLayout.vue'
import LoginView from './views/LoginView.vue'
import OverviewView from './views/OverviewView.vue'
import UsersView from './views/UsersView.vue'
import AuditView from './views/AuditView.vue'

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
