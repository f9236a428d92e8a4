import { describe, expect, it } from 'vitest'
import { BlobReader, ZipReader } from '@zip.js/zip.js'
import { commitBundleImport, prepareBundleImport } from '@/io/bundle/import'
import { openTasksForSubmitted, getDeviceId, saveAnswer, getResponse, type QingdanDatabase } from '@/db'
import { backupStatus, markBackedUp } from '@/db/repositories/bundle-export'
import { listAnswerHistory } from '@/db/repositories/bundle-import'
import { device, exportBlob, fillRoom, snapshot } from './bundle-builders'

async function importInto(db: QingdanDatabase, bundle: Blob) {
  const prepared = await prepareBundleImport(db, bundle)
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues))
  const done = await commitBundleImport(db, prepared.value)
  if (!done.ok) throw new Error(JSON.stringify(done.issues))
  return done.value
}

describe('bundle round trip', () => {
  it('writes a zip with a manifest listing a checksum for every other entry', async () => {
    const a = await device()
    await fillRoom(a, '101', { q1: 'ok' }, { photo: true, submit: true })
    const reader = new ZipReader(new BlobReader(await exportBlob(a)))
    const names = (await reader.getEntries()).map((e) => e.filename).sort()
    await reader.close()
    expect(names.filter((n) => !n.startsWith('attachments/'))).toEqual(['attachments.json', 'manifest.json', 'responses.jsonl', 'tasks.json', 'templates.json'])
    expect(names.filter((n) => n.startsWith('attachments/'))).toHaveLength(1)
  })

  it('moves responses, answers, photos and tasks to another device, scored again from the template', async () => {
    const a = await device()
    const id = await fillRoom(a, '101', { q1: 'bad', q2: 'ok' }, { photo: true, submit: true })
    await openTasksForSubmitted(a, id)
    const b = await device()
    const plan = await importInto(b, await exportBlob(a))
    expect(plan.summary.responses.new).toBe(1)
    const stored = await getResponse(b, id)
    expect(stored?.row).toMatchObject({ status: 'submitted', total: 2, deviceId: await getDeviceId(a), subjectTerms: ['building=3号楼', 'room=101'] })
    expect(stored?.response.answers).toEqual((await getResponse(a, id))?.response.answers)
    const photo = (await b.attachments.toArray())[0]
    expect((await photo?.blob.text())?.endsWith('jpeg of 101')).toBe(true)
    expect(await b.tasks.count()).toBe(1)
    expect(await b.summaries.count()).toBe(1)
  })

  it('changes nothing when the same bundle is imported twice', async () => {
    const a = await device()
    await fillRoom(a, '101', { q1: 'ok' }, { photo: true, submit: true })
    await fillRoom(a, '102', { q1: 'bad' })
    const bundle = await exportBlob(a)
    const b = await device()
    await importInto(b, bundle)
    const before = await snapshot(b)
    const again = await importInto(b, bundle)
    expect(again.summary.total.new + again.summary.total.updated + again.summary.total.conflicts).toBe(0)
    expect(await snapshot(b)).toEqual(before)
  })

  it('resolves a room edited on two tablets by the newer answer and keeps the other in its history', async () => {
    const a = await device()
    const id = await fillRoom(a, '201', { q1: 'ok', q2: 'ok' })
    const b = await device()
    await importInto(b, await exportBlob(a))
    await saveAnswer(a, id, 'q1', { value: 'bad' }) // earlier edit on A
    await new Promise((r) => setTimeout(r, 5))
    await saveAnswer(b, id, 'q1', { value: 'ok', note: '已整改' }) // later edit on B
    const c = await device()
    await importInto(c, await exportBlob(a))
    const plan = await importInto(c, await exportBlob(b))
    expect(plan.summary.answers.conflicts).toBe(1)
    const merged = await getResponse(c, id)
    expect(merged?.response.answers.q1).toMatchObject({ value: 'ok', note: '已整改' })
    const history = await listAnswerHistory(c, id)
    expect(history.map((h) => h.answer.value)).toEqual(['bad'])
  })

  it('exports only the rooms of one building when asked', async () => {
    const a = await device()
    await fillRoom(a, '101', { q1: 'ok' }, { building: '3号楼' })
    await fillRoom(a, '501', { q1: 'ok' }, { building: '5号楼' })
    const b = await device()
    await importInto(b, await exportBlob(a, { filter: { subjectTerm: 'building=5号楼' } }))
    expect((await b.responses.toArray()).map((r) => r.subject.room)).toEqual(['501'])
  })

  it('counts the responses changed since the last backup for the home reminder', async () => {
    const a = await device()
    await fillRoom(a, '101', { q1: 'ok' })
    expect(await backupStatus(a)).toEqual({ notBackedUp: 1 })
    await markBackedUp(a, new Date().toISOString())
    await new Promise((r) => setTimeout(r, 5))
    await fillRoom(a, '102', { q1: 'ok' })
    expect((await backupStatus(a)).notBackedUp).toBe(1)
  })
})
