// @vitest-environment happy-dom
// Issue #14: with rooms in the register, a fill starts in three taps (building → floor → room),
// or straight from a room's label (?subject=); free text stays possible.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent, h } from 'vue'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { Template } from '@/core/format/types'
import { importBranches, importRooms } from '@/core/register'
import { installSamples, listResponses, openDatabase, setDb, type QingdanDatabase } from '@/db'
import { replaceRegister } from '@/db/repositories/register'
import FillStartView from '@/views/FillStartView.vue'
import { useRegisterStore } from '@/stores/register'
import dorm from '../../../schemas/samples/dorm-room-safety.json'
import redFlag from '../../../schemas/samples/red-flag-party-branch.json'
import { mountFill } from './mountWith'

const dormTemplate = dorm as unknown as Template
let db: QingdanDatabase
let router: Router

beforeEach(async () => {
  setActivePinia(createPinia())
  db = openDatabase({ name: `start-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  await installSamples(db, [dormTemplate])
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/fill/new/:templateId/:version', name: 'fill-start', component: FillStartView },
      { path: '/fill/:responseId', name: 'fill', component: { template: '<div />' } },
    ],
  })
})
afterEach(async () => {
  // Let the page's last reads settle before the database goes away.
  await new Promise((r) => setTimeout(r, 50))
  db.close()
})

async function withRooms(): Promise<void> {
  const rooms = importRooms([['楼栋', '房间号'], ['3号楼', '301'], ['3号楼', '302'], ['3号楼', '401'], ['5号楼', '101']], 'd')
  if (!rooms.ok) throw new Error('bad fixture')
  await replaceRegister(db, 'room', rooms.value.subjects)
}

async function open(path: string) {
  await router.push(path)
  const App = defineComponent({ render: () => h(RouterView) })
  const page = mountFill(App, { global: { plugins: [router] } })
  // The template, then the register (fake IndexedDB answers on later ticks).
  await vi.waitFor(() => expect(useRegisterStore().loaded).toBe(true))
  await flushPromises()
  return page
}

const startPath = `/fill/new/${dormTemplate.id}/${dormTemplate.version}`

describe('starting a fill from the register', () => {
  it('fills building, floor and room from three taps, and starts on that room', async () => {
    await withRooms()
    const page = await open(startPath)
    const tap = async (testid: string, text: string) => {
      const button = page.findAll(`[data-testid=${testid}]`).find((b) => b.text() === text)
      if (!button) throw new Error(`no ${testid} "${text}" in ${page.findAll(`[data-testid=${testid}]`).map((b) => b.text())}`)
      await button.trigger('click')
    }
    expect(page.findAll('[data-testid=pick-building]').map((b) => b.text())).toEqual(['3号楼', '5号楼'])
    await tap('pick-building', '3号楼')
    await tap('pick-floor', '3 层')
    expect(page.findAll('[data-testid=pick-room]').map((b) => b.text())).toEqual(['301', '302'])
    await tap('pick-room', '302')
    expect((page.get('#subject-building').element as HTMLInputElement).value).toBe('3号楼')
    expect((page.get('#subject-floor').element as HTMLInputElement).value).toBe('3')
    expect((page.get('#subject-room').element as HTMLInputElement).value).toBe('302')
    await page.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('fill'))
    const [row] = await listResponses(db)
    expect(row?.subject).toMatchObject({ building: '3号楼', floor: 3, room: '302' })
  })

  it('opens on the room a label names, and ignores a label for a room the register does not hold', async () => {
    await withRooms()
    const page = await open(`${startPath}?subject=${encodeURIComponent('room:5号楼/101')}`)
    expect((page.get('#subject-room').element as HTMLInputElement).value).toBe('101')
    expect((page.get('#subject-building').element as HTMLInputElement).value).toBe('5号楼')
    const other = await open(`${startPath}?subject=${encodeURIComponent('room:9号楼/999')}`)
    expect((other.get('#subject-room').element as HTMLInputElement).value).toBe('')
  })

  it('shows no picker without a register: the fields are typed as before', async () => {
    const page = await open(startPath)
    expect(page.find('[data-testid=room-picker]').exists()).toBe(false)
    expect(page.find('#subject-room').exists()).toBe(true)
  })

  it('stores the picked room id on the response, so plan coverage counts it; a room typed over is ad hoc', async () => {
    await withRooms()
    const page = await open(`${startPath}?subject=${encodeURIComponent('room:5号楼/101')}`)
    await page.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('fill'))
    expect((await listResponses(db))[0]?.subjectId).toBe('room:5号楼/101')
  })

  it('stores no room id when the picked room was typed over: an ad-hoc subject', async () => {
    await withRooms()
    const typed = await open(`${startPath}?subject=${encodeURIComponent('room:5号楼/101')}`)
    await typed.get('#subject-room').setValue('102')
    await typed.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('fill'))
    const [row] = await listResponses(db)
    expect(row?.subject.room).toBe('102')
    expect(row?.subjectId).toBeUndefined()
  })

  it('picks a Party branch from the register for a template that names one, and starts on it', async () => {
    await installSamples(db, [redFlag as unknown as Template])
    const branches = importBranches([['支部名称'], ['第一党支部'], ['第二党支部']], 'c')
    if (!branches.ok) throw new Error('bad fixture')
    await replaceRegister(db, 'branch', branches.value.subjects)
    const page = await open(`/fill/new/${redFlag.id}/${redFlag.version}`)
    expect(page.find('[data-testid=pick-building]').exists()).toBe(false)
    const options = page.findAll('[data-testid=register-pick] option').map((o) => o.text())
    expect(options[0]).toBe('不选，在下方直接填写')
    expect(options.slice(1).sort()).toEqual(['第一党支部', '第二党支部'].sort())
    await page.get('[data-testid=register-pick]').setValue('branch:第二党支部')
    expect((page.get('#subject-branch').element as HTMLInputElement).value).toBe('第二党支部')
    for (const input of page.findAll('input[id^=subject-]')) if ((input.element as HTMLInputElement).value === '') await input.setValue('2026')
    await page.get('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('fill'))
    const [row] = await listResponses(db)
    expect(row).toMatchObject({ subject: { branch: '第二党支部' }, subjectId: 'branch:第二党支部' })
  })
})
