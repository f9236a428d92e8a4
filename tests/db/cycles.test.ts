/**
 * Evaluation cycles on the device (#15): schema v8, pulled cycles stored by server time, the
 * server's reply stored at once, and a cycle's self-assessments and reviews with their answers.
 */
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { encodeHlc } from '@/core/sync'
import type { Change, SyncCycle } from '@/core/sync/protocol'
import { createResponse, deleteResponse, openDatabase, saveAnswer, submitResponse, v1Stores, v2Stores, v3Stores, v4Stores, v5Stores, v6Stores, v7Stores } from '@/db'
import { CURRENT_VERSION } from '@/db/schema'
import { cycleResponses, getCycle, listCycles, saveCycle } from '@/db/repositories/cycles'
import { startReviewOf } from '@/db/repositories/review'
import { applyChanges } from '@/db/repositories/sync'
import { bundleResponseOf } from '@/db/repositories/bundle-export'
import { applyPlan, prepareImport } from '@/db/repositories/bundle-import'
import { ans, content, resp, T0 } from '../core/exchange/bundle/builders'
import { submitted } from './plan-builders'
import { fake, freshDb, template } from './helpers'

function cycle(over: Partial<SyncCycle> = {}): SyncCycle {
  return {
    id: 'hq-2026',
    title: '2026年度红旗党支部评审',
    template: { id: 'dorm', version: 1 },
    subjectKey: ['building', 'room'],
    subjects: [{ building: 'A', room: '201' }],
    panel: { members: ['li'] },
    scopeId: 'college',
    subjectIds: ['branch:a'],
    people: { li: '李老师' },
    updatedAt: '2026-11-29T00:00:00.000Z',
    ...over,
  }
}
const cycleChange = (c: SyncCycle, cursor = 1): Change => ({ kind: 'cycle', cursor, cycle: c })
const dorm = template('dorm', 1)

describe('schema version 8', () => {
  it('upgrades a version 7 database: rows kept, a cycles table, and headers that named a cycle found by it', async () => {
    const name = `cycles-migration-${crypto.randomUUID()}`
    const v7 = new Dexie(name, fake)
    ;[v1Stores, v2Stores, v3Stores, v4Stores, v5Stores, v6Stores, v7Stores].forEach((stores, i) => v7.version(i + 1).stores(stores))
    await v7.open()
    // A header pulled under v7 already carried `cycleId` (the sync contract has it).
    await v7.table('responses').bulkAdd([submitted('old', undefined, '2026-12-02T03:00:00.000Z', { role: 'self', cycleId: 'hq-2026' }), submitted('other', undefined, '2026-12-02T04:00:00.000Z')])
    await v7.table('plans').add({ id: 'p1' })
    v7.close()
    const db = openDatabase({ name, ...fake })
    await db.open()
    expect(db.verno).toBe(8)
    expect(CURRENT_VERSION).toBe(8)
    expect(await db.responses.count()).toBe(2)
    expect(await db.plans.count()).toBe(1)
    expect(await db.cycles.count()).toBe(0)
    expect((await cycleResponses(db, 'hq-2026')).map((c) => c.row.id)).toEqual(['old'])
    db.close()
  })
})

