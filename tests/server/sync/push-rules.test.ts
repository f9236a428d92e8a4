/**
 * The merge rules as the server applies them, one row per rule: what two tablets push, what the
 * server then holds, and what went to the answer history.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { scoreResponse } from '@/core/scoring'
import type { MutationInput, MutationStatus, SyncAnswer, SyncAttachment } from '@/core/sync'
import { applyPush } from '../../../server/sync/push'
import { DATABASE_KINDS } from '../support/databases'
import { answer, attachment, clock, dorm, dormVersion, header, m, NOW, Outbox, submitted, task } from './support/builders'
import { resetSync, syncWorld, type SyncWorld } from './support/world'

const R = '5f0c9a52-8c55-4a0e-9a39-3d4a2f1b7c01'

interface Step {
  /** Which tablet pushes. */
  by: 'a' | 'b'
  push: MutationInput[]
  /** The statuses of this push's mutations, in order. */
  expect: Array<MutationStatus | `refused:${string}`>
}

interface Rule {
  rule: string
  steps: (ids: { a: string; b: string }) => Step[]
  /** What the server holds afterwards. */
  held: (w: SyncWorld) => Promise<void>
}

const held = async (w: SyncWorld, itemId: string): Promise<SyncAnswer | undefined> =>
  (await w.db.query<{ answer: SyncAnswer }>('select answer from answers where response_id = $1 and item_id = $2', [R, itemId]))[0]?.answer
const history = async (w: SyncWorld): Promise<Array<{ item: string; answer: SyncAnswer; device: string | null }>> =>
  w.db.query('select item_id as item, answer, device_id as device from answer_history order by id')
const headerRow = async (w: SyncWorld) =>
  (await w.db.query<{ status: string; deleted: boolean; header: { hlc: string; status: string } }>('select status, deleted, header from responses where id = $1', [R]))[0]

const draft = (ids: { a: string }) => header(R, clock(1, ids.a))
const gone = (a: SyncAttachment): SyncAttachment => ({ ...a, deleted: true })
const submission = { 'appliance-stored': (h: string) => answer(1, h, { attachments: ['ph-kettle'] }), unlocked: (h: string) => answer(1, h) }

