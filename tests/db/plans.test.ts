/**
 * Plans on the device (#14): pulled plans and register entries stored by their rules, the
 * submissions index coverage reads, and the day list and coverage built from them.
 */
import { describe, expect, it } from 'vitest'
import type { Change, SyncPlan, SyncSubject } from '@/core/sync/protocol'
import type { ResponseRow } from '@/db/rows'
import { plan, room, submitted } from './plan-builders'
import { applyChanges } from '@/db/repositories/sync'
import { listPlans, planCoverage, submissionsOf, todayFor } from '@/db/repositories/plans'
import { awaitingReview } from '@/db/repositories/review'
import { CURRENT_VERSION } from '@/db/schema'
import Dexie from 'dexie'
import { openDatabase, v1Stores, v2Stores, v3Stores, v4Stores, v5Stores, v6Stores } from '@/db'
import { fake, freshDb } from './helpers'
import { summaryRowFor } from '@/db/repositories/results-query'

const TZ = 'Asia/Shanghai'

const planChange = (p: SyncPlan, cursor = 1): Change => ({ kind: 'plan', cursor, plan: p })
const subjectChange = (s: SyncSubject, cursor = 1): Change => ({ kind: 'subject', cursor, subject: s })

async function seeded() {
  const db = freshDb()
  await applyChanges(db, [planChange(plan()), subjectChange(room('room:3号楼/301', '3')), subjectChange(room('room:3号楼/302', '3')), subjectChange(room('room:3号楼/401', '4'))])
  return db
}

describe('schema version 7', () => {
  it('upgrades a version 6 database: rows kept, and submitted rows that name a subject found by the new index', async () => {
    const name = `plans-migration-${crypto.randomUUID()}`
    const v6 = new Dexie(name, fake)
    ;[v1Stores, v2Stores, v3Stores, v4Stores, v5Stores, v6Stores].forEach((stores, i) => v6.version(i + 1).stores(stores))
    await v6.open()
    // A header pulled under v6 already carried `subjectId` (the sync contract has it).
    const old = submitted('old', 'room:3号楼/301', '2026-12-02T03:00:00.000Z')
    await v6.table('responses').add(old)
    const { subjectId: _id, ...v6Summary } = summaryRowFor(old)!
    await v6.table('summaries').add(v6Summary)
    await v6.table('register').add({ ...room('room:3号楼/301', '3'), importedAt: '2026-11-01T00:00:00.000Z' })
    v6.close()
    const db = openDatabase({ name, ...fake })
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(await db.register.count()).toBe(1)
    expect(await db.plans.count()).toBe(0)
    // Its summary (written under v6, without the id) gets the id by the upgrade.
    expect((await db.summaries.get('old'))?.subjectId).toBe('room:3号楼/301')
    expect((await submissionsOf(db, { templateId: 'dorm' })).map((s) => s.subjectId)).toEqual(['room:3号楼/301'])
    db.close()
  })
})

describe('pulled plans and register entries', () => {
  it('opens at version 7 or later with a plans table', async () => {
    const db = freshDb()
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(CURRENT_VERSION).toBeGreaterThanOrEqual(7)
    expect(await db.plans.count()).toBe(0)
  })

  it('stores a pulled plan, and a newer one replaces it while an older one does not', async () => {
    const db = await seeded()
    const out = await applyChanges(db, [planChange(plan({ title: '改过', updatedAt: '2026-11-30T00:00:00.000Z' }), 2)])
    expect(out.written).toBe(1)
    expect((await listPlans(db))[0]?.title).toBe('改过')
    const stale = await applyChanges(db, [planChange(plan({ title: '旧的', updatedAt: '2026-11-01T00:00:00.000Z' }), 3)])
    expect(stale.written).toBe(0)
    expect((await db.plans.get('p1'))?.title).toBe('改过')
  })

  it('writes pulled subjects into the register, keeps archived ones flagged, and ignores an older version', async () => {
    const db = await seeded()
    await applyChanges(db, [subjectChange(room('room:3号楼/301', '3', { version: 2, archived: true, responsible: '王老师' }), 2)])
    const row = await db.register.get('room:3号楼/301')
    expect(row).toMatchObject({ archived: true, responsible: '王老师', version: 2 })
    await applyChanges(db, [subjectChange(room('room:3号楼/301', '3', { version: 1, label: '旧名' }), 3)])
    expect((await db.register.get('room:3号楼/301'))?.label).toBe('3号楼 301')
    await applyChanges(db, [subjectChange(room('room:3号楼/301', '3', { version: 3 }), 4)])
    expect((await db.register.get('room:3号楼/301'))?.archived).toBeUndefined()
  })
})

