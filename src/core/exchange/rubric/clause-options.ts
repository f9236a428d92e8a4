/**
 * A rule of several clauses, each a one-off deduction or a decision ("未分类扣2分；未登记扣1分",
 * "未开不得分；程序不全扣1"), becomes one option per clause: on a `multi` item each thing found
 * is ticked and the deductions add up (floored at 0, rule 2); on a `single` item (the table says
 * 单选) the clauses are alternatives beside 合格. Per-occurrence clauses (每…扣, 一次扣) cannot be
 * options: the caller flags those rows for a person instead.
 */
import type { Item, ItemType, Option } from '../../format/types'
import { presetOptions } from '../../builder/presets'
import type { ParsedRule, RuleClause } from './rule'

const hundredths = (n: number): number => Math.round(n * 100) / 100

/** True when every clause can be an option (none counts occurrences or adds points). */
export function clausesAsOptions(p: ParsedRule, given: ItemType | undefined): boolean {
  if (p.clauses.length < 2) return false
  if (given !== undefined && given !== 'multi' && given !== 'single') return false
  return p.clauses.every((c) => c.deductEach === undefined && c.bonusPoints === undefined)
}

function optionOf(c: RuleClause, i: number, max: number): Option {
  const deduct = c.zeroItem ? max : Math.min(c.deductOnce ?? 0, max)
  const o: Option = { id: `c${i + 1}`, label: c.condition, deduct: hundredths(deduct), flag: true }
  if (c.veto) o.veto = true
  if (c.zeroTotal) o.zero = 'total'
  return o
}

/** The item for a rule whose clauses are all options; `max` defaults to the deductions' sum. */
export function itemFromClauses(id: string, title: string, type: 'single' | 'multi', max: number | undefined, p: ParsedRule): Item {
  const m = max ?? hundredths(p.clauses.reduce((sum, c) => sum + (c.deductOnce ?? 0), 0))
  const options = p.clauses.map((c, i) => optionOf(c, i, m))
  if (type === 'multi') return { id, type, title, max: m, options }
  const pass = presetOptions('passFail', 0)[0]
  if (!pass) throw new Error('preset passFail lost its options')
  return { id, type, title, max: m, options: [{ id: pass.id, label: pass.label, deduct: 0 }, ...options] }
}
