// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RegisterSubject } from '@/core/register/types'
import { labelSubjects, LABELS_STORAGE_KEY, storeLabelSubjects } from '@/components/register/label-source'
import QrLabelsView from '@/views/QrLabelsView.vue'
import { mountFill } from '../fill/mountWith'

const room = (n: string): RegisterSubject => ({ id: `room:3号楼/${n}`, kind: 'room', scopeId: 'floor:3号楼/3', fields: { building: '3号楼', floor: '3', room: n }, label: `3号楼 ${n}` })

/** Session storage as a plain map, so each test starts empty. */
function memoryStorage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries))
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) }
}

afterEach(() => {
  sessionStorage.clear()
  history.replaceState(null, '')
})

describe('the rooms handed to the label page', () => {
  it('come from history state first, then session storage, checked either way', async () => {
    const storage = memoryStorage({ [LABELS_STORAGE_KEY]: JSON.stringify([room('302')]) })
    expect(await labelSubjects({ state: { labels: [room('301')] }, storage })).toMatchObject({ ok: true, value: [room('301')] })
    expect(await labelSubjects({ state: null, storage })).toMatchObject({ ok: true, value: [room('302')] })
    expect(await labelSubjects({ state: { labels: [{ ...room('301'), id: 'javascript:1' }] }, storage })).toMatchObject({ ok: false })
    expect(await labelSubjects({ state: null, storage: memoryStorage({ [LABELS_STORAGE_KEY]: '{not json' }) })).toMatchObject({ ok: false })
    expect(await labelSubjects({ state: null, storage: memoryStorage() })).toEqual({ ok: true, value: [], warnings: [] })
  })

  it('survive a round trip through session storage', async () => {
    const storage = memoryStorage()
    storeLabelSubjects([room('301'), room('302')], storage)
    expect(await labelSubjects({ state: {}, storage })).toMatchObject({ ok: true, value: [room('301'), room('302')] })
  })
})

describe('QrLabelsView', () => {
  it('prints the rooms left in session storage, with how many labels and pages', async () => {
    storeLabelSubjects(Array.from({ length: 30 }, (_, i) => room(String(301 + i))))
    const w = mountFill(QrLabelsView)
    await vi.waitFor(() => expect(w.findAll('svg.code')).toHaveLength(30), { timeout: 5000 })
    expect(w.text()).toContain('共 30 张标签，2 页')
    w.unmount()
  })

  it('prints nothing from a tampered list, and says which entry is wrong', async () => {
    sessionStorage.setItem(LABELS_STORAGE_KEY, JSON.stringify([room('301'), { ...room('302'), kind: 'teacher' }]))
    const w = mountFill(QrLabelsView)
    await vi.waitFor(() => expect(w.find('[role=alert]').exists()).toBe(true))
    expect(w.get('[role=alert]').text()).toContain('第 2 项不是有效的房间')
    expect(w.findAll('[data-testid=label]')).toHaveLength(0)
  })

  it('says how to get rooms here when none were handed over', async () => {
    const w = mountFill(QrLabelsView)
    await vi.waitFor(() => expect(w.text()).toContain('没有要打印的房间'))
  })
})
