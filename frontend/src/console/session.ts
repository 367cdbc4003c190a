import { reactive } from 'vue'
import { api, type CurrentUser, type Role } from './api/client'

export const session = reactive<{ user: CurrentUser | null; checked: boolean }>({ user: null, checked: false })

export async function loadSession(): Promise<CurrentUser | null> {
  if (!session.checked) {
    try {
      const { data } = await api.GET('/api/console/auth/me')
      session.user = data ?? null
      session.checked = true
    } catch {
      // Network failure: show the login page rather than a blank screen; ask again next navigation.
      session.user = null
    }
  }
  return session.user
}

export function hasRole(role: Role): boolean {
  return session.user?.roles.includes(role) ?? false
}

export async function logout(): Promise<void> {
  await api.POST('/api/console/auth/logout')
  session.user = null
}
