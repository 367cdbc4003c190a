import { reactive } from 'vue'
import { api, type CurrentUser, type Role } from './api/client'

export const session = reactive<{ user: CurrentUser | null; checked: boolean }>({ user: null, checked: false })

export async function loadSession(): Promise<CurrentUser | null> {
  if (!session.checked) {
    const { data } = await api.GET('/api/console/auth/me')
    session.user = data ?? null
    session.checked = true
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
