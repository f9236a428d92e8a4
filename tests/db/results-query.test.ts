import { describe, expect, it } from 'vitest'
import {
  createResponse,
  deleteResponse,
  ensureSummaries,
  findCounterpart,
  loadStoredResponses,
  querySummaries,
  saveAnswer,
  saveSummary,
  submitResponse,
  CURRENT_VERSION,
  type QingdanDatabase,
} from '@/db'
import type { Role, Template } from '@/core/format/types'
import { freshDb } from './helpers'
import { sample } from '../fixtures/load'

const dorm = sample('dorm-room-safety')

async function submitRoom(
  db: QingdanDatabase,
  room: string,
  answers: Record<string, string | number> = {},
  extra: { role?: Role; template?: Template; reviewOf?: string; at?: string } = {},
): Promise<string> {
  const template = extra.template ?? dorm
  const row = await createResponse(db, {
    template,
    subject: { building: '3号楼', floor: 2, room },
    role: extra.role ?? 'self',
    inspector: '王老师',
    ...(extra.reviewOf !== undefined && { reviewOf: extra.reviewOf }),
  })
  for (const [itemId, value] of Object.entries(answers)) await saveAnswer(db, row.id, itemId, { value })
  await submitResponse(db, row.id, template, extra.at ?? '2026-11-27T02:00:00.000Z')
  return row.id
}

describe('summaries (schema v3)', () => {
  it('opens at the current version with the v3 summaries table', async () => {
    const db = freshDb()
    await db.open()
    expect(db.verno).toBe(CURRENT_VERSION)
    expect(db.tables.map((t) => t.name)).toContain('summaries')
  })

  it('backfills summaries of submitted responses, never of drafts, and drops those of deleted ones', async () => {
    const db = freshDb()
    const a = await submitRoom(db, '201', { smoking: 1 })
    const b = await submitRoom(db, '202')
    await createResponse(db, { template: dorm, subject: { building: '3号楼', floor: 2, room: '203' }, role: 'self', inspector: '王' })
    expect(await ensureSummaries(db)).toEqual({ added: 2, removed: 0 })
    expect(await ensureSummaries(db)).toEqual({ added: 0, removed: 0 })
    const rows = await querySummaries(db, { templateId: dorm.id })
    const smoking = rows.find((r) => r.id === a)
    expect(smoking?.findingIds).toEqual(['smoking'])
    expect(smoking?.subjectTerms).toContain('room=201')
    await deleteResponse(db, b)
    expect(await ensureSummaries(db)).toEqual({ added: 0, removed: 1 })
  })

  it('queries by template version and by a subject term through the indexes', async () => {
    const db = freshDb()
    await submitRoom(db, '201')
    await submitRoom(db, '305')
    await Promise.all((await db.responses.toArray()).map((r) => saveSummary(db, r.id)))
    expect(await querySummaries(db, { templateId: dorm.id, templateVersion: 1 })).toHaveLength(2)
    expect(await querySummaries(db, { templateId: dorm.id, templateVersion: 2 })).toHaveLength(0)
    const hits = await querySummaries(db, { subjectTerm: 'room=305' })
    expect(hits.map((h) => h.subject.room)).toEqual(['305'])
  })
})

describe('findCounterpart', () => {
  it('pairs a self-assessment with the review of the same subject and version', async () => {
    const db = freshDb()
    const self = await submitRoom(db, '201', { smoking: 1 })
    const review = await submitRoom(db, '201', { smoking: 2 }, { role: 'review' })
    await submitRoom(db, '202', {}, { role: 'review' })
    const selfRow = await db.responses.get(self)
    const reviewRow = await db.responses.get(review)
    if (!selfRow || !reviewRow) throw new Error('missing')
    expect((await findCounterpart(db, selfRow))?.id).toBe(review)
    expect((await findCounterpart(db, reviewRow))?.id).toBe(self)
  })

  it('finds none for another version of the template', async () => {
    const db = freshDb()
    const self = await submitRoom(db, '201')
    await submitRoom(db, '201', {}, { role: 'review', template: { ...dorm, version: 2 } })
    const selfRow = await db.responses.get(self)
    if (!selfRow) throw new Error('missing')
    expect(await findCounterpart(db, selfRow)).toBeUndefined()
  })

  it('pairs by the reviewOf link before the subject, even when an unlinked review is later', async () => {
    const db = freshDb()
    const self = await submitRoom(db, '201', {}, { at: '2026-11-01T02:00:00.000Z' })
    const linked = await submitRoom(db, '201', {}, { role: 'review', reviewOf: self, at: '2026-11-02T02:00:00.000Z' })
    await submitRoom(db, '201', {}, { role: 'review', at: '2026-11-03T02:00:00.000Z' })
    const selfRow = await db.responses.get(self)
    if (!selfRow) throw new Error('missing')
    expect((await findCounterpart(db, selfRow))?.id).toBe(linked)
  })

  it('pairs an inspection (检查) with nothing', async () => {
    const db = freshDb()
    const inspection = await submitRoom(db, '201', {}, { role: 'inspection' })
    await submitRoom(db, '201', {}, { role: 'review' })
    await submitRoom(db, '201', {}, { role: 'self' })
    const row = await db.responses.get(inspection)
    if (!row) throw new Error('missing')
    expect(await findCounterpart(db, row)).toBeUndefined()
  })
})

describe('loadStoredResponses', () => {
  it('returns rows with their answers, in the order asked', async () => {
    const db = freshDb()
    const a = await submitRoom(db, '201', { smoking: 1 })
    const b = await submitRoom(db, '202', { 'late-return': 2 })
    const loaded = await loadStoredResponses(db, [b, a])
    expect(loaded.map((s) => s.row.id)).toEqual([b, a])
    expect(loaded[1]?.response.answers.smoking?.value).toBe(1)
  })
})

describe('summaries read the template version to name a ceiling apart from a veto', () => {
  const conduct = sample('teacher-conduct-negative-list')

  async function submitConduct(db: QingdanDatabase, option: 'minor' | 'major'): Promise<string> {
    const row = await createResponse(db, { template: conduct, subject: { teacher: '王', department: '机电', year: 2026 }, role: 'self', inspector: '李' })
    await saveAnswer(db, row.id, 'pol1', { value: option })
    await submitResponse(db, row.id, conduct, '2026-11-27T02:00:00.000Z')
    return row.id
  }

  it('saveSummary and ensureSummaries: 情节较轻 is a ceiling, 情节较重 a veto; conduct problems need no follow-up', async () => {
    const db = freshDb()
    const minor = await submitConduct(db, 'minor')
    const major = await submitConduct(db, 'major')
    expect(await saveSummary(db, minor)).toMatchObject({ vetoed: false, verdict: 'ceiling', redLines: 0, noTasks: true })
    await db.summaries.clear()
    await ensureSummaries(db)
    const rows = await querySummaries(db, { templateId: conduct.id })
    expect(rows.find((r) => r.id === minor)).toMatchObject({ vetoed: false, verdict: 'ceiling' })
    expect(rows.find((r) => r.id === major)).toMatchObject({ vetoed: true, verdict: 'veto' })
  })
})
