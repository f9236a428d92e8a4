/** cycleProgress: who has begun, submitted or not yet touched each subject of a cycle (issue #15 item 2). */
import { describe, expect, it } from 'vitest'
import { cycleProgress, type SubjectProgress } from '@/core/cycles'
import type { Response } from '@/core/format/types'
import { cycle, miniFixture, review } from './builders'

const withId = (r: Response, id: string, extra: Partial<Response> = {}): Response => ({ ...r, id, ...extra })

describe('cycleProgress on the mini fixture (drafts count as work begun)', () => {
  const { cycle: c, responses } = miniFixture()
  const progress = cycleProgress(c, responses)

  it('lists the subjects first seen in the responses, each with its self and reviews', () => {
    // S1: a (twice, both submitted), b, c submitted, d a draft, a submitted self; S4: d's inspection is no review.
    expect(progress.subjects.map((s) => [s.label, s.self, s.submittedReviews, Object.entries(s.reviews).map(([r, v]) => `${r}:${v.status}`)])).toEqual([
      ['S1', 'submitted', 3, ['a:submitted', 'b:submitted', 'c:submitted', 'd:draft']],
      ['S2', 'none', 4, ['a:submitted', 'b:submitted', 'c:submitted', 'd:submitted']],
      ['S3', 'none', 2, ['a:submitted', 'b:submitted']],
      ['S4', 'none', 3, ['a:submitted', 'b:submitted', 'c:submitted']],
    ])
  })

  it('counts per panel member, in the panel’s order, out of every subject', () => {
    expect(progress.reviewers).toEqual([
      { reviewer: 'a', submitted: 4, drafts: 0, of: 4 },
      { reviewer: 'b', submitted: 4, drafts: 0, of: 4 },
      { reviewer: 'c', submitted: 3, drafts: 0, of: 4 },
      { reviewer: 'd', submitted: 1, drafts: 1, of: 4 },
    ])
  })
})

describe('cycleProgress: which response shows', () => {
  const unit = (p: { subjects: SubjectProgress[] }, name: string) => p.subjects.find((s) => s.key.unit === name)
  it.each([
    ['a submitted review beats a later draft', [
      withId(review('U', 'a', 40, 40), 'sub'),
      withId(review('U', 'a', 1, 1, { status: 'draft' }), 'dr', { updatedAt: '2026-07-01T00:00:00Z' }),
    ], { status: 'submitted', id: 'sub' }],
    ['of two drafts the later edited one shows', [
      withId(review('U', 'a', 1, 1, { status: 'draft' }), 'new', { updatedAt: '2026-06-02T00:00:00Z' }),
      withId(review('U', 'a', 1, 1, { status: 'draft' }), 'old', { updatedAt: '2026-06-01T00:00:00Z' }),
    ], { status: 'draft', id: 'new' }],
    ['of two submitted the later submitted one shows', [
      withId(review('U', 'a', 1, 1, { at: '2026-06-03T00:00:00Z' }), 'late'),
      withId(review('U', 'a', 1, 1, { at: '2026-06-01T00:00:00Z' }), 'early'),
    ], { status: 'submitted', id: 'late' }],
    ['a reviewer’s name is trimmed', [withId(review('U', ' a ', 1, 1), 'x')], { status: 'submitted', id: 'x' }],
  ])('%s', (_name, responses, expected) => {
    expect(unit(cycleProgress(cycle(), responses), 'U')?.reviews).toEqual({ a: expected })
  })

  it('shows the self-assessment’s status and id', () => {
    const p = cycleProgress(cycle(), [withId(review('U', 'me', 1, 1, { role: 'self', status: 'draft' }), 'self-1')])
    expect(unit(p, 'U')).toMatchObject({ self: 'draft', selfId: 'self-1', submittedReviews: 0, reviews: {} })
  })

  it('skips responses that are not the cycle’s: another template version or cycle, an inspection, no reviewer or subject', () => {
    const p = cycleProgress(cycle(), [
      { ...review('U', 'a', 1, 1), templateVersion: 2 },
      { ...review('U', 'a', 1, 1), cycleId: 'other' },
      review('U', 'a', 1, 1, { role: 'inspection' }),
      { ...review('U', 'a', 1, 1), inspector: ' ' },
      { ...review('U', 'a', 1, 1), subject: {} },
    ])
    expect(p).toEqual({ subjects: [], reviewers: [] })
    expect(cycleProgress(cycle(), [{ ...review('U', 'a', 1, 1), cycleId: 'c' }]).subjects).toHaveLength(1)
  })

  it('lists the cycle’s subjects first, in their order, then others seen; members first, then other reviewers', () => {
    const c = cycle({ subjects: [{ unit: 'Z' }, { unit: 'A' }], panel: { members: ['q', 'p'] } })
    const p = cycleProgress(c, [review('B', 'x', 1, 1), review('A', 'p', 1, 1), review(' Z ', 'a', 1, 1, { status: 'draft' })])
    expect(p.subjects.map((s) => [s.label, s.submittedReviews])).toEqual([['Z', 0], ['A', 1], ['B', 1]])
    expect(p.reviewers).toEqual([
      { reviewer: 'q', submitted: 0, drafts: 0, of: 3 },
      { reviewer: 'p', submitted: 1, drafts: 0, of: 3 },
      { reviewer: 'a', submitted: 0, drafts: 1, of: 3 },
      { reviewer: 'x', submitted: 1, drafts: 0, of: 3 },
    ])
  })

  it('joins a key of several fields with a space, in subjectKey order', () => {
    const c = cycle({ subjectKey: ['year', 'unit'] })
    const p = cycleProgress(c, [{ ...review('U', 'a', 1, 1), subject: { unit: '护理', year: 2026 } }])
    expect(p.subjects[0]).toMatchObject({ key: { year: '2026', unit: '护理' }, label: '2026 护理' })
  })

  it('keeps a reviewer named like an Object property as a plain entry', () => {
    const p = cycleProgress(cycle(), [withId(review('U', '__proto__', 1, 1), 'x'), withId(review('U', 'constructor', 1, 1, { status: 'draft' }), 'y')])
    expect(Object.keys(p.subjects[0]?.reviews ?? {})).toEqual(['__proto__', 'constructor'])
    expect(p.reviewers.map((r) => [r.reviewer, r.submitted, r.drafts])).toEqual([['__proto__', 1, 0], ['constructor', 0, 1]])
  })
})
