/** evaluation.md rule 2 and `panel.aggregate`: every figure aggregated on its own, exact in hundredths. */
import { describe, expect, it } from 'vitest'
import { aggregateH, type AggregateMethod } from '@/core/cycles'
import { cycle, evaluate, review, reviewsOf, subjectOf } from './builders'

const h = (xs: number[]) => xs.map((x) => Math.round(x * 100))

describe('rule 2: the aggregate methods (mean, median, trimmedMean)', () => {
  it.each<[string, AggregateMethod, number[], number | null, number?]>([
    ['mean: the exact sum divided once', 'mean', [90, 85.5, 80.25], 85.25], // 255.75 / 3
    ['mean: rounds half-up to hundredths', 'mean', [0.01, 0.02], 0.02], // 0.015
    ['mean: rounds down below the half', 'mean', [90, 90, 90.01], 90], // 270.01 / 3 = 90.0033
    ['mean: no 0.1 + 0.2 artefacts', 'mean', [0.1, 0.2, 0.3], 0.2],
    ['median of an odd count: the middle value', 'median', [70, 99, 95], 95],
    ['median of an even count: the mean of the two middle values', 'median', [94, 97, 95, 95], 95],
    ['median of an even count rounds half-up', 'median', [92.25, 92.5], 92.38], // 92.375
    ['trimmedMean with 5 values (≥ 2×1+3) drops the highest and the lowest', 'trimmedMean', [100.55, 96.1, 98, 100.55, 96.1], 98.22], // (96.1+98+100.55)/3 = 98.2166…
    ['trimmedMean with 4 values (< 5) is the plain mean', 'trimmedMean', [98, 98, 96.1, 96.1], 97.05],
    ['trimmedMean with trim 2 needs 7 values: 6 give the mean', 'trimmedMean', [1, 2, 3, 4, 5, 100], 19.17, 2], // 115 / 6 = 19.1666…
    ['trimmedMean with trim 2 and 7 values drops two at each end', 'trimmedMean', [1, 2, 3, 4, 5, 100, 0], 3, 2], // (2+3+4)/3
    ['trimmedMean with trim 0 is the mean', 'trimmedMean', [10, 20, 60], 30, 0],
    ['no values: no figure', 'mean', [], null],
  ])('%s', (_name, method, values, expected, trim) => {
    const got = aggregateH(h(values), method, trim)
    expect(got === null ? null : got / 100).toBe(expected)
  })

  it('defaults to the mean', () => {
    expect(subjectOf(evaluate(cycle(), reviewsOf('U', [90, 80, 40])), 'U').total).toBe(70)
  })
})

describe('rule 2: total, percent and each section are aggregated each on its own', () => {
  it('gives the median of each figure, so the panel sections need not add up to the panel total', () => {
    // (x, y): (45, 50) = 95, (48, 48) = 96, (45, 45) = 90
    // total: median(90, 95, 96) = 95; s1: median(45, 48, 45) = 45; s2: median(50, 48, 45) = 48; 45 + 48 = 93 ≠ 95
    const responses = [review('U', 'a', 45, 50), review('U', 'b', 48, 48), review('U', 'c', 45, 45)]
    const s = subjectOf(evaluate(cycle({ panel: { aggregate: 'median' } }), responses), 'U')
    expect(s).toMatchObject({ total: 95, percent: 95, sections: { s1: 45, s2: 48 }, sectionPercents: { s1: 90, s2: 96 } })
  })

  it('aggregates the reviews’ percents, not the percent of the aggregated total, and skips reviews without one', () => {
    // a: x N/A, y 45 → total 45 of max 50 → 90 %; s1 has no percent (max 0)
    // b: 40 + 40 = 80 of 100 → 80 %; mean total (45 + 80) / 2 = 62.5; mean percent (90 + 80) / 2 = 85
    // s1 percent: only b's 80; s1 points: mean(0, 40) = 20
    const na = review('U', 'a', 0, 45)
    na.answers.x = { na: true }
    const s = subjectOf(evaluate(cycle(), [na, review('U', 'b', 40, 40)]), 'U')
    expect(s).toMatchObject({ total: 62.5, percent: 85, sections: { s1: 20, s2: 42.5 }, sectionPercents: { s1: 80, s2: 85 } })
  })
})
