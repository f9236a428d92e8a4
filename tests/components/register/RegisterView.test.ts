// @vitest-environment happy-dom
// Issue #14: a room list imported from a file, previewed, saved; a bad file stores nothing.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { openDatabase, setDb, type QingdanDatabase } from '@/db'
import RegisterView from '@/views/RegisterView.vue'
import { mountFill } from '../fill/mountWith'

let db: QingdanDatabase
beforeEach(() => {
  setActivePinia(createPinia())
  db = openDatabase({ name: `register-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
})
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 20))
  db.close()
})

async function choose(page: VueWrapper, name: string, text: string): Promise<void> {
  const input = page.get('[data-testid=register-file]')
  Object.defineProperty(input.element, 'files', { value: [new File([text], name, { type: 'text/csv' })], configurable: true })
  await input.trigger('change')
}

describe('the register page', () => {
  it('previews a CSV room list, saves it on confirm, and lists the rooms by building and floor', async () => {
    const page = mountFill(RegisterView, { global: { plugins: [createPinia()] } })
    await choose(page, 'rooms.csv', '楼栋,楼层,房间号,辅导员\n3号楼,3,301,张老师\n3号楼,3,302,张老师\n5号楼,1,101,李老师\n')
    await vi.waitFor(() => expect(page.find('[data-testid=register-preview]').exists()).toBe(true))
    expect(page.get('[data-testid=register-preview]').text()).toContain('共 3 间房，分布在 2 栋楼。')
    expect(await db.register.count()).toBe(0)
    await page.get('[data-testid=register-confirm]').trigger('click')
    await vi.waitFor(() => expect(page.find('[data-testid=register-message]').exists()).toBe(true))
    expect(page.get('[data-testid=register-message]').text()).toBe('已导入：新增 3 间，更新 0 间，归档 0 间（名单中已没有的房间）。')
    await flushPromises()
    expect(page.findAll('[data-testid=register-building]').map((b) => b.find('h3').text())).toEqual(['3号楼', '5号楼'])
    expect(page.get('[data-testid=register-building]').text()).toContain('3 层')
  })

  it('names each problem of a bad file by row and stores nothing', async () => {
    const page = mountFill(RegisterView, { global: { plugins: [createPinia()] } })
    await choose(page, 'rooms.csv', '楼栋,房间号\n3号楼,301\n,302\n3号楼,301\n')
    await vi.waitFor(() => expect(page.find('[data-testid=register-issues]').exists()).toBe(true))
    const text = page.get('[data-testid=register-issues]').text()
    expect(text).toContain('第 3 行（A3）：缺少楼栋。')
    expect(text).toContain('第 4 行（B4）：3号楼 301 与第 2 行重复。')
    expect(page.find('[data-testid=register-preview]').exists()).toBe(false)
    expect(await db.register.count()).toBe(0)
  })

  it('imports a Party branch list when that kind is chosen, and lists the branches apart from rooms', async () => {
    const page = mountFill(RegisterView, { global: { plugins: [createPinia()] } })
    await page.get('[data-testid=register-kind-branch]').trigger('click')
    expect(page.text()).toContain('需有“支部名称”一列')
    await choose(page, 'branches.csv', '支部名称,书记\n第一党支部,王书记\n第二党支部,\n')
    await vi.waitFor(() => expect(page.find('[data-testid=register-preview]').exists()).toBe(true))
    expect(page.get('[data-testid=register-preview]').text()).toContain('共 2 个党支部。')
    await page.get('[data-testid=register-confirm]').trigger('click')
    await vi.waitFor(() => expect(page.find('[data-testid=register-message]').exists()).toBe(true))
    expect(page.get('[data-testid=register-message]').text()).toBe('已导入：新增 2 项，更新 0 项，归档 0 项（名单中已没有的）。')
    await flushPromises()
    expect(page.get('[data-testid=register-list-branch]').text()).toContain('第一党支部')
    expect(page.findAll('[data-testid=register-building]')).toHaveLength(0)
    expect((await db.register.toArray()).map((r) => `${r.kind}:${r.id}`)).toEqual(['branch:branch:第一党支部', 'branch:branch:第二党支部'])
  })
})