describe('submissionsOf', () => {
  it('reads submitted responses that name a register subject, by template and from an instant, from their summaries', async () => {
    const db = freshDb()
    await db.responses.bulkAdd([
      submitted('a', 'room:3号楼/301', '2026-12-02T03:00:00.000Z'),
      submitted('b', undefined, '2026-12-02T03:00:00.000Z'),
      submitted('c', 'room:3号楼/302', '2026-11-20T03:00:00.000Z'),
      submitted('d', 'room:3号楼/302', '2026-12-02T04:00:00.000Z', { templateId: 'fire' }),
      { ...submitted('e', 'room:3号楼/401', '2026-12-02T04:00:00.000Z'), status: 'draft', submittedAt: undefined } as ResponseRow,
    ])
    const subs = await submissionsOf(db, { templateId: 'dorm', from: Date.parse('2026-12-01T00:00:00.000Z') })
    expect(subs).toEqual([{ templateId: 'dorm', subjectId: 'room:3号楼/301', submittedAt: Date.parse('2026-12-02T03:00:00.000Z') }])
  })
})

describe('todayFor', () => {
  it("lists one person's rooms of the day with their states, and nothing on a day off", async () => {
    const db = await seeded()
    // Wednesday 2026-12-02; 18:00 Beijing is 10:00 UTC.
    await db.responses.add(submitted('a', 'room:3号楼/301', '2026-12-02T03:00:00.000Z'))
    const noon = Date.parse('2026-12-02T04:00:00.000Z')
    const items = await todayFor(db, 'u-zhang', '2026-12-02', noon, TZ)
    expect(items.map((i) => [i.label, i.state, i.planTitle])).toEqual([
      ['3号楼 301', 'done', '3号楼每周三'],
      ['3号楼 302', 'due', '3号楼每周三'],
    ])
    const evening = Date.parse('2026-12-02T11:00:00.000Z')
    expect((await todayFor(db, 'u-zhang', '2026-12-02', evening, TZ)).map((i) => i.state)).toEqual(['done', 'overdue'])
    expect(await todayFor(db, 'u-zhang', '2026-12-03', noon, TZ)).toEqual([])
    expect((await todayFor(db, 'u-li', '2026-12-02', noon, TZ)).map((i) => i.label)).toEqual(['3号楼 401'])
  })

  it('follows a reassignment and a cancelled day', async () => {
    const db = await seeded()
    await applyChanges(db, [
      planChange(
        plan({
          updatedAt: '2026-12-01T00:00:00.000Z',
          overrides: [
            { type: 'reassign', date: '2026-12-02', subjectId: 'room:3号楼/302', assignee: 'u-li' },
            { type: 'cancel', date: '2026-12-09' },
          ],
        }),
        2,
      ),
    ])
    const noon = Date.parse('2026-12-02T04:00:00.000Z')
    expect((await todayFor(db, 'u-li', '2026-12-02', noon, TZ)).map((i) => i.label)).toEqual(['3号楼 302', '3号楼 401'])
    expect(await todayFor(db, 'u-li', '2026-12-09', noon, TZ)).toEqual([])
  })
})

describe('planCoverage', () => {
  it('counts a window by building, floor and inspector, and lists the missing rooms overdue first', async () => {
    const db = await seeded()
    await db.responses.bulkAdd([
      submitted('a', 'room:3号楼/301', '2026-12-02T03:00:00.000Z'),
      // After 18:00 Beijing: late.
      submitted('b', 'room:3号楼/302', '2026-12-02T12:00:00.000Z'),
    ])
    const now = Date.parse('2026-12-09T04:00:00.000Z')
    const { report } = await planCoverage(db, plan(), { from: '2026-11-30', to: '2026-12-13' }, now, TZ)
    expect(report.counts).toEqual({ total: 6, done: 1, late: 1, overdue: 1, due: 3 })
    expect(report.byFloor.map((g) => [g.key, g.counts.total, g.counts.overdue])).toEqual([
      ['3号楼 · 3', 4, 0],
      ['3号楼 · 4', 2, 1],
    ])
    expect(report.byBuilding.map((g) => g.key)).toEqual(['3号楼'])
    expect(report.byInspector.map((g) => [g.key, g.counts.done + g.counts.late])).toEqual([
      ['u-li', 0],
      ['u-zhang', 2],
    ])
    expect(report.missing.map((m) => [m.state, m.assignment.date, m.assignment.subjectId])).toEqual([
      ['overdue', '2026-12-02', 'room:3号楼/401'],
      ['due', '2026-12-09', 'room:3号楼/301'],
      ['due', '2026-12-09', 'room:3号楼/302'],
      ['due', '2026-12-09', 'room:3号楼/401'],
    ])
  })
})

describe('awaitingReview', () => {
  it('lists submitted self-assessments without a submitted review linked to them', async () => {
    const db = freshDb()
    await db.responses.bulkAdd([
      submitted('s1', undefined, '2026-12-01T03:00:00.000Z', { role: 'self' }),
      submitted('s2', undefined, '2026-12-02T03:00:00.000Z', { role: 'self' }),
      submitted('r1', undefined, '2026-12-03T03:00:00.000Z', { role: 'review', reviewOf: 's1' }),
    ])
    expect((await awaitingReview(db)).map((s) => s.id)).toEqual(['s2'])
  })
})
