/**
 * `applyChanges`: a pulled page applied with the core's merge rules, case by case. Each case
 * starts from a device holding one draft response (room 201, q1 answered), applies one change and
 * checks what is stored.
 */
import { describe, expect, it } from 'vitest'
import { encodeHlc, parseHlc } from '@/core/sync/hlc'
import { headerOf, type Change, type ResponseHeader, type SyncAnswer, type SyncAttachment } from '@/core/sync'
import { addAttachment, deleteResponse, saveAnswer, submitResponse, type QingdanDatabase } from '@/db'
import { HLC_KEY } from '@/db/keys'
import { applyChanges, getCursor } from '@/db/repositories/sync'
import { writeFaults } from '../db/helpers'
import { answerOf, device, dorm, startRoom } from './support/devices'

/** A clock far before or after anything the device ticks now (but not in the future). */
const past = (count = 0, node = 'remote') => encodeHlc({ wall: Date.parse('2020-01-01T00:00:00.000Z'), count, node })
const later = (count = 0, node = 'remote') => encodeHlc({ wall: Date.now() + 60_000, count, node })
const ans = (value: string, hlc: string): SyncAnswer => ({ value, hlc, updatedAt: '2026-01-01T00:00:00.000Z' })

interface World {
  db: QingdanDatabase
  id: string
  header: ResponseHeader
}

async function world(): Promise<World> {
  const db = await device()
  const row = await startRoom(db)
  await saveAnswer(db, row.id, 'q1', { value: 'ok' })
  const stored = (await db.responses.get(row.id))!
  return { db, id: row.id, header: headerOf(stored) }
}

const answerChange = (w: World, value: string, hlc: string, itemId = 'q1'): Change => ({ kind: 'answer', cursor: 1, responseId: w.id, itemId, answer: ans(value, hlc) })
const history = async (w: World) => (await w.db.answerHistory.toArray()).map((h) => [h.itemId, h.from, h.answer.value])

const SAME = '0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5'
const far = (w: World): SyncAttachment => ({ id: 'far', responseId: w.id, itemId: 'q2', name: 'b', type: 'image/jpeg', size: 4, createdAt: 't', sha256: 'f'.repeat(64) })

interface Case {
  name: string
  prepare?: (w: World) => Promise<void>
  change: (w: World) => Change
  expect: (w: World) => Promise<void>
}

