/** evaluation.md rule 1 and the cycle file's `subjectKey`: which responses count, and for whom. */
import { describe, expect, it } from 'vitest'
import { evaluateCycle } from '@/core/cycles'
import { cycle, evaluate, review, subjectOf, template } from './builders'

describe('rule 1: one review per reviewer, the later submittedAt counts, drafts never count', () => {
  it.each([
    ['the later submission counts whatever the order given', [
      review('U', 'a', 20, 20, { at: '2026-06-01T08:00:00Z' }),
      review('U', 'a', 40, 40, { at: '2026-06-02T08:00:00Z' }),
    ], [80]],
    ['the later submission counts when it is given first', [
      review('U', 'a', 40, 40, { at: '2026-06-02T08:00:00Z' }),
      review('U', 'a', 20, 20, { at: '2026-06-01T08:00:00Z' }),
    ], [80]],
    ['times compare as instants, not as text (+08:00 is earlier than Z here)', [
      review('U', 'a', 40, 40, { at: '2026-06-01T09:00:00Z' }),
      review('U', 'a', 20, 20, { at: '2026-06-01T16:00:00+08:00' }),
    ], [80]],
    ['equal times fall back to the response id', [
      review('U', 'a', 40, 40, { id: 'b-2' }),
      review('U', 'a', 20, 20, { id: 'a-1' }),
    ], [80]],
    ['a draft never counts, even when later', [
      review('U', 'a', 40, 40, { at: '2026-06-01T08:00:00Z' }),
      review('U', 'a', 1, 1, { status: 'draft' }),
    ], [80]],
    ['two reviewers count once each, in reviewer order', [
      review('U', 'b', 30, 30),
      review('U', 'a', 40, 40),
    ], [80, 60]],
    ['an inspection is not a review', [
      review('U', 'a', 40, 40),
      review('U', 'b', 1, 1, { role: 'inspection' }),
    ], [80]],
    ['a self-assessment is never aggregated', [
      review('U', 'a', 40, 40),
      review('U', 'me', 1, 1, { role: 'self' }),
    ], [80]],
  ])('%s', (_name, responses, totals) => {
    const s = subjectOf(evaluate(cycle(), responses), 'U')
    expect(s.totals).toEqual(totals)
    expect(s.reviews).toBe(totals.length)
  })

  it('says which responses it left out, pointing into each response and naming its place in the list', () => {
    const other = { ...review('U', 'c', 1, 1), templateVersion: 2 }
    const nameless = { ...review('U', 'd', 1, 1), inspector: '  ' }
    const noSubject = { ...review('U', 'e', 1, 1), subject: { year: '2026' } }
    const r = evaluateCycle(cycle(), template, [review('U', 'a', 40, 40), review('U', 'b', 1, 1, { status: 'draft' }), other, nameless, noSubject])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.subjects.map((s) => s.totals)).toEqual([[80]])
    expect(r.warnings.map((w) => [w.code, w.pointer, w.params?.response, w.severity])).toEqual([
      ['cycle.responseDraft', '/status', 1, 'warning'],
      ['cycle.responseOtherTemplate', '/templateVersion', 2, 'warning'],
      ['cycle.responseNoReviewer', '/inspector', 3, 'warning'],
      ['cycle.responseNoSubject', '/subject/unit', 4, 'warning'],
    ])
    expect(r.warnings[1]?.message.en).toContain('panel-test@2')
  })
})

describe('a response of another cycle (cycleId) is not the cycle’s', () => {
  const own = (r: ReturnType<typeof review>, cycleId?: string) => (cycleId === undefined ? r : { ...r, cycleId })
  it.each([
    ['no cycleId counts (a file written by hand)', undefined, [80, 60]],
    ['the cycle’s own id counts', 'c', [80, 60]],
    ['another cycle’s id is left out', 'c-2025', [80]],
    ['ids compare exactly: a case difference is another cycle', 'C', [80]],
  ])('%s', (_name, cycleId, totals) => {
    const r = evaluateCycle(cycle(), template, [review('U', 'a', 40, 40), own(review('U', 'b', 30, 30), cycleId)])
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    expect(subjectOf(r.value, 'U').totals).toEqual(totals)
    const left = r.warnings.filter((w) => w.code === 'cycle.responseOtherCycle')
    expect(left.map((w) => [w.pointer, w.params?.response, w.severity])).toEqual(totals.length === 1 ? [['/cycleId', 1, 'warning']] : [])
  })

  it('leaves out a self-assessment of another cycle too, and names both cycles', () => {
    const r = evaluateCycle(cycle(), template, [review('U', 'a', 40, 40), { ...review('U', 'me', 50, 50, { role: 'self' }), cycleId: 'old' }])
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    expect(subjectOf(r.value, 'U').self).toBeNull()
    expect(r.warnings[0]?.message['zh-CN']).toContain('old')
    expect(r.warnings[0]?.message.en).toBe('This response belongs to cycle old, not c; left out.')
  })
})

describe('subjectKey: subjects compare by their key fields, trimmed', () => {
  it('joins " U " and "U" into one subject and reports the trimmed key', () => {
    const result = evaluate(cycle(), [review(' U ', 'a', 40, 40), review('U', 'b', 30, 30)])
    expect(result.subjects).toHaveLength(1)
    expect(result.subjects[0]).toMatchObject({ key: { unit: 'U' }, totals: [80, 60] })
  })

  it('tells subjects apart by every key field, and a number equals its text', () => {
    const c = cycle({ subjectKey: ['unit', 'year'] })
    const at = (unit: string, year: string | number, who: string) => ({ ...review(unit, who, 40, 40), subject: { unit, year } })
    const result = evaluate(c, [at('U', 2025, 'a'), at('U', '2025', 'b'), at('U', '2026', 'a')])
    expect(result.subjects.map((s) => [s.key, s.reviews])).toEqual([
      [{ unit: 'U', year: '2025' }, 2],
      [{ unit: 'U', year: '2026' }, 1],
    ])
  })

  it('lists subjects without a counted review as unreviewed, with their self total', () => {
    const c = cycle({ subjects: [{ unit: 'U' }, { unit: 'V' }] })
    const result = evaluate(c, [review('U', 'a', 40, 40), review('W', 'me', 30, 30, { role: 'self' })])
    expect(result.subjects.map((s) => s.key.unit)).toEqual(['U'])
    expect(result.unreviewed).toEqual([{ key: { unit: 'V' }, self: null }, { key: { unit: 'W' }, self: 60 }])
  })

  it('still counts, with a warning, a reviewer off the panel list and a subject off the cycle list', () => {
    const c = cycle({ subjects: [{ unit: 'U' }], panel: { members: ['a'] } })
    const r = evaluateCycle(c, template, [review('U', 'a', 40, 40), review('U', 'z', 30, 30), review('X', 'a', 10, 10)])
    expect(r.ok && r.value.subjects.map((s) => [s.key.unit, s.reviews])).toEqual([['U', 2], ['X', 1]])
    expect(r.ok && r.warnings.map((w) => [w.code, w.params?.response])).toEqual([
      ['cycle.reviewerNotOnPanel', 1],
      ['cycle.subjectNotInCycle', 2],
    ])
  })
})
