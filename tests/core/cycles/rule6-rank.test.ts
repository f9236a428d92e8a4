/** evaluation.md rule 6: competition ranking by panel total; vetoed subjects after all others. */
import { describe, expect, it } from 'vitest'
import { competitionRanks } from '@/core/cycles'
import { cycle, evaluate, review } from './builders'

const s = (total: number, vetoed = false) => ({ totalH: Math.round(total * 100), vetoed })

describe('rule 6: ranks', () => {
  it.each([
    ['competition ranking: 1, 2, 2, 4', [s(100), s(90), s(90), s(80)], [1, 2, 2, 4]],
    ['input order does not matter', [s(80), s(90), s(100), s(90)], [4, 2, 1, 2]],
    ['a three-way tie skips two places', [s(90), s(90), s(90), s(10)], [1, 1, 1, 4]],
    ['a vetoed subject ranks after every subject not vetoed, whatever its total', [s(99, true), s(50)], [2, 1]],
    ['vetoed subjects tie among themselves the same way', [s(99, true), s(99, true), s(10), s(5, true)], [2, 2, 1, 4]],
    ['hundredths decide', [s(90.01), s(90)], [1, 2]],
    ['nothing to rank', [], []],
  ])('%s', (_name, subjects, ranks) => {
    expect(competitionRanks(subjects)).toEqual(ranks)
  })

  it('lists the subjects in rank order, equal ranks by key', () => {
    const responses = [
      review('B', 'a', 45, 45), review('A', 'a', 45, 45), review('V', 'a', 50, 50, { v: 'bad' }), review('C', 'a', 50, 45),
    ]
    const result = evaluate(cycle(), responses)
    expect(result.subjects.map((x) => [x.key.unit, x.total, x.rank, x.vetoed])).toEqual([
      ['C', 95, 1, false],
      ['A', 90, 2, false],
      ['B', 90, 2, false],
      ['V', 100, 4, true],
    ])
  })
})
