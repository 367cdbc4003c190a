import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { onUnauthorized } from './api/client'
import { session } from './session'
import './console.css'

onUnauthorized(() => {
  session.user = null
  if (router.currentRoute.value.path !== '/login') {
    router.replace({ path: '/login', query: { next: router.currentRoute.value.fullPath } })
  }
})

createApp(App).use(router).mount('#app')
