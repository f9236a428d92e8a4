/** evaluation.md rule 3: a subject is vetoed by a majority (or any) of its reviews, at the most severe ceiling. */
import { describe, expect, it } from 'vitest'
import type { VetoRule } from '@/core/cycles'
import { cycle, evaluate, review, subjectOf, type ReviewOptions } from './builders'

type V = NonNullable<ReviewOptions['v']>

describe('rule 3: veto by majority or by any review', () => {
  it.each<[string, VetoRule, V[], boolean, string]>([
    ['majority: 1 of 3 is not a majority', 'majority', ['bad', 'ok', 'ok'], false, '优秀'],
    ['majority: exactly half (2 of 4) is not more than half', 'majority', ['bad', 'bad', 'ok', 'ok'], false, '优秀'],
    ['majority: 2 of 3 vetoes, at the lowest band for a true veto', 'majority', ['bad', 'bad', 'ok'], true, '不合格'],
    ['majority: the most severe ceiling among the vetoed reviews wins', 'majority', ['ceil', 'bad', 'ok'], true, '不合格'],
    ['majority: a ceiling veto caps at its band', 'majority', ['ceil', 'ceil', 'ok'], true, '合格'],
    ['any: one review of three is enough', 'any', ['ceil', 'ok', 'ok'], true, '合格'],
    ['any: no vetoed review, no veto', 'any', ['ok', 'ok', 'ok'], false, '优秀'],
    ['the default is majority', 'majority', ['bad', 'ok'], false, '优秀'],
  ])('%s', (name, rule, vs, vetoed, band) => {
    const panel = name.startsWith('the default') ? {} : { veto: rule }
    const responses = vs.map((v, i) => review('U', `r${i}`, 48, 48, { v }))
    const s = subjectOf(evaluate(cycle({ panel }), responses), 'U')
    // The points are still reported: 48 + 48 = 96 whatever the veto.
    expect(s).toMatchObject({ vetoed, band, total: 96, vetoedReviews: vs.filter((v) => v !== 'ok').length })
  })
})
