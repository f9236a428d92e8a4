/** Pull: paged changes after a cursor, every change exactly once, submissions whole. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Change } from '@/core/sync'
import { applyPush } from '../../../server/sync/push'
import { pullChanges } from '../../../server/sync/pull'
import { DATABASE_KINDS } from '../support/databases'
import { answer, attachment, clock, header, m, NOW, Outbox, submitted, task } from './support/builders'
import { resetSync, syncWorld, type SyncWorld } from './support/world'

const rid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

/** A change's identity: the record it carries. */
function key(c: Change): string {
  switch (c.kind) {
    case 'response':
      return `response:${c.response.id}:${c.response.hlc}`
    case 'answer':
      return `answer:${c.responseId}/${c.itemId}:${c.answer.hlc}`
    case 'template':
      return `template:${c.template.id}`
    case 'templateVersion':
      return `version:${c.version.templateId}@${c.version.version}`
    case 'task':
      return `task:${c.task.id}:${c.task.hlc}`
    case 'attachment':
      return `attachment:${c.attachment.id}`
    case 'plan':
      return `plan:${c.plan.id}:${c.plan.updatedAt}`
    case 'subject':
      return `subject:${c.subject.id}@${c.subject.version}`
    case 'cycle':
      return `cycle:${c.cycle.id}:${c.cycle.updatedAt}`
  }
}

describe.each(DATABASE_KINDS)('pull on %s', (kind) => {
  let w: SyncWorld
  beforeAll(async () => {
    w = await syncWorld(kind)
  })
  afterAll(async () => {
    await w.db.close()
  })
  beforeEach(async () => {
    await resetSync(w.db)
  })

  it('returns every change exactly once across pages, oldest first, while another push lands between pages', async () => {
    const a = w.a.deviceId
    const b = w.b.deviceId
    const boxA = new Outbox(a)
    const boxB = new Outbox(b)
    const first = [m.version()]
    for (let i = 1; i <= 6; i++) first.push(m.response(header(rid(i), clock(i, a))), m.answer(rid(i), 'unlocked', answer(1, clock(i, a, 1))))
    await applyPush(w.db, w.a, boxA.batch(...first), NOW)

    const seen: Change[] = []
    let cursor = 0
    let pages = 0
    for (;;) {
      const page = await pullChanges(w.db, w.b, cursor, 4)
      expect(page.changes.length).toBeLessThanOrEqual(4)
      seen.push(...page.changes)
      expect(page.cursor).toBeGreaterThanOrEqual(cursor)
      cursor = page.cursor
      pages++
      if (pages === 2) {
        // Tablet B pushes in the middle of its own pull: a new response and a newer answer to response 1.
        await applyPush(w.db, w.b, boxB.batch(m.response(header(rid(7), clock(20, b))), m.answer(rid(1), 'unlocked', answer(2, clock(21, b)))), NOW)
      }
      if (!page.more) break
    }
    const keys = seen.map(key)
    expect(new Set(keys).size).toBe(keys.length)
    const cursors = seen.map((c) => c.cursor)
    expect(cursors).toEqual([...cursors].sort((x, y) => x - y))
    // 1 version + 6 headers + 6 answers, then B's header and its newer answer to response 1.
    expect(keys).toHaveLength(15)
    expect(keys).toEqual(expect.arrayContaining([`response:${rid(7)}:${clock(20, b)}`, `answer:${rid(1)}/unlocked:${clock(21, b)}`]))
    // Response 1's answer was pulled on the first page; its replacement comes later, so it is the last word.
    expect(keys.filter((k) => k.startsWith(`answer:${rid(1)}/`))).toEqual([`answer:${rid(1)}/unlocked:${clock(1, a, 1)}`, `answer:${rid(1)}/unlocked:${clock(21, b)}`])
    const empty = await pullChanges(w.db, w.b, cursor, 4)
    expect(empty).toMatchObject({ changes: [], cursor, more: false })
  })

  it('sends a submitted response whole, its answers inside, and no separate answer changes for it', async () => {
    const a = w.a.deviceId
    const box = new Outbox(a)
    await applyPush(
      w.db,
      w.a,
      box.batch(
        m.version(),
        m.response(header(rid(1), clock(1, a))),
        m.answer(rid(1), 'unlocked', answer(1, clock(2, a))),
        m.submit(submitted(header(rid(1), clock(4, a))), { unlocked: answer(1, clock(2, a)), 'late-return': answer(0, clock(3, a)) }),
        m.response(header(rid(2), clock(5, a))),
        m.answer(rid(2), 'unlocked', answer(2, clock(6, a))),
        m.response({ ...header(rid(3), clock(7, a)) }),
        m.response({ ...header(rid(3), clock(8, a)), deleted: true }),
        m.task(task('t1', rid(1), clock(9, a))),
      ),
      NOW,
    )
    const page = await pullChanges(w.db, w.b, 0, 100)
    expect(page.more).toBe(false)
    const responses = page.changes.filter((c) => c.kind === 'response')
    expect(responses.map((c) => [c.response.id, c.response.status, c.response.deleted ?? false, c.answers && Object.keys(c.answers).sort()])).toEqual([
      [rid(1), 'submitted', false, ['late-return', 'unlocked']],
      [rid(2), 'draft', false, undefined],
      [rid(3), 'draft', true, undefined],
    ])
    const answers = page.changes.filter((c) => c.kind === 'answer')
    expect(answers.map((c) => [c.responseId, c.itemId, c.answer.value])).toEqual([[rid(2), 'unlocked', 2]])
    expect(page.changes.map((c) => c.kind)).toEqual(['templateVersion', 'response', 'response', 'answer', 'response', 'task'])
  })

  it("sends an attachment's deletion after a cursor that had seen its metadata, and only the tombstone to a device starting afresh", async () => {
    const a = w.a.deviceId
    const box = new Outbox(a)
    const photo = attachment('ph-1', rid(1), 'a'.repeat(64), 10)
    await applyPush(w.db, w.a, box.batch(m.version(), m.response(header(rid(1), clock(1, a))), m.attachment(photo)), NOW)
    const before = await pullChanges(w.db, w.b, 0, 100)
    expect(before.changes.filter((c) => c.kind === 'attachment').map((c) => c.attachment)).toEqual([photo])

    await applyPush(w.db, w.a, box.batch(m.attachment({ ...photo, deleted: true })), NOW)
    const after = await pullChanges(w.db, w.b, before.cursor, 100)
    expect(after.changes.map((c) => c.kind === 'attachment' && c.attachment)).toEqual([{ ...photo, deleted: true }])
    const afresh = await pullChanges(w.db, w.b, 0, 100)
    expect(afresh.changes.filter((c) => c.kind === 'attachment').map((c) => c.attachment)).toEqual([{ ...photo, deleted: true }])
  })

  it('says more waits exactly when it does, and records when the device last pulled', async () => {
    const a = w.a.deviceId
    await applyPush(w.db, w.a, new Outbox(a).batch(m.version(), m.response(header(rid(1), clock(1, a)))), NOW)
    const one = await pullChanges(w.db, w.b, 0, 1)
    expect(one).toMatchObject({ more: true })
    expect(one.changes).toHaveLength(1)
    const two = await pullChanges(w.db, w.b, one.cursor, 1)
    expect(two).toMatchObject({ more: false })
    expect(two.changes).toHaveLength(1)
    const rows = await w.db.query<{ at: Date | null }>('select last_pull_at as at from device_sync where device_id = $1', [w.b.deviceId])
    expect(rows[0]?.at).toBeInstanceOf(Date)
  })
})