const RULES: Rule[] = [
  {
    rule: 'a new answer is stored with its clock',
    steps: (ids) => [{ by: 'a', push: [m.response(draft(ids)), m.answer(R, 'unlocked', answer(1, clock(2, ids.a)))], expect: ['applied', 'applied'] }],
    held: async (w) => {
      expect(await held(w, 'unlocked')).toEqual(answer(1, clock(2, w.a.deviceId)))
      expect(await history(w)).toEqual([])
    },
  },
  {
    rule: 'a newer clock wins and the older answer goes to the history',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.answer(R, 'unlocked', answer(1, clock(2, ids.a)))], expect: ['applied', 'applied'] },
      { by: 'b', push: [m.answer(R, 'unlocked', answer(2, clock(3, ids.b)))], expect: ['applied'] },
    ],
    held: async (w) => {
      expect((await held(w, 'unlocked'))?.value).toBe(2)
      expect(await history(w)).toEqual([{ item: 'unlocked', answer: answer(1, clock(2, w.a.deviceId)), device: w.a.deviceId }])
    },
  },
  {
    rule: 'an older clock is superseded: the server keeps its answer, the late one goes to the history',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.answer(R, 'unlocked', answer(1, clock(5, ids.a)))], expect: ['applied', 'applied'] },
      { by: 'b', push: [m.answer(R, 'unlocked', answer(2, clock(3, ids.b)))], expect: ['superseded'] },
    ],
    held: async (w) => {
      expect((await held(w, 'unlocked'))?.value).toBe(1)
      expect(await history(w)).toEqual([{ item: 'unlocked', answer: answer(2, clock(3, w.b.deviceId)), device: w.b.deviceId }])
    },
  },
  {
    rule: 'the same answer given on both tablets is no conflict',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.answer(R, 'unlocked', answer(1, clock(2, ids.a)))], expect: ['applied', 'applied'] },
      { by: 'b', push: [m.answer(R, 'unlocked', answer(1, clock(3, ids.b)))], expect: ['applied'] },
    ],
    held: async (w) => {
      expect(await held(w, 'unlocked')).toEqual(answer(1, clock(3, w.b.deviceId)))
      expect(await history(w)).toEqual([])
    },
  },
  {
    rule: 'a submitted response locks its answers: a later draft edit is superseded into the history',
    steps: (ids) => [
      {
        by: 'a',
        push: [m.response(draft(ids)), m.submit(submitted(header(R, clock(4, ids.a))), { unlocked: submission.unlocked(clock(3, ids.a)) })],
        expect: ['applied', 'applied'],
      },
      { by: 'b', push: [m.answer(R, 'unlocked', answer(2, clock(9, ids.b)))], expect: ['superseded'] },
    ],
    held: async (w) => {
      expect((await held(w, 'unlocked'))?.value).toBe(1)
      expect((await history(w)).map((h) => [h.item, h.answer.value, h.device])).toEqual([['unlocked', 2, w.b.deviceId]])
    },
  },
  {
    rule: 'a draft header never reopens a submitted response',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.submit(submitted(header(R, clock(4, ids.a))), {})], expect: ['applied', 'applied'] },
      { by: 'b', push: [m.response(header(R, clock(9, ids.b), { inspector: '李老师' }))], expect: ['superseded'] },
    ],
    held: async (w) => {
      expect(await headerRow(w)).toMatchObject({ status: 'submitted', deleted: false, header: { hlc: clock(4, w.a.deviceId) } })
    },
  },
  {
    rule: 'a submission replaces the draft answers; the ones it replaces or drops go to the history',
    steps: (ids) => [
      {
        by: 'b',
        push: [m.response(draft(ids)), m.answer(R, 'unlocked', answer(2, clock(2, ids.b))), m.answer(R, 'power-strip', answer(1, clock(2, ids.b)))],
        expect: ['applied', 'applied', 'applied'],
      },
      {
        by: 'a',
        push: [m.submit(submitted(header(R, clock(4, ids.a))), { unlocked: submission.unlocked(clock(3, ids.a)), 'appliance-stored': submission['appliance-stored'](clock(3, ids.a)) })],
        expect: ['applied'],
      },
    ],
    held: async (w) => {
      const rows = await w.db.query<{ item: string; value: number }>("select item_id as item, (answer->>'value')::int as value from answers order by item_id")
      expect(rows).toEqual([{ item: 'appliance-stored', value: 1 }, { item: 'unlocked', value: 1 }])
      expect((await history(w)).map((h) => [h.item, h.answer.value, h.device])).toEqual(
        expect.arrayContaining([['unlocked', 2, w.b.deviceId], ['power-strip', 1, w.b.deviceId]]),
      )
      expect(await history(w)).toHaveLength(2)
    },
  },
  {
    rule: 'of two submissions the later one is kept whole; the earlier one’s differing answers go to the history',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.submit(submitted(header(R, clock(6, ids.a))), { unlocked: answer(2, clock(5, ids.a)) })], expect: ['applied', 'applied'] },
      { by: 'b', push: [m.submit(submitted(header(R, clock(4, ids.b))), { unlocked: answer(3, clock(3, ids.b)) })], expect: ['superseded'] },
    ],
    held: async (w) => {
      expect((await held(w, 'unlocked'))?.value).toBe(2)
      expect((await headerRow(w))?.header.hlc).toBe(clock(6, w.a.deviceId))
      expect((await history(w)).map((h) => [h.item, h.answer.value, h.device])).toEqual([['unlocked', 3, w.b.deviceId]])
    },
  },
  {
    rule: 'a tombstone beats every draft edit, even a later one: a deleted draft never comes back',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.response({ ...header(R, clock(3, ids.a)), deleted: true })], expect: ['applied', 'applied'] },
      { by: 'b', push: [m.response(header(R, clock(9, ids.b), { inspector: '李老师' }))], expect: ['superseded'] },
    ],
    held: async (w) => {
      expect(await headerRow(w)).toMatchObject({ status: 'draft', deleted: true, header: { hlc: clock(3, w.a.deviceId) } })
    },
  },
  {
    rule: 'a published template version is immutable: other content under its number is refused, the same content is the same',
    steps: () => [
      { by: 'b', push: [m.version({ ...dormVersion(), template: { ...dorm, title: '改过的标题' } })], expect: ['refused:versionConflict'] },
      { by: 'b', push: [m.version({ ...dormVersion(), publishedAt: '2026-03-02T00:00:00.000Z' })], expect: ['same'] },
    ],
    held: async (w) => {
      const rows = await w.db.query<{ title: string }>("select content->>'title' as title from template_versions")
      expect(rows).toEqual([{ title: dorm.title }])
    },
  },
  {
    rule: 'tasks merge by clock: the later edit wins, an older one is superseded',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.task(task('t1', R, clock(5, ids.a), { status: 'rectified', rectifiedAt: '2026-03-02T00:00:00.000Z' }))], expect: ['applied', 'applied'] },
      { by: 'b', push: [m.task(task('t1', R, clock(4, ids.b)))], expect: ['superseded'] },
    ],
    held: async (w) => {
      expect(await w.db.query("select row->>'status' as status from tasks")).toEqual([{ status: 'rectified' }])
    },
  },
  {
    rule: 'attachment metadata is immutable: the same again is the same, other content under its id is refused',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.attachment(attachment('ph-1', R, 'a'.repeat(64), 10))], expect: ['applied', 'applied'] },
      { by: 'b', push: [m.attachment(attachment('ph-1', R, 'a'.repeat(64), 10)), m.attachment(attachment('ph-1', R, 'b'.repeat(64), 10))], expect: ['same', 'refused:attachmentConflict'] },
    ],
    held: async (w) => {
      expect(await w.db.query('select id, sha256 from attachments')).toEqual([{ id: 'ph-1', sha256: 'a'.repeat(64) }])
    },
  },
  {
    rule: "a draft's attachment deletion beats its metadata: kept as a tombstone with a new cursor, the same deletion again is the same, the metadata never brings it back",
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.attachment(attachment('ph-1', R, 'a'.repeat(64), 10))], expect: ['applied', 'applied'] },
      { by: 'a', push: [m.attachment(gone(attachment('ph-1', R, 'a'.repeat(64), 10)))], expect: ['applied'] },
      { by: 'b', push: [m.attachment(gone(attachment('ph-1', R, 'a'.repeat(64), 10))), m.attachment(attachment('ph-1', R, 'a'.repeat(64), 10))], expect: ['same', 'superseded'] },
    ],
    held: async (w) => {
      const rows = await w.db.query<{ deleted: boolean; cursor: string; response: string; last: string }>(
        `select a.meta->'deleted' as deleted, a.cursor, r.cursor as response,
                (select max(c) from (select cursor from responses union all select cursor from attachments
                                     union all select cursor from template_versions union all select cursor from templates) as c(c)) as last
           from attachments a join responses r on r.id = a.response_id`,
      )
      expect(rows.map((r) => r.deleted)).toEqual([true])
      // The newest cursor stored, past the metadata's: a pull after the metadata sends the deletion.
      expect(Number(rows[0]!.cursor)).toBe(Number(rows[0]!.last))
      expect(Number(rows[0]!.cursor)).toBeGreaterThan(Number(rows[0]!.response) + 1)
    },
  },
  {
    rule: 'a deletion arriving before its metadata is kept, and the metadata then changes nothing',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.attachment(gone(attachment('ph-1', R, 'a'.repeat(64), 10)))], expect: ['applied', 'applied'] },
      { by: 'b', push: [m.attachment(attachment('ph-1', R, 'a'.repeat(64), 10))], expect: ['superseded'] },
    ],
    held: async (w) => {
      expect(await w.db.query("select id, meta->'deleted' as deleted from attachments")).toEqual([{ id: 'ph-1', deleted: true }])
    },
  },
  {
    rule: 'a submitted response keeps its evidence: deleting its attachment is refused, and so is deleting one of a response the server does not hold',
    steps: (ids) => [
      {
        by: 'a',
        push: [m.response(draft(ids)), m.attachment(attachment('ph-1', R, 'a'.repeat(64), 10)), m.submit(submitted(header(R, clock(4, ids.a))), {})],
        expect: ['applied', 'applied', 'applied'],
      },
      {
        by: 'b',
        push: [m.attachment(gone(attachment('ph-1', R, 'a'.repeat(64), 10))), m.attachment(gone(attachment('ph-2', R, 'b'.repeat(64), 10))), m.attachment(gone(attachment('ph-3', 'unknown-response', 'c'.repeat(64), 10)))],
        expect: ['refused:attachmentLocked', 'refused:attachmentLocked', 'refused:unknownResponse'],
      },
    ],
    held: async (w) => {
      expect(await w.db.query("select id, meta ? 'deleted' as deleted from attachments")).toEqual([{ id: 'ph-1', deleted: false }])
    },
  },
  {
    rule: 'answers and attachments of a response the server does not hold are refused (no template to check them against)',
    steps: (ids) => [
      { by: 'a', push: [m.answer(R, 'unlocked', answer(1, clock(2, ids.a))), m.attachment(attachment('ph-1', R, 'a'.repeat(64), 10))], expect: ['refused:unknownResponse', 'refused:unknownResponse'] },
    ],
    held: async (w) => {
      expect(await w.db.query('select 1 from answers union all select 1 from attachments')).toEqual([])
    },
  },
  {
    rule: 'within one batch each answer is merged against the ones before it: the final winner is held, each loser kept once',
    steps: (ids) => [
      {
        by: 'a',
        push: [
          m.response(draft(ids)),
          m.answer(R, 'unlocked', answer(1, clock(2, ids.a))),
          m.answer(R, 'unlocked', answer(2, clock(4, ids.a))),
          m.answer(R, 'unlocked', answer(3, clock(3, ids.a))),
          m.answer(R, 'unlocked', answer(3, clock(3, ids.a))),
          m.answer(R, 'smoking', answer(1, clock(2, ids.a))),
        ],
        expect: ['applied', 'applied', 'applied', 'superseded', 'superseded', 'applied'],
      },
    ],
    held: async (w) => {
      expect(await held(w, 'unlocked')).toEqual(answer(2, clock(4, w.a.deviceId)))
      expect(await held(w, 'smoking')).toEqual(answer(1, clock(2, w.a.deviceId)))
      expect((await history(w)).map((h) => [h.item, h.answer.value])).toEqual([
        ['unlocked', 1],
        ['unlocked', 3],
      ])
    },
  },
  {
    rule: 'a submission in the middle of a batch sees the answers pushed before it',
    steps: (ids) => [
      {
        by: 'a',
        push: [
          m.response(draft(ids)),
          m.answer(R, 'unlocked', answer(2, clock(2, ids.a))),
          m.submit(submitted(header(R, clock(4, ids.a))), { unlocked: answer(2, clock(2, ids.a)) }),
          m.answer(R, 'unlocked', answer(5, clock(5, ids.a))),
        ],
        expect: ['applied', 'applied', 'applied', 'superseded'],
      },
    ],
    held: async (w) => {
      expect(await held(w, 'unlocked')).toEqual(answer(2, clock(2, w.a.deviceId)))
      expect(await headerRow(w)).toMatchObject({ status: 'submitted' })
      expect((await history(w)).map((h) => [h.item, h.answer.value])).toEqual([['unlocked', 5]])
    },
  },
  {
    rule: 'a submitted header alone (without its answers) is refused; its tombstone alone is applied',
    steps: (ids) => [
      { by: 'a', push: [m.response(draft(ids)), m.response(submitted(header(R, clock(2, ids.a))))], expect: ['applied', 'refused:submitWithAnswers'] },
      { by: 'a', push: [m.response({ ...submitted(header(R, clock(3, ids.a))), deleted: true })], expect: ['applied'] },
    ],
    held: async (w) => {
      expect(await headerRow(w)).toMatchObject({ status: 'submitted', deleted: true })
    },
  },
]

