// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { setDb } from '@/db/singleton'
import { createTemplate, publishDraft } from '@/db/repositories/templates-edit'
import { createAppI18n } from '@/app/i18n'
import { labelUrl } from '@/core/register/qr'
import ScanLandingView from '@/views/ScanLandingView.vue'
import { freshDb, template } from '../../db/helpers'

const stub = (text: string) => defineComponent({ render: () => h('p', text) })

async function publishedDb(ids: string[], floorOnly = false) {
  const db = freshDb()
  for (const id of ids) {
    await createTemplate(db, template(id, 1))
    expect((await publishDraft(db, id)).ok).toBe(true)
  }
  if (floorOnly) {
    await createTemplate(db, { ...template('floor', 1), subject: { fields: [{ id: 'building', label: '楼栋' }, { id: 'floor', label: '楼层' }] } })
    expect((await publishDraft(db, 'floor')).ok).toBe(true)
  }
  setDb(db)
}

/** Opens a label's address as a camera would: the path of the encoded URL. */
async function open(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/s/:subjectId', name: 'scan', component: ScanLandingView },
      { path: '/fill/new/:templateId/:version', name: 'fill-start', component: stub('start') },
      { path: '/fill', name: 'drafts', component: stub('drafts') },
    ],
  })
  await router.push(path)
  const wrapper = mount(RouterView, { global: { plugins: [createAppI18n('zh-CN'), router] } })
  return { wrapper, router }
}

const pathOf = (id: string) => new URL(labelUrl(id, 'https://qingdan.example.edu')).pathname

beforeEach(() => setActivePinia(createPinia()))

describe('ScanLandingView', () => {
  it('names the room and lists the checklists that take a room, each starting with the room chosen', async () => {
    await publishedDb(['dorm-a', 'dorm-b'], true)
    const { wrapper } = await open(pathOf('room:3号楼/301'))
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid=scan-templates] a')).toHaveLength(2))
    expect(wrapper.get('[data-testid=scan-subject]').text()).toBe('3号楼 301')
    expect(wrapper.findAll('[data-testid=scan-templates] a').map((a) => a.attributes('href'))).toEqual([
      '/fill/new/dorm-a/1?subject=room:3%E5%8F%B7%E6%A5%BC/301',
      '/fill/new/dorm-b/1?subject=room:3%E5%8F%B7%E6%A5%BC/301',
    ])
  })

  it('goes straight to the only checklist that takes a room', async () => {
    await publishedDb(['dorm'], true)
    const { router } = await open(pathOf('room:12号楼/1205'))
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('fill-start'))
    expect(router.currentRoute.value.params).toEqual({ templateId: 'dorm', version: '1' })
    expect(router.currentRoute.value.query).toEqual({ subject: 'room:12号楼/1205' })
  })

  it('refuses an address that names no room, and goes nowhere', async () => {
    await publishedDb(['dorm'])
    const { wrapper, router } = await open(`/s/${encodeURIComponent('javascript:alert(1)')}`)
    expect(wrapper.get('[data-testid=scan-invalid]').text()).toContain('不是本系统的房间标签')
    await new Promise((r) => setTimeout(r, 20))
    expect(router.currentRoute.value.name).toBe('scan')
  })
})
