/** The self-assessment beside the panel result, and a cycle beside the one before it. */
import { describe, expect, it } from 'vitest'
import { compareCycles, evaluateCycle } from '@/core/cycles'
import { scoreResponse } from '@/core/scoring'
import { cycle, evaluate, review, subjectOf, template } from './builders'

describe('self vs panel (evaluation.md: a self response is shown beside the panel result)', () => {
  it('reports the latest self total and panel − self, exact in hundredths', () => {
    const responses = [
      review('U', 'a', 45.1, 45), review('U', 'b', 45.2, 45), // panel (90.1 + 90.2) / 2 = 90.15
      review('U', 'me', 40, 40, { role: 'self', at: '2026-05-01T00:00:00Z' }),
      review('U', 'me', 45.1, 45.2, { role: 'self', at: '2026-05-02T00:00:00Z' }), // 90.3 counts
    ]
    expect(subjectOf(evaluate(cycle(), responses), 'U')).toMatchObject({ total: 90.15, self: 90.3, selfDifference: -0.15 })
  })

  it('has null figures without a self-assessment', () => {
    expect(subjectOf(evaluate(cycle(), [review('U', 'a', 40, 40)]), 'U')).toMatchObject({ self: null, selfDifference: null })
  })
})

describe('compareCycles: rank and score change against the previous cycle', () => {
  it('matches subjects by key and says how far each moved', () => {
    const before = evaluate(cycle({ id: 'c-2025' }), [review('A', 'a', 45, 45), review('B', 'a', 40, 40.5)])
    const now = evaluate(cycle({ id: 'c-2026' }), [review('A', 'a', 40, 40.2), review('B', 'a', 45, 45), review('N', 'a', 30, 30)])
    expect(compareCycles(now, before)).toEqual([
      { key: { unit: 'B' }, rank: 1, previousRank: 2, rankChange: 1, total: 90, previousTotal: 80.5, totalChange: 9.5, band: '优秀', previousBand: '合格' },
      { key: { unit: 'A' }, rank: 2, previousRank: 1, rankChange: -1, total: 80.2, previousTotal: 90, totalChange: -9.8, band: '合格', previousBand: '优秀' },
      { key: { unit: 'N' }, rank: 3, previousRank: null, rankChange: null, total: 60, previousTotal: null, totalChange: null, band: '合格', previousBand: null },
    ])
  })
})

describe('evaluateCycle with stored scores (scoreOf)', () => {
  it('uses the scores given instead of scoring, for reviews and the self-assessment alike', () => {
    const responses = [review('U', 'a', 40, 40), review('U', 'me', 30, 30, { role: 'self' })]
    const plain = evaluate(cycle(), responses)
    expect(subjectOf(plain, 'U')).toMatchObject({ total: 80, self: 60 })
    const seen: string[] = []
    const r = evaluateCycle(cycle(), template, responses, {
      scoreOf: (response) => {
        seen.push(response.inspector ?? '')
        // The stored score of the same answers, by the one scorer, with a marker total.
        return { ...scoreResponse(template, response), total: response.role === 'self' ? 61 : 81 }
      },
    })
    expect(r.ok && subjectOf(r.value, 'U')).toMatchObject({ total: 81, self: 61, selfDifference: 20 })
    expect(seen.sort()).toEqual(['a', 'me'])
  })
})
