// @vitest-environment happy-dom
// Issue #14: people imported from a sheet on the admin page — checked, previewed, sent once; the
// passwords the server made are shown once; a bad sheet sends nothing.
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { UserImportRow, UsersImportResult } from '@/core/sync/protocol'
import AdminPeopleImport from '@/components/sync/AdminPeopleImport.vue'
import { mountPage } from './mountSync'

async function choose(page: VueWrapper, text: string): Promise<void> {
  const input = page.get('[data-testid=people-file]')
  Object.defineProperty(input.element, 'files', { value: [new File([text], 'people.csv', { type: 'text/csv' })], configurable: true })
  await input.trigger('change')
}

describe('importing people on the admin page', () => {
  it('previews the sheet, sends its rows once, and shows the passwords the server made', async () => {
    const importUsers = vi.fn(async (_rows: UserImportRow[]): Promise<UsersImportResult> => ({ created: [{ username: 'zhang', password: 'Xk4-made-once' }, { username: 'li', }], granted: ['wang'] }))
    const page = await mountPage(AdminPeopleImport, { props: { busy: false, importUsers } })
    await choose(page, '用户名,姓名,角色,范围,初始密码\nzhang,张老师,检查员,3号楼3层,\nli,李老师,检查员,5号楼1层,li-password-1\nwang,王主任,查看者,学工部,\n')
    await vi.waitFor(() => expect(page.find('[data-testid=people-confirm]').exists()).toBe(true))
    expect(page.text()).toContain('3 人，3 项授权。')
    await page.get('[data-testid=people-confirm]').trigger('click')
    await flushPromises()
    expect(importUsers).toHaveBeenCalledTimes(1)
    expect(importUsers.mock.calls[0]![0].map((r) => `${r.username}:${r.role}@${r.scope}`)).toEqual(['zhang:inspector@3号楼3层', 'li:inspector@5号楼1层', 'wang:viewer@学工部'])
    const result = page.get('[data-testid=people-result]').text()
    expect(result).toContain('已新建 2 个账号，1 个已有账号获得授权。')
    expect(result).toContain('Xk4-made-once')
    expect(page.findAll('[data-testid=people-result] tbody tr')).toHaveLength(1)
    page.unmount()
  })

  it('names the bad cells and sends nothing', async () => {
    const importUsers = vi.fn()
    const page = await mountPage(AdminPeopleImport, { props: { busy: false, importUsers } })
    await choose(page, '用户名,姓名,角色,范围\nzhang,张老师,校长,3号楼\n')
    await vi.waitFor(() => expect(page.find('[data-testid=people-issues]').exists()).toBe(true))
    expect(page.get('[data-testid=people-issues]').text()).toContain('第 2 行（C2）：不认识角色“校长”')
    expect(page.find('[data-testid=people-confirm]').exists()).toBe(false)
    expect(importUsers).not.toHaveBeenCalled()
    page.unmount()
  })
})
