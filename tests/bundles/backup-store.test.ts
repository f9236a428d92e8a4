// The backup store without mounting: review shows a summary and writes nothing; commit writes once.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setDb } from '@/db'
import { exportFilter, useBackupStore, type ExportForm } from '@/stores/backup'
import { writeFaults } from '../db/helpers'
import { device, exportBlob, fillRoom } from './bundle-builders'

beforeEach(() => setActivePinia(createPinia()))

describe('useBackupStore', () => {
  it('reviews a bundle without writing, then commits it and refreshes the backup status', async () => {
    const a = await device()
    await fillRoom(a, '101', { q1: 'ok' }, { submit: true })
    const bundle = await exportBlob(a)
    const b = await device()
    setDb(b)
    const store = useBackupStore()
    expect(await store.review(bundle)).toBe(true)
    expect(store.phase).toBe('review')
    expect(store.plan?.summary.responses.new).toBe(1)
    expect(await b.responses.count()).toBe(0)
    expect(await store.commit()).toBe(true)
    expect(store.phase).toBe('done')
    expect(await b.responses.count()).toBe(1)
    expect(store.status.notBackedUp).toBe(1)
    expect(store.reminder).toBe('never')
  })

  it('shows the problems of a bad bundle and stays idle', async () => {
    setDb(await device())
    const store = useBackupStore()
    expect(await store.review(new Blob(['not a zip']))).toBe(false)
    expect(store.phase).toBe('idle')
    expect(store.issues.map((i) => i.code)).toEqual(['bundle.notZip'])
  })

  it('cancelling a review forgets its plan', async () => {
    const a = await device()
    await fillRoom(a, '101', { q1: 'ok' })
    const b = await device()
    setDb(b)
    const store = useBackupStore()
    await store.review(await exportBlob(a))
    await store.cancel()
    expect(store.plan).toBeNull()
    expect(await store.commit()).toBe(false)
    expect(await b.responses.count()).toBe(0)
  })

  it('says the storage is full when the import fails for want of space, and writes nothing', async () => {
    const a = await device()
    await fillRoom(a, '101', { q1: 'ok' }, { submit: true, photo: true })
    const bundle = await exportBlob(a)
    let faults: ReturnType<typeof writeFaults> | undefined
    const b = await device((d) => (faults = writeFaults(d)))
    setDb(b)
    const store = useBackupStore()
    expect(await store.review(bundle)).toBe(true)
    faults?.fail('attachments')
    expect(await store.commit()).toBe(false)
    expect(store.storageFull).toBe(true)
    expect(store.error).toBeTruthy()
    expect(store.phase).toBe('idle')
    expect(await b.responses.count()).toBe(0)
  })

  it('does not call every storage failure a full disk, and still shows it', async () => {
    const a = await device()
    await fillRoom(a, '101', { q1: 'ok' }, { submit: true })
    let faults: ReturnType<typeof writeFaults> | undefined
    const b = await device((d) => (faults = writeFaults(d)))
    setDb(b)
    const store = useBackupStore()
    expect(await store.review(await exportBlob(a))).toBe(true)
    faults?.fail('responses', 'UnknownError')
    expect(await store.commit()).toBe(false)
    expect(store.storageFull).toBe(false)
    expect(store.error).toBeTruthy()
  })
})

describe('exportFilter', () => {
  const blank: ExportForm = { templateId: '', from: '', to: '', building: '' }
  const cases = [
    { name: 'an empty form is a full backup', form: blank, expected: {} },
    { name: 'a template and a period', form: { ...blank, templateId: 'dorm', from: '2026-11-01', to: '2026-11-30' }, expected: { templateId: 'dorm', from: '2026-11-01', to: '2026-11-30' } },
    { name: 'a building becomes its subject term, trimmed', form: { ...blank, building: ' 3号楼 ' }, expected: { subjectTerm: 'building=3号楼' } },
    { name: 'a blank building is no filter', form: { ...blank, building: '   ' }, expected: {} },
  ]
  it.each(cases)('$name', ({ form, expected }) => {
    expect(exportFilter(form)).toEqual(expected)
  })
})
