// @vitest-environment happy-dom
// Issue #14: a checked room list sent to the team server under a department; the server's answer
// or refusal is shown, and a sync is asked for so the rooms come back through the pull.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { API, type RegisterImportRequest } from '@/core/sync/protocol'
import type { Scope } from '@/core/access'
import { useAccountStore } from '@/stores/account'
import { useSyncStore } from '@/stores/sync'
import RegisterUpload from '@/components/register/RegisterUpload.vue'
import { fakeFetch, issue, session, signedInBefore } from '../../stores/sync-helpers'
import { freshPinia, mountPage } from '../sync/mountSync'

const scopes: Scope[] = [
  { id: 'college', parentId: null, kind: 'college', name: '职业学院' },
  { id: 'xgb', parentId: 'college', kind: 'department', name: '学工部' },
]
const grid = [
  ['楼栋', '房间号', '辅导员'],
  ['3号楼', '301', '张老师'],
  ['3号楼', '402', '李老师'],
]

beforeEach(() => {
  localStorage.clear()
  signedInBefore(session({ user: { id: 'u-admin', username: 'admin', displayName: '管理员', role: 'admin' } }))
})

async function mountWith(put: (init: RequestInit) => { status?: number; body?: unknown }) {
  const pinia = freshPinia()
  useAccountStore().configure({ fetch: fakeFetch({ [`GET ${API.scopes}`]: () => ({ body: scopes }), [`PUT ${API.register}`]: put }) })
  const sync = useSyncStore()
  const syncNow = vi.fn(async () => null)
  sync.syncNow = syncNow
  const page = await mountPage(RegisterUpload, { pinia, props: { kind: 'room', grid } })
  await flushPromises()
  return { page, syncNow }
}

describe('importing rooms to the server', () => {
  it('sends the rooms with their building and floor scopes under the chosen department, then syncs', async () => {
    let sent: RegisterImportRequest | undefined
    const { page, syncNow } = await mountWith((init) => {
      sent = JSON.parse(String(init.body)) as RegisterImportRequest
      return { body: { scopesCreated: 3, subjectsCreated: 2, subjectsUpdated: 0 } }
    })
    // The only department is chosen already.
    expect((page.get('[data-testid=register-upload-parent]').element as HTMLSelectElement).value).toBe('xgb')
    await page.get('[data-testid=register-upload-confirm]').trigger('click')
    await flushPromises()
    expect(sent?.parentScopeId).toBe('xgb')
    expect(sent?.scopes.map((s) => `${s.id}<${s.parentId}`)).toEqual(['building:3号楼<xgb', 'floor:3号楼/3<building:3号楼', 'floor:3号楼/4<building:3号楼'])
    expect(sent?.subjects.map((s) => `${s.id}@${s.scopeId}`)).toEqual(['room:3号楼/301@floor:3号楼/3', 'room:3号楼/402@floor:3号楼/4'])
    expect(page.get('[data-testid=register-upload-done]').text()).toContain('新增 2 项')
    expect(syncNow).toHaveBeenCalledTimes(1)
    page.unmount()
  })

  it('shows the server’s refusal and does not sync', async () => {
    const { page, syncNow } = await mountWith(() => ({ status: 403, body: { error: issue('你不能管理这个范围。', 'You cannot manage this scope.') } }))
    await page.get('[data-testid=register-upload-confirm]').trigger('click')
    await flushPromises()
    expect(page.get('[role=alert]').text()).toContain('服务器未导入：你不能管理这个范围。')
    expect(syncNow).not.toHaveBeenCalled()
    page.unmount()
  })
})
