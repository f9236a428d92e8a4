import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decideAnswer, decideAttachment, decideByClock, decideHeader, decideImmutable, decideSubmission, headerRank, type Outcome } from '@/core/sync/decide'
import { encodeHlc } from '@/core/sync/hlc'
import type { ResponseHeader, SyncAnswer, SyncAttachment } from '@/core/sync/records'

const T = Date.parse('2026-12-02T08:00:00Z')
const clock = (dt: number, node = 'a', count = 0): string => encodeHlc({ wall: T + dt, count, node })
const answer = (value: number, dt: number, node = 'a'): SyncAnswer => ({ value, hlc: clock(dt, node) })
const header = (over: Partial<ResponseHeader> = {}): ResponseHeader => ({
  id: 'r1',
  templateId: 'dorm',
  templateVersion: 1,
  templateTitle: '宿舍检查',
  role: 'inspection',
  subject: { room: '301' },
  status: 'draft',
  inspector: '张老师',
  startedAt: '2026-12-02T08:00:00.000Z',
  updatedAt: '2026-12-02T08:00:00.000Z',
  hlc: clock(0),
  ...over,
})
const draft = header()
const submitted = header({ status: 'submitted', hlc: clock(50) })

describe('decideAnswer', () => {
  it.each<[string, SyncAnswer | undefined, SyncAnswer, Pick<ResponseHeader, 'status' | 'deleted'> | undefined, Outcome, 'held' | 'incoming' | undefined]>([
    ['a first answer', undefined, answer(1, 1), draft, 'apply', undefined],
    ['the same answer again', answer(1, 1), answer(1, 1), draft, 'same', undefined],
    ['a later clock', answer(1, 1), answer(2, 2), draft, 'apply', 'held'],
    ['an earlier clock', answer(1, 2), answer(2, 1), draft, 'stale', 'incoming'],
    ['the same ms, device b after device a', answer(1, 1, 'a'), answer(2, 1, 'b'), draft, 'apply', 'held'],
    ['the same value under a later clock (no loss)', answer(1, 1), answer(1, 2), draft, 'apply', undefined],
    ['an answer to a submitted response', answer(1, 1), answer(2, 9), submitted, 'locked', 'incoming'],
    ['an answer to a deleted draft', undefined, answer(2, 9), { status: 'draft', deleted: true }, 'locked', 'incoming'],
    ['an answer to a response this side lacks', undefined, answer(2, 9), undefined, 'locked', 'incoming'],
    ['a submitted answer arriving again with another clock', answer(1, 1), answer(1, 5), submitted, 'same', undefined],
  ])('%s', (_, held, incoming, response, outcome, loser) => {
    const d = decideAnswer(held, incoming, response)
    expect(d.outcome).toBe(outcome)
    expect(d.loser).toEqual(loser === 'held' ? held : loser === 'incoming' ? incoming : undefined)
  })
})

describe('decideHeader', () => {
  it.each<[string, ResponseHeader | undefined, ResponseHeader, Outcome]>([
    ['a new response', undefined, draft, 'apply'],
    ['the same header', draft, { ...draft }, 'same'],
    ['a later draft edit', draft, header({ subject: { room: '302' }, hlc: clock(5) }), 'apply'],
    ['an earlier draft edit', header({ hlc: clock(5) }), header({ subject: { room: '302' }, hlc: clock(4) }), 'stale'],
    ['a draft edit over a submission, however late', submitted, header({ hlc: clock(999) }), 'locked'],
    ['a discard over a later draft edit', header({ hlc: clock(9) }), header({ deleted: true, hlc: clock(1) }), 'apply'],
    ['a draft edit over a discard', header({ deleted: true, hlc: clock(1) }), header({ hlc: clock(9) }), 'stale'],
    ['a deleted submission over a submission', submitted, header({ status: 'submitted', deleted: true, hlc: clock(60) }), 'apply'],
  ])('%s', (_, held, incoming, outcome) => {
    expect(decideHeader(held, incoming)).toBe(outcome)
  })

  it('ranks draft < deleted draft < submitted < deleted submitted', () => {
    expect([draft, { ...draft, deleted: true as const }, submitted, { ...submitted, deleted: true as const }].map(headerRank)).toEqual([0, 1, 2, 3])
  })
})

