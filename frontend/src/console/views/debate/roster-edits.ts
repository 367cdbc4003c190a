import { ref } from 'vue'
import { api } from '../../api/client'

export type RosterKind = 'schools' | 'teams' | 'judges' | 'venues'
const NOUNS: Record<RosterKind, string> = { schools: '学校', teams: '队伍', judges: '评委', venues: '场地' }

// One path shape serves all four lists; openapi-fetch types each literal path, so the kind's path is named as one.
const COLLECTION = '/api/console/debate/contests/{contestId}/schools' as const
const ITEM = '/api/console/debate/contests/{contestId}/schools/{id}' as const
const path = <P extends string>(template: P, kind: RosterKind) => template.replace('/schools', `/${kind}`) as P

/**
 * Adding, saving and deleting one kind of roster entry: the shared busy flag, the notice read out after a change,
 * the server's problem when it refuses, and a `changed` call so the page reloads the roster.
 */
export function useRosterEdits<Body extends { name: string }>(contestId: () => string, kind: RosterKind, changed: () => void) {
  const busy = ref(false)
  const problem = ref<unknown>(null)
  const notice = ref('')
  const noun = NOUNS[kind]

  function done(ok: boolean, error: unknown, message: string) {
    busy.value = false
    problem.value = ok ? null : error ?? {}
    notice.value = ok ? message : ''
    if (ok) changed()
    return ok
  }

  async function add(body: Body): Promise<boolean> {
    busy.value = true
    const { data, error } = await api.POST(path(COLLECTION, kind), { params: { path: { contestId: contestId() } }, body: body as never })
    return done(!!data, error, `已添加${noun}“${body.name}”`)
  }

  async function save(id: string, body: Body, message = `已保存${noun}“${body.name}”`): Promise<boolean> {
    busy.value = true
    const { data, error } = await api.PUT(path(ITEM, kind), { params: { path: { contestId: contestId(), id } }, body: body as never })
    return done(!!data, error, message)
  }

  async function remove(id: string, name: string, question = `确定删除${noun}“${name}”吗？`): Promise<boolean> {
    if (!window.confirm(question)) return false
    busy.value = true
    const { response, error } = await api.DELETE(path(ITEM, kind), { params: { path: { contestId: contestId(), id } } })
    return done(response.ok, error, `已删除${noun}“${name}”`)
  }

  return { busy, problem, notice, add, save, remove }
}