const cases: Case[] = [
  {
    name: 'an answer with a later clock replaces the held one, which goes to history',
    change: (w) => answerChange(w, 'bad', later()),
    expect: async (w) => {
      expect((await answerOf(w.db, w.id, 'q1'))?.value).toBe('bad')
      expect(await history(w)).toEqual([['q1', 'local', 'ok']])
    },
  },
  {
    name: 'an answer with an earlier clock is kept in history only',
    change: (w) => answerChange(w, 'bad', past()),
    expect: async (w) => {
      expect((await answerOf(w.db, w.id, 'q1'))?.value).toBe('ok')
      expect(await history(w)).toEqual([['q1', 'incoming', 'bad']])
    },
  },
  {
    name: 'the same answer given on two devices is no conflict',
    change: (w) => answerChange(w, 'ok', later()),
    expect: async (w) => {
      expect(await history(w)).toEqual([])
    },
  },
  {
    name: 'an answer to a submitted response is locked out, kept in history',
    prepare: async (w) => void (await submitResponse(w.db, w.id, dorm)),
    change: (w) => answerChange(w, 'bad', later()),
    expect: async (w) => {
      expect((await answerOf(w.db, w.id, 'q1'))?.value).toBe('ok')
      expect(await history(w)).toEqual([['q1', 'incoming', 'bad']])
    },
  },
  {
    name: 'an answer to a response deleted here is dropped (the response stays deleted)',
    prepare: async (w) => deleteResponse(w.db, w.id),
    change: (w) => answerChange(w, 'bad', later()),
    expect: async (w) => {
      expect(await w.db.responses.get(w.id)).toBeUndefined()
      expect(await w.db.answers.count()).toBe(0)
    },
  },
  {
    name: 'a draft header edited later elsewhere does not bring back a response deleted here',
    prepare: async (w) => deleteResponse(w.db, w.id),
    change: (w) => ({ kind: 'response', cursor: 1, response: { ...w.header, inspector: '李老师', hlc: later() } }),
    expect: async (w) => {
      expect(await w.db.responses.get(w.id)).toBeUndefined()
      expect(await w.db.tombstones.get(w.id)).toBeDefined()
    },
  },
  {
    name: 'a later draft header replaces the held one, with its subject indexes',
    change: (w) => ({ kind: 'response', cursor: 1, response: { ...w.header, subject: { building: '5号楼', room: 501 }, hlc: later() } }),
    expect: async (w) => {
      expect(await w.db.responses.get(w.id)).toMatchObject({ subject: { room: 501 }, subjectTerms: expect.arrayContaining(['room=501']) })
      expect((await answerOf(w.db, w.id, 'q1'))?.value).toBe('ok')
    },
  },
  {
    // The server's jsonb stores keys shortest first: { room, building } for { building, room }.
    name: 'a pulled subject is stored in its template’s field order, whatever order it came in',
    change: (w) => ({ kind: 'response', cursor: 1, response: { ...w.header, subject: { room: 501, building: '5号楼' }, hlc: later() } }),
    expect: async (w) => {
      expect(Object.keys((await w.db.responses.get(w.id))!.subject)).toEqual(['building', 'room'])
    },
  },
  {
    name: 'a pulled submission’s subject, and a pulled task’s, are stored in the template’s field order too',
    change: (w) => ({
      kind: 'response',
      cursor: 1,
      response: { ...w.header, subject: { extra: 'x', room: 201, building: '3号楼' }, status: 'submitted', submittedAt: '2026-11-27T02:00:00.000Z', hlc: past() },
      answers: { q1: ans('ok', past()) },
    }),
    expect: async (w) => {
      expect(Object.keys((await w.db.responses.get(w.id))!.subject)).toEqual(['building', 'room', 'extra'])
      const task = { id: 't1', responseId: w.id, itemId: 'q1', templateId: 'dorm', subject: { room: 201, building: '3号楼' }, title: 'q1', status: 'open' as const, deadline: '2026-12-01', createdAt: 't', updatedAt: 't', hlc: later() }
      await applyChanges(w.db, [{ kind: 'task', cursor: 2, task }])
      expect(Object.keys((await w.db.tasks.get('t1'))!.subject)).toEqual(['building', 'room'])
    },
  },
  {
    name: 'an older draft header changes nothing',
    change: (w) => ({ kind: 'response', cursor: 1, response: { ...w.header, inspector: '旧', hlc: past() } }),
    expect: async (w) => {
      expect((await w.db.responses.get(w.id))?.inspector).toBe('王老师')
    },
  },
  {
    name: 'a tombstone deletes the response here with its answers, attachments and summary',
    prepare: async (w) => {
      await addAttachment(w.db, { responseId: w.id, itemId: 'q1', blob: new Blob(['x']), name: 'p', type: 'image/jpeg' })
      await submitResponse(w.db, w.id, dorm)
      await w.db.summaries.put({ id: w.id } as never)
    },
    change: (w) => ({ kind: 'response', cursor: 1, response: { ...w.header, status: 'submitted', deleted: true, hlc: past() } }),
    expect: async (w) => {
      expect(await w.db.responses.get(w.id)).toBeUndefined()
      expect(await w.db.answers.count()).toBe(0)
      expect(await w.db.attachments.count()).toBe(0)
      expect(await w.db.uploads.count()).toBe(0)
      expect(await w.db.summaries.get(w.id)).toBeUndefined()
      expect(await w.db.tombstones.get(w.id)).toMatchObject({ deleted: true })
    },
  },
  {
    name: 'a submission replaces the draft answers whole, scored here with its summary; replaced answers go to history',
    prepare: async (w) => saveAnswer(w.db, w.id, 'q3', { value: 'bad' }),
    change: (w) => ({
      kind: 'response',
      cursor: 1,
      response: { ...w.header, status: 'submitted', submittedAt: '2026-11-27T02:00:00.000Z', hlc: past() },
      answers: { q1: ans('bad', past()), q2: ans('ok', past()) },
    }),
    expect: async (w) => {
      const answers = await w.db.answers.where('responseId').equals(w.id).toArray()
      expect(answers.map((a) => [a.itemId, a.answer.value]).sort()).toEqual([['q1', 'bad'], ['q2', 'ok']])
      expect(await w.db.responses.get(w.id)).toMatchObject({ status: 'submitted', total: 2, result: expect.any(Object) })
      expect(await w.db.summaries.get(w.id)).toMatchObject({ total: 2 })
      expect((await history(w)).sort()).toEqual([['q1', 'local', 'ok'], ['q3', 'local', 'bad']])
    },
  },
  {
    name: 'an older submission loses to the one held: its differing answers go to history',
    prepare: async (w) => void (await submitResponse(w.db, w.id, dorm)),
    change: (w) => ({
      kind: 'response',
      cursor: 1,
      response: { ...w.header, status: 'submitted', submittedAt: '2020-01-01T00:00:00.000Z', hlc: past() },
      answers: { q1: ans('bad', past()) },
    }),
    expect: async (w) => {
      expect((await answerOf(w.db, w.id, 'q1'))?.value).toBe('ok')
      expect(await history(w)).toEqual([['q1', 'incoming', 'bad']])
    },
  },
  {
    name: 'a template version already held is never rewritten',
    change: () => ({ kind: 'templateVersion', cursor: 1, version: { templateId: 'dorm', version: 1, template: { ...dorm, title: '改过' }, publishedAt: '2026-02-01T00:00:00.000Z' } }),
    expect: async (w) => {
      expect((await w.db.templateVersions.get(['dorm', 1]))?.template.title).toBe(dorm.title)
    },
  },
  {
    name: 'a new template version is stored with its item count',
    change: () => ({ kind: 'templateVersion', cursor: 1, version: { templateId: 'dorm', version: 2, template: { ...dorm, version: 2 }, publishedAt: '2026-02-01T00:00:00.000Z' } }),
    expect: async (w) => {
      expect(await w.db.templateVersions.get(['dorm', 2])).toMatchObject({ itemCount: 2, publishedAt: '2026-02-01T00:00:00.000Z' })
    },
  },
  {
    name: 'template rows go by clock: a later one is stored, an earlier one is not',
    prepare: async (w) => {
      await w.db.templates.put({ id: 'dorm', title: '本机', status: 'published', latestVersion: 1, source: 'user', createdAt: 't', updatedAt: '2026-01-01T00:00:00.000Z', hlc: later(0, 'local') })
    },
    change: () => ({ kind: 'template', cursor: 1, template: { id: 'dorm', title: '旧', status: 'published', latestVersion: 1, source: 'user', createdAt: 't', updatedAt: 't', hlc: past() } }),
    expect: async (w) => {
      expect((await w.db.templates.get('dorm'))?.title).toBe('本机')
    },
  },
  {
    name: 'a pulled attachment whose bytes are already here (same SHA-256) is stored at once, no download',
    prepare: async (w) => void (await addAttachment(w.db, { responseId: w.id, itemId: 'q1', blob: new Blob(['same']), name: 'a', type: 'image/jpeg' })),
    change: (w) => ({
      kind: 'attachment',
      cursor: 1,
      attachment: { id: 'other', responseId: w.id, itemId: 'q2', name: 'b', type: 'image/jpeg', size: 4, createdAt: 't', sha256: '0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5' },
    }),
    expect: async (w) => {
      expect(await (await w.db.attachments.get('other'))?.blob.text()).toBe('same')
      expect(await w.db.downloads.count()).toBe(0)
    },
  },
  {
    name: 'a pulled attachment whose bytes are not here waits for download',
    change: (w) => ({
      kind: 'attachment',
      cursor: 1,
      attachment: { id: 'far', responseId: w.id, itemId: 'q2', name: 'b', type: 'image/jpeg', size: 4, createdAt: 't', sha256: 'f'.repeat(64) },
    }),
    expect: async (w) => {
      expect(await w.db.attachments.get('far')).toBeUndefined()
      expect(await w.db.downloads.get('far')).toMatchObject({ sha256: 'f'.repeat(64) })
    },
  },
  {
    name: 'a pulled deletion removes an attachment still waiting for its bytes, so they are never fetched',
    prepare: async (w) => void (await applyChanges(w.db, [{ kind: 'attachment', cursor: 1, attachment: far(w) }])),
    change: (w) => ({ kind: 'attachment', cursor: 2, attachment: { ...far(w), deleted: true } }),
    expect: async (w) => {
      expect(await w.db.downloads.count()).toBe(0)
      expect(await w.db.attachments.get('far')).toBeUndefined()
    },
  },
  {
    name: 'a pulled deletion of an attachment never seen here stores nothing',
    change: (w) => ({ kind: 'attachment', cursor: 1, attachment: { ...far(w), deleted: true } }),
    expect: async (w) => {
      expect(await w.db.downloads.count()).toBe(0)
      expect(await w.db.attachments.count()).toBe(0)
    },
  },
  {
    name: 'an answer that arrives before its response header is kept for it',
    change: () => ({ kind: 'answer', cursor: 1, responseId: 'not-yet', itemId: 'q1', answer: ans('ok', past()) }),
    expect: async (w) => {
      expect((await answerOf(w.db, 'not-yet', 'q1'))?.value).toBe('ok')
    },
  },
]