describe('decideSubmission', () => {
  const sub = (dt: number, answers: Record<string, SyncAnswer>) => ({ header: header({ status: 'submitted', hlc: clock(dt), submittedAt: new Date(T + dt).toISOString() }), answers })

  it('replaces a draft, its differing and missing answers going to history', () => {
    const held = { header: draft, answers: { q1: answer(1, 1), q2: answer(5, 2), q3: answer(7, 3) } }
    const d = decideSubmission(held, sub(10, { q1: answer(1, 4), q2: answer(6, 4) }))
    expect(d.outcome).toBe('apply')
    expect(d.losers.map((l) => l.itemId).sort()).toEqual(['q2', 'q3'])
    expect(d.removed).toEqual(['q3'])
  })

  it('keeps the later of two submissions whole; the earlier one loses its differing answers', () => {
    const later = sub(20, { q1: answer(2, 15) })
    const earlier = sub(10, { q1: answer(1, 5), q2: answer(3, 5) })
    const d = decideSubmission(later, earlier)
    expect(d.outcome).toBe('stale')
    expect(d.losers.map((l) => l.itemId).sort()).toEqual(['q1', 'q2'])
    expect(decideSubmission(earlier, later).outcome).toBe('apply')
  })

  it('is the same when the same submission arrives twice', () => {
    const s = sub(10, { q1: answer(1, 5) })
    expect(decideSubmission(s, structuredClone(s))).toEqual({ outcome: 'same', losers: [], removed: [] })
  })
})

describe('decideByClock and decideImmutable', () => {
  it('keeps the later clock for tasks and template rows', () => {
    expect(decideByClock({ hlc: clock(1), v: 1 }, { hlc: clock(2), v: 2 })).toBe('apply')
    expect(decideByClock({ hlc: clock(2), v: 1 }, { hlc: clock(1), v: 2 })).toBe('stale')
    expect(decideByClock({ hlc: clock(2), v: 1 }, { v: 1, hlc: clock(2) })).toBe('same')
  })

  it('refuses other content under an immutable id', () => {
    expect(decideImmutable(undefined, { a: 1 })).toBe('apply')
    expect(decideImmutable({ a: 1, b: [1] }, { b: [1], a: 1 })).toBe('same')
    expect(decideImmutable({ a: 1 }, { a: 2 })).toBe('conflict')
  })
})

describe('decideAttachment', () => {
  const photo: SyncAttachment = {
    id: 'ph-1',
    responseId: 'r1',
    itemId: 'unlocked',
    name: 'door.jpg',
    type: 'image/jpeg',
    size: 10,
    createdAt: '2026-12-02T08:00:00.000Z',
    sha256: 'a'.repeat(64),
  }
  const gone: SyncAttachment = { ...photo, deleted: true }
  const other: SyncAttachment = { ...photo, sha256: 'b'.repeat(64) }

  it.each<[string, SyncAttachment | undefined, SyncAttachment, Outcome]>([
    ['new metadata is stored', undefined, photo, 'apply'],
    ['a deletion of metadata never seen is stored (it may arrive first)', undefined, gone, 'apply'],
    ['the same metadata again is the same', photo, { ...photo }, 'same'],
    ['a deletion beats the live metadata', photo, gone, 'apply'],
    ['live metadata never brings a deleted attachment back', gone, photo, 'stale'],
    ['the same deletion twice is the same', gone, { ...gone }, 'same'],
    ['other content under the id is a conflict', photo, other, 'conflict'],
    ['a deletion with other content is a conflict too', photo, { ...other, deleted: true }, 'conflict'],
    ['other content over a tombstone is a conflict', gone, other, 'conflict'],
  ])('%s', (_, held, incoming, expected) => {
    expect(decideAttachment(held, incoming)).toBe(expected)
  })

  it('ends with the tombstone whatever order the metadata and its deletion arrive in', () => {
    for (const order of [[photo, gone], [gone, photo], [photo, gone, photo], [gone, gone, photo]]) {
      let held: SyncAttachment | undefined
      for (const incoming of order) if (decideAttachment(held, incoming) === 'apply') held = incoming
      expect(held).toEqual(gone)
    }
  })
})

