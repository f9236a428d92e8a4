/**
 * Data written before sync (schema v4, no clocks) reaches the server: an old draft edited after
 * the upgrade is announced before its new answer, and the first sync sends the rest, once.
 */
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openDatabase, saveAnswer } from '@/db'
import { legacyHlc } from '@/core/sync/hlc'
import { versionRecord } from '@/core/templates/version'
import { runSync } from '@/sync/engine'
import { pendingCount } from '@/db/repositories/sync'
import { v1Stores, v2Stores, v3Stores, v4Stores } from '@/db/schema'
import { fake } from '../db/helpers'
import { FakeServer } from './support/fake-server'
import { dorm } from './support/devices'

const T = '2025-06-01T08:00:00.000Z'
const header = (id: string, status: 'draft' | 'submitted') => ({
  id, templateId: 'dorm', templateVersion: 1, templateTitle: 'dorm v1', role: 'self', subject: { room: id }, status,
  inspector: '王老师', startedAt: T, updatedAt: T, ...(status === 'submitted' && { submittedAt: T }), subjectTerms: [`room=${id}`], deviceId: 'old',
})

async function v4Database(): Promise<string> {
  const name = `legacy-${crypto.randomUUID()}`
  const v4 = new Dexie(name, fake)
  v4.version(1).stores(v1Stores)
  v4.version(2).stores(v2Stores)
  v4.version(3).stores(v3Stores)
  v4.version(4).stores(v4Stores)
  await v4.open()
  await v4.table('templates').bulkAdd([
    { id: 'dorm', title: 'Dorm', status: 'published', latestVersion: 1, source: 'user', createdAt: T, updatedAt: T },
    { id: 'sample', title: 'Sample', status: 'published', latestVersion: 1, source: 'sample', createdAt: T, updatedAt: T },
  ])
  await v4.table('templateVersions').add(versionRecord(dorm, T))
  await v4.table('responses').bulkAdd([header('201', 'draft'), header('202', 'submitted')])
  await v4.table('answers').bulkAdd([
    { responseId: '201', itemId: 'q1', answer: { value: 'ok', updatedAt: T } },
    { responseId: '202', itemId: 'q1', answer: { value: 'bad', updatedAt: T } },
  ])
  await v4.table('attachments').add({ id: 'p1', responseId: '202', itemId: 'q1', name: 'p.jpg', type: 'image/jpeg', size: 3, blob: new Blob(['old']), createdAt: T })
  v4.close()
  return name
}

describe('data written before sync', () => {
  it('announces an old draft before the first new answer to it', async () => {
    const db = openDatabase({ name: await v4Database(), ...fake })
    await saveAnswer(db, '201', 'q2', { value: 'bad' })
    const outbox = await db.outbox.toArray()
    expect(outbox.map((m) => [m.kind, m.kind === 'answer' ? m.itemId : ''])).toEqual([
      ['response', ''],
      ['answer', 'q1'],
      ['answer', 'q2'],
    ])
    expect(outbox[0]).toMatchObject({ response: { id: '201', hlc: legacyHlc(T) } })
    await saveAnswer(db, '201', 'q2', { value: 'ok' })
    expect(await db.outbox.count()).toBe(4)
  })

  it('is sent on the first sync, once, samples left out, with the photo bytes', async () => {
    const db = openDatabase({ name: await v4Database(), ...fake })
    await saveAnswer(db, '201', 'q2', { value: 'bad' })
    const server = new FakeServer()
    const report = await runSync(db, server.transport())
    expect([...server.responses.keys()].sort()).toEqual(['201', '202'])
    expect(server.responses.get('202')?.status).toBe('submitted')
    expect(server.answers.get('202')?.get('q1')?.value).toBe('bad')
    expect(server.answers.get('201')?.get('q2')?.value).toBe('bad')
    expect([...server.templates.keys()]).toEqual(['dorm'])
    expect([...server.versions.keys()]).toEqual(['dorm@1'])
    expect([...server.attachments.keys()]).toEqual(['p1'])
    expect(report.uploaded).toBe(1)
    expect(server.received.filter((r) => r.status !== 'applied')).toEqual([])
    await runSync(db, server.transport())
    expect(await pendingCount(db)).toBe(0)
    expect(server.received.length).toBe(report.pushed)
  })
})