describe('pulled cycles', () => {
  it('stores a pulled cycle, and a newer one replaces it while an older or equal one does not', async () => {
    const db = freshDb()
    expect((await applyChanges(db, [cycleChange(cycle())])).written).toBe(1)
    const released = cycle({ releasedAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' })
    expect((await applyChanges(db, [cycleChange(released, 2)])).written).toBe(1)
    expect((await applyChanges(db, [cycleChange(cycle({ title: '旧的' }), 3), cycleChange({ ...released, title: '同时' }, 4)])).written).toBe(0)
    expect(await getCycle(db, 'hq-2026')).toEqual(released)
  })

  it('lists cycles newest change first, and stores the server’s reply unless a newer one is held', async () => {
    const db = freshDb()
    await applyChanges(db, [cycleChange(cycle({ id: 'a', updatedAt: '2026-11-01T00:00:00.000Z' })), cycleChange(cycle({ id: 'b', updatedAt: '2026-11-20T00:00:00.000Z' }))])
    expect(await saveCycle(db, cycle({ id: 'c', updatedAt: '2026-11-10T00:00:00.000Z' }))).toBe(true)
    expect((await listCycles(db)).map((c) => c.id)).toEqual(['b', 'c', 'a'])
    expect(await saveCycle(db, cycle({ id: 'b', title: '旧', updatedAt: '2026-11-02T00:00:00.000Z' }))).toBe(false)
    expect((await getCycle(db, 'b'))?.title).toBe('2026年度红旗党支部评审')
  })
})

describe('a cycle’s responses', () => {
  it('include a pulled header that names the cycle', async () => {
    const db = freshDb()
    const header = { id: 'r1', templateId: 'dorm', templateVersion: 1, templateTitle: 'dorm v1', role: 'review' as const, subject: { building: 'A', room: '201' }, cycleId: 'hq-2026', status: 'draft' as const, inspector: 'li', startedAt: T0, updatedAt: T0 }
    await applyChanges(db, [{ kind: 'response', cursor: 1, response: { ...header, hlc: encodeHlc({ wall: Date.parse(T0), count: 0, node: 'other' }) } }])
    expect((await cycleResponses(db, 'hq-2026')).map((c) => [c.row.id, c.response.cycleId])).toEqual([['r1', 'hq-2026']])
  })


  it('are its self-assessments and reviews, drafts too, with their answers; never another cycle’s, an inspection or a deleted one', async () => {
    const db = freshDb()
    const subject = { building: 'A', room: '201' }
    const self = await createResponse(db, { template: dorm, subject, role: 'self', inspector: '王老师', subjectId: 'branch:a', cycleId: 'hq-2026' })
    await saveAnswer(db, self.id, 'q1', { value: 'ok' })
    await submitResponse(db, self.id, dorm)
    const started = await startReviewOf(db, self.id, 'li')
    if (!started.ok) throw new Error(started.reason)
    await saveAnswer(db, started.id, 'q1', { value: 'bad' })
    await createResponse(db, { template: dorm, subject, role: 'self', inspector: '王老师', cycleId: 'hq-2025' })
    await createResponse(db, { template: dorm, subject, role: 'inspection', inspector: '王老师', cycleId: 'hq-2026' })
    const gone = await createResponse(db, { template: dorm, subject, role: 'review', inspector: 'zhao', cycleId: 'hq-2026' })
    await deleteResponse(db, gone.id)

    const got = await cycleResponses(db, 'hq-2026')
    expect(got.map((c) => [c.row.role, c.row.status])).toEqual([
      ['self', 'submitted'],
      ['review', 'draft'],
    ])
    expect(got.map((c) => c.response.cycleId)).toEqual(['hq-2026', 'hq-2026'])
    expect(got[1]!.response).toMatchObject({ reviewOf: self.id, inspector: 'li', answers: { q1: { value: 'bad' } } })
    expect(got[0]!.response.answers.q1?.value).toBe('ok')
    // The review's header, as the server will receive it, names the cycle too.
    const sent = (await db.outbox.toArray()).filter((m) => m.kind === 'response' && m.response.id === started.id)
    expect(sent.map((m) => m.kind === 'response' && m.response.cycleId)).toEqual(['hq-2026'])
  })

  it('keep their cycle through a bundle, out and in', async () => {
    const db = freshDb()
    const row = await createResponse(db, { template: dorm, subject: {}, role: 'self', inspector: '王老师', cycleId: 'hq-2026' })
    expect(bundleResponseOf(row, []).response.cycleId).toBe('hq-2026')

    const other = freshDb()
    const plan = await prepareImport(other, content({ responses: [resp('101', { q1: ans('ok', T0) }, { role: 'self', cycleId: 'hq-2026' })] }))
    if (!plan.ok) throw new Error(plan.issues.map((i) => `${i.code} ${i.pointer}`).join())
    await applyPlan(other, plan.value, new Map())
    expect((await other.responses.get('101'))?.cycleId).toBe('hq-2026')
    expect((await cycleResponses(other, 'hq-2026')).map((c) => c.row.id)).toEqual(['101'])
  })
})