describe('applyChanges', () => {
  it.each(cases)('$name', async (c) => {
    const w = await world()
    await c.prepare?.(w)
    await applyChanges(w.db, [c.change(w)])
    await c.expect(w)
  })

  it('removes an attachment here on a pulled deletion, with the bytes it still had to upload, and counts it written', async () => {
    const w = await world()
    const mine = await addAttachment(w.db, { responseId: w.id, itemId: 'q1', blob: new Blob(['same']), name: 'a', type: 'image/jpeg' })
    expect(await w.db.uploads.count()).toBe(1)
    const applied = await applyChanges(w.db, [{ kind: 'attachment', cursor: 1, attachment: { ...far(w), id: mine.id, sha256: SAME, deleted: true } }])
    expect(applied.written).toBe(1)
    expect(await w.db.attachments.count()).toBe(0)
    expect(await w.db.uploads.count()).toBe(0)
  })

  it('notes a review’s release when the same submission comes again with it, and counts it written', async () => {
    const w = await world()
    await submitResponse(w.db, w.id, dorm)
    const submitted = headerOf((await w.db.responses.get(w.id))!)
    const answers = { q1: ans('ok', submitted.hlc) }
    const releasedAt = '2026-12-03T08:00:00.000Z'
    const applied = await applyChanges(w.db, [{ kind: 'response', cursor: 9, response: submitted, answers, releasedAt }])
    expect(applied.written).toBe(1)
    expect((await w.db.responses.get(w.id))?.releasedAt).toBe(releasedAt)
    // The header pushed back never carries it: a release is the server's alone.
    expect(headerOf((await w.db.responses.get(w.id))!)).not.toHaveProperty('releasedAt')
  })

  it('applies a page twice with the same result (pulled pages may repeat)', async () => {
    const w = await world()
    const page = [answerChange(w, 'bad', later()), answerChange(w, 'ok', later(1), 'q2')]
    await applyChanges(w.db, page)
    const once = await w.db.answers.toArray()
    const historyOnce = await w.db.answerHistory.toArray()
    await applyChanges(w.db, page)
    expect(await w.db.answers.toArray()).toEqual(once)
    expect(await w.db.answerHistory.toArray()).toEqual(historyOnce)
  })

  it('moves the device clock past every clock received, and stores the cursor with the page', async () => {
    const w = await world()
    const remote = later(7)
    await applyChanges(w.db, [answerChange(w, 'bad', remote)], { cursor: 42 })
    const clock = parseHlc((await w.db.meta.get(HLC_KEY))?.value)!
    expect(clock.wall).toBe(parseHlc(remote)!.wall)
    expect(clock.count).toBe(8)
    expect(await getCursor(w.db)).toBe(42)
  })

  it('writes nothing, the cursor included, when a write of the page fails', async () => {
    let faults: ReturnType<typeof writeFaults> | undefined
    const db = await device((d) => void (faults = writeFaults(d)))
    const row = await startRoom(db)
    faults!.fail('answerHistory')
    const w: World = { db, id: row.id, header: headerOf((await db.responses.get(row.id))!) }
    await saveAnswer(db, row.id, 'q1', { value: 'ok' })
    await expect(applyChanges(db, [answerChange(w, 'ok', later(), 'q2'), answerChange(w, 'bad', later())], { cursor: 9 })).rejects.toThrow()
    expect(await answerOf(db, row.id, 'q2')).toBeUndefined()
    expect(await getCursor(db)).toBe(0)
  })
})
