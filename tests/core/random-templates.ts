/**
 * Random templates and answers for property tests of the answer model and scoring: visibility
 * (items, and a section hanging on a rule), requiredIf, defaults, N/A, evidence, vetoes, band
 * ceilings and red lines, grade bands; answers valid for each item, or absent, or N/A.
 */
import fc from 'fast-check'
import type { Answer, EvidenceRule, Item, JsonLogicRule, Option, Section, Template, TemplateScoring } from '@/core/format/types'
import { count, ded, multi, opt, pts, scored, section, single, text, tpl } from './scoring/builders'

export type Kind = 'single' | 'multi' | 'count' | 'score' | 'text'

interface ItemPlan {
  kind: Kind
  required: boolean
  na: boolean
  withDefault: boolean
  /** Index of an earlier single item the rule reads, or null for no rule. */
  visibleOn: number | null
  requiredOn: number | null
  evidence: EvidenceRule | undefined
  /** What the flagged option of a single item sets off besides its points (rule 7). */
  trigger: Trigger
}

type Trigger = 'none' | 'veto' | 'ceiling' | 'zeroItem' | 'zeroSection' | 'zeroTotal'

const triggers: fc.Arbitrary<Trigger> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Trigger>('none') },
  { weight: 1, arbitrary: fc.constantFrom<Trigger>('veto', 'ceiling', 'zeroItem', 'zeroSection', 'zeroTotal') },
)

const TRIGGER_OPTION: Record<Trigger, Partial<Option>> = {
  none: {},
  veto: { veto: true },
  ceiling: { veto: 'mid' },
  zeroItem: { zero: 'item' },
  zeroSection: { zero: 'section' },
  zeroTotal: { zero: 'total' },
}

/** Three bands on the percentage, best first; `mid` is the ceiling a non-lowest veto names. */
const BANDS: TemplateScoring = {
  basis: 'percent',
  bands: [
    { id: 'top', label: '优秀', min: 90 },
    { id: 'mid', label: '合格', min: 60 },
    { id: 'low', label: '不合格', min: 0 },
  ],
}

const evidence: fc.Arbitrary<EvidenceRule | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ required: fc.constantFrom('always' as const, 'onFlag' as const, 'never' as const), min: fc.integer({ min: 1, max: 2 }) }) },
)

const itemPlan: fc.Arbitrary<ItemPlan> = fc.record({
  kind: fc.constantFrom<Kind>('single', 'single', 'multi', 'count', 'score', 'text'),
  required: fc.boolean(),
  na: fc.boolean(),
  withDefault: fc.boolean(),
  visibleOn: fc.option(fc.nat(), { nil: null }),
  requiredOn: fc.option(fc.nat(), { nil: null }),
  evidence,
  trigger: triggers,
})

/** `{"==": [{"var": id}, "ok"]}` on an earlier single item, if there is one. */
function ruleOn(pick: number | null, earlierSingles: readonly string[]) {
  if (pick === null || earlierSingles.length === 0) return undefined
  return { '==': [{ var: earlierSingles[pick % earlierSingles.length] as string }, 'ok'] }
}

function buildItem(id: string, plan: ItemPlan, earlierSingles: readonly string[]): Item {
  const common: { required?: boolean; na?: boolean; visibleIf?: JsonLogicRule; requiredIf?: JsonLogicRule; evidence?: EvidenceRule } = {}
  if (plan.required) common.required = true
  if (plan.na) common.na = true
  const visibleIf = ruleOn(plan.visibleOn, earlierSingles)
  const requiredIf = ruleOn(plan.requiredOn, earlierSingles)
  if (visibleIf) common.visibleIf = visibleIf
  if (requiredIf) common.requiredIf = requiredIf
  if (plan.evidence) common.evidence = plan.evidence
  switch (plan.kind) {
    case 'single':
      return single(id, [pts('ok', 2), pts('bad', 0, { flag: true, ...TRIGGER_OPTION[plan.trigger] }), opt('skip', { na: true })], {
        ...common,
        ...(plan.withDefault ? { default: 'ok' } : {}),
      })
    case 'multi':
      return multi(id, [ded('a', 1, { flag: true }), ded('b', 1)], { max: 2, ...common })
    case 'count':
      return count(id, 3, 1, { flag: true, ...common, ...(plan.withDefault ? { default: 0 } : {}) })
    case 'score':
      return scored(id, 5, { step: 0.5, ...common })
    case 'text':
      return text(id, common)
  }
}

/** 1–3 top sections (the first may have a child section, the last may hang on a rule), 1–4 items each. */
export const templates: fc.Arbitrary<Template> = fc
  .record({
    shape: fc.array(fc.array(itemPlan, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    child: fc.option(fc.array(itemPlan, { minLength: 1, maxLength: 3 }), { nil: null }),
    hideLast: fc.boolean(),
    banded: fc.boolean(),
  })
  .map(({ shape, child, hideLast, banded }) => {
    let n = 0
    const singles: string[] = []
    const items = (plans: ItemPlan[]): Item[] =>
      plans.map((plan) => {
        const id = `q${++n}`
        const item = buildItem(id, plan, singles)
        if (item.type === 'single') singles.push(id)
        return item
      })
    const sections: Section[] = shape.map((plans, s) => section(`s${s}`, items(plans)))
    const first = sections[0] as Section
    if (child) first.sections = [section('child', items(child))]
    const last = sections[sections.length - 1] as Section
    if (hideLast && sections.length > 1 && singles[0] !== undefined && !last.items.some((i) => i.id === singles[0])) {
      last.visibleIf = { '!=': [{ var: singles[0] }, 'bad'] }
    }
    return banded ? tpl(sections, BANDS) : tpl(sections)
  })

export const allItems = (t: Template): Item[] => {
  const out: Item[] = []
  const walk = (s: Section): void => {
    out.push(...s.items)
    s.sections?.forEach(walk)
  }
  t.sections.forEach(walk)
  return out
}

/** A valid value for the item, or (for text) sometimes blank. */
function valueFor(item: Item): fc.Arbitrary<Answer['value']> {
  switch (item.type) {
    case 'single':
      return fc.constantFrom('ok', 'bad', 'skip')
    case 'multi':
      return fc.subarray(['a', 'b'])
    case 'count':
      return fc.integer({ min: 0, max: 4 })
    case 'score':
      return fc.integer({ min: 0, max: 10 }).map((h) => h / 2)
    case 'text':
      return fc.constantFrom('', '  ', '\n', '插座完好', ' x ')
    default:
      return fc.constant(undefined)
  }
}

export function answerFor(item: Item): fc.Arbitrary<Answer | undefined> {
  const attachments = fc.option(fc.array(fc.constantFrom('p1', 'p2', 'p3'), { minLength: 1, maxLength: 3 }), { nil: undefined })
  const given = fc.record({ value: valueFor(item), attachments }).map((a): Answer => {
    const out: Answer = {}
    if (a.value !== undefined) out.value = a.value
    if (a.attachments !== undefined) out.attachments = [...new Set(a.attachments)]
    return out
  })
  const na = item.type !== 'info' && item.na === true ? fc.constant<Answer>({ na: true }) : given
  return fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: na }, { weight: 5, arbitrary: given })
}

export const answersFor = (t: Template): fc.Arbitrary<Record<string, Answer>> =>
  fc.tuple(...allItems(t).map(answerFor)).map((list) => {
    const out: Record<string, Answer> = {}
    allItems(t).forEach((item, i) => {
      const a = list[i]
      if (a !== undefined) out[item.id] = a
    })
    return out
  })