describe.each(DATABASE_KINDS)('push rules on %s', (kind) => {
  let w: SyncWorld
  let boxes: Record<'a' | 'b', Outbox>
  beforeAll(async () => {
    w = await syncWorld(kind)
  })
  afterAll(async () => {
    await w.db.close()
  })
  beforeEach(async () => {
    await resetSync(w.db)
    boxes = { a: new Outbox(w.a.deviceId), b: new Outbox(w.b.deviceId) }
    const published = await applyPush(w.db, w.a, boxes.a.batch(m.version()), NOW)
    expect(published.results.map((r) => r.status)).toEqual(['applied'])
  })

  it.each(RULES)('$rule', async ({ steps, held: check }) => {
    for (const step of steps({ a: w.a.deviceId, b: w.b.deviceId })) {
      const account = w[step.by]
      const response = await applyPush(w.db, account, boxes[step.by].batch(...step.push), NOW)
      expect(response.results.map((r) => (r.status === 'refused' ? `refused:${r.issue?.code}` : r.status))).toEqual(step.expect)
    }
    await check(w)
  })

  it('scores a winning submission itself, and records one merge entry per batch with conflicts', async () => {
    const a = w.a.deviceId
    await applyPush(w.db, w.b, boxes.b.batch(m.response(header(R, clock(1, a))), m.answer(R, 'unlocked', answer(2, clock(2, w.b.deviceId)))), NOW)
    const answers = { unlocked: submission.unlocked(clock(3, a)), 'appliance-stored': submission['appliance-stored'](clock(3, a)) }
    const h = submitted(header(R, clock(4, a)))
    await applyPush(w.db, w.a, boxes.a.batch(m.submit(h, answers)), NOW)
    const [row] = await w.db.query<{ total: number; percent: number; band: string }>('select total::float8 as total, percent::float8 as percent, band from responses')
    // 用电 30 − 2 (one stored appliance), 治安 32 − 0.5 (unlocked once): 87.5 of 90 → 97.22 % → 优秀
    expect(row).toEqual({ total: 87.5, percent: 97.22, band: '优秀' })
    const expected = scoreResponse(dorm, { templateId: dorm.id, templateVersion: 1, answers: { unlocked: { value: 1 }, 'appliance-stored': { value: 1, attachments: ['ph-kettle'] } } })
    expect(row!.total).toBe(expected.total)
    const audit = await w.db.query<{ action: string; detail: { conflicts: number; responseIds: string[] } }>("select action, detail from audit_log order by id")
    expect(audit.map((e) => e.action)).toEqual(['publish', 'merge'])
    expect(audit[1]!.detail).toMatchObject({ conflicts: 1, responseIds: [R] })
  })
})
