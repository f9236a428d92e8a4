/**
 * The shapes of the scoring index (`template-index.ts` builds them): one uniform node per section
 * and item, the visibility plan and the scratch arrays. Kept apart from the code that builds and
 * reads them so that the scoring files depend on these types, not on each other (no import cycle).
 */
import type { AnswerValue, EvidenceRule, Item, ItemType, JsonLogicRule, Option, ScoreResult, Section, Step, Template, Threshold, Veto, ZeroScope } from '../format/types'
import type { RuleMemo } from './rule-memo'

/** What a chosen option (or a count > 0) sets off: a finding, a veto, a red line. */
export interface Trigger {
  optionId?: string
  flag: boolean
  veto?: Veto
  zero?: ZeroScope
}

export interface SectionNode {
  section: Section
  /** JSON pointer into the template, for issues (`/sections/0/sections/1`). */
  pointer: string
  /** Index into `TemplateIndex.sections` (template pre-order). */
  index: number
  parent: number | null
  root: number
  /** 0 for a top-level section, 1 for a child section, 2+ for nesting the format forbids. */
  depth: number
  /** The section or an ancestor is a bonus section (加分项). */
  bonus: boolean
  children: number[]
  items: number[]
}

/** An option with what choosing it means, worked out once. */
export interface Choice {
  option: Option
  /** `option.id`, read from this uniform object rather than options of varying shapes. */
  id: string
  /** Points of an additive option, or what a deductive option deducts, in hundredths. */
  pointsH: number
  /** The step a single-choice answer records; shared between results, so frozen. */
  step: Step
  trigger: Trigger | null
  /** Choosing the option marks the item not applicable (read here: options vary in shape). */
  na: boolean
}

/**
 * An item with everything scoring reads from it. Hot paths read these uniform nodes instead of
 * the template's items, whose shapes vary from item to item (slow property access in V8).
 */
export interface ItemNode {
  item: Item
  /** JSON pointer into the template, for issues (`/sections/0/items/3`). */
  pointer: string
  id: string
  kind: ItemType
  index: number
  /** Innermost section. */
  section: number
  root: number
  sectionId: string
  rootSectionId: string
  defaultValue: AnswerValue | undefined
  allowNegative: boolean
  required: boolean
  requiredIf: JsonLogicRule | undefined
  /** The last decision of `requiredIf`, reused while its inputs are unchanged (see `rule-memo.ts`). */
  requiredMemo: RuleMemo | null
  evidence: EvidenceRule | undefined
  /** The item is marked bonus or sits in a bonus section. */
  bonus: boolean
  scored: boolean
  maxH: number
  /** `maxH` in points, as results show it. */
  max: number
  /** The step a value taken from `default` records (rule 9); shared between results, so frozen. */
  defaultStep: Step | null
  deductive: boolean
  choices: ReadonlyMap<string, Choice> | null
  /** The same choices as a list, first of each id: scanning a few is faster than hashing the id. */
  choiceList: readonly Choice[]
  /** Thresholds sorted by ascending `min`, whatever order the template lists them in. */
  thresholds: readonly Threshold[] | null
  /** Another rule reads this item's value, so it goes into the rule data. */
  referenced: boolean
  /** The id names an Object.prototype property ("constructor" …): look answers up as own only. */
  inheritedName: boolean
}

/**
 * The visibility decisions, in an order where every rule's inputs are decided first, as flat
 * arrays (uniform and monomorphic in the per-tap loop). `nodes[k]` is an item index, or `~s`
 * (negative) for section s; `rules[k]` its `visibleIf`, undefined when it has none or is forced
 * (caught in a dependency cycle, so shown regardless). Items with no rule that no rule reads
 * are left out: they are hidden exactly when their section is.
 */
export interface VisibilityPlan {
  nodes: Int32Array
  rules: ReadonlyArray<JsonLogicRule | undefined>
  /** Per rule, its last decision for reuse while its inputs are unchanged (see `rule-memo.ts`). */
  memos: ReadonlyArray<RuleMemo | null>
  /** Parent section of each section, -1 for a top section. */
  sectionParent: Int32Array
}

export interface Ceiling {
  index: number
  label: string
  /** The veto named no band, so the lowest band stands in. */
  unknown: boolean
  /** A better band than the lowest: the veto only caps the grade (等次上限), see verdictOf. */
  capped: boolean
}

/**
 * Work arrays of one scoring, allocated once per template and reused: typed arrays of this size
 * live off the JS heap and cost more to allocate per scoring than the scoring loop itself.
 * Sharing them is safe because a scoring is synchronous and calls no outside code, so two
 * scorings never overlap; each one overwrites or zeroes them before reading.
 */
export interface ScoringScratch {
  /** Per item: points and max in hundredths, 1 when visible and applicable (see `ItemFigures`). */
  scoreH: Float64Array
  maxH: Float64Array
  counts: Uint8Array
  /** 1 where an item's own rule (or its section) hides it; 1 where a section is hidden. */
  itemHidden: Uint8Array
  sectionHidden: Uint8Array
  /**
   * The last result scored with this index and the rule data (item id → value) it was decided
   * over, so that the answer model (`core/answers`) can decide `requiredIf` over the same data
   * without deciding visibility again. Only meaningful while `lastResult` is the result at hand.
   */
  lastResult: ScoreResult | null
  lastData: Record<string, unknown> | null
}

/**
 * The one walk of a template's tree: every section and item in template order (a section's items,
 * then its child sections), as uniform nodes. Scoring, the answer model and validation all read
 * it. It tolerates what validation reports (duplicate ids, deep nesting, rule cycles), because
 * validation itself walks the template through it.
 */
export interface TemplateIndex {
  template: Template
  sections: SectionNode[]
  topSections: number[]
  /** Children before parents, for rolling sections up. */
  postOrder: number[]
  items: ItemNode[]
  /** The first item with each id (validation reports duplicates). */
  itemsById: ReadonlyMap<string, ItemNode>
  /** Sections and items in an order where every rule's inputs are decided first. */
  visibility: VisibilityPlan
  /** Ids of the sections and items shown regardless because their conditions form a cycle. */
  cycleIds: string[]
  /** The band a veto caps the grade at; null when the template has no bands. */
  ceilingOf(veto: Veto): Ceiling | null
  scratch: ScoringScratch
}

/** The choice with option id `id`, or undefined when the item has no such option. */
export function choiceOf(node: ItemNode, id: string): Choice | undefined {
  const list = node.choiceList
  if (list.length > 8) return node.choices?.get(id)
  for (let k = 0; k < list.length; k++) {
    const c = list[k] as Choice
    if (c.id === id) return c
  }
  return undefined
}