/**
 * The property sync's convergence rests on: a side that has seen the same edits holds the same
 * response, whatever order they arrived in. A small reducer applies edits with the rules above.
 */
type Edit =
  | { kind: 'answer'; itemId: string; answer: SyncAnswer }
  | { kind: 'header'; header: ResponseHeader }
  | { kind: 'submit'; header: ResponseHeader; answers: Record<string, SyncAnswer> }

interface Held {
  header: ResponseHeader
  answers: Record<string, SyncAnswer>
}

function applyEdit(s: Held, e: Edit): Held {
  if (e.kind === 'answer') {
    const d = decideAnswer(s.answers[e.itemId], e.answer, s.header)
    return d.outcome === 'apply' ? { ...s, answers: { ...s.answers, [e.itemId]: e.answer } } : s
  }
  if (e.kind === 'header') return decideHeader(s.header, e.header) === 'apply' ? { ...s, header: e.header } : s
  return decideSubmission(s, e).outcome === 'apply' ? { header: e.header, answers: e.answers } : s
}

/** What a person can see: a deleted response has no answers to show. */
const visible = (s: Held): unknown => (s.header.deleted ? { header: s.header } : s)

describe('order independence (property)', () => {
  const nodes = ['a', 'b', 'c']
  const items = ['q1', 'q2', 'q3']
  // Distinct clocks per edit (wall, count, node), as real devices produce.
  const edit = (i: number): fc.Arbitrary<Edit> => {
    const hlcArb = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom(...nodes)).map(([dt, node]) => clock(dt, node, i))
    const answerArb = fc.tuple(fc.integer({ min: 0, max: 3 }), hlcArb).map(([value, hlc]) => ({ value, hlc }))
    return fc.oneof(
      fc.tuple(fc.constantFrom(...items), answerArb).map(([itemId, a]) => ({ kind: 'answer' as const, itemId, answer: a })),
      fc.tuple(hlcArb, fc.constantFrom('301', '302'), fc.boolean()).map(([hlc, room, deleted]) => ({
        kind: 'header' as const,
        header: header({ hlc, subject: { room }, ...(deleted && { deleted: true as const }) }),
      })),
      fc.tuple(hlcArb, fc.dictionary(fc.constantFrom(...items), answerArb, { maxKeys: 3 })).map(([hlc, answers]) => ({
        kind: 'submit' as const,
        header: header({ status: 'submitted', hlc }),
        answers,
      })),
    )
  }
  const edits = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => edit(i))))

  it('gives the same visible response for every order of the same edits', () => {
    fc.assert(
      fc.property(edits, fc.infiniteStream(fc.nat()), (list, randoms) => {
        const start: Held = { header: draft, answers: {} }
        const inOrder = list.reduce(applyEdit, start)
        const shuffled = [...list]
        const r = randoms[Symbol.iterator]()
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (r.next().value as number) % (i + 1)
          ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
        }
        expect(visible(shuffled.reduce(applyEdit, start))).toEqual(visible(inOrder))
        // And applying everything again changes nothing (a replayed push).
        expect(visible(list.reduce(applyEdit, inOrder))).toEqual(visible(inOrder))
      }),
      { numRuns: 500 },
    )
  })
})
