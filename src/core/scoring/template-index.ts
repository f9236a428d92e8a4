/**
 * Everything about a template that does not depend on the answers, computed once per template
 * object and cached (templates are treated as immutable once scored): the flat item list, the
 * section tree, item → section, the order in which visibility must be decided, and the option
 * lookups. Repeated scoring (live score while filling, lists of results) then costs one pass.
 */
import type { AnswerValue, EvidenceRule, Item, ItemType, JsonLogicRule, Option, Section, Step, Template, Threshold, Veto } from '../format/types'
import { fromH, toH } from './hundredths'
import { isDeductive, isScoredType, itemMaxH } from './item-max'
import type { RuleMemo } from './rule-memo'
import type { Trigger } from './score-item'
import { visibilityOrder } from './visibility-order'

export interface SectionNode {
  section: Section
  /** Index into `TemplateIndex.sections` (template pre-order). */
  index: number
  parent: number | null
  root: number
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
  /** Thresholds sorted by ascending `min`. */
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
}

export interface TemplateIndex {
  sections: SectionNode[]
  topSections: number[]
  /** Children before parents, for rolling sections up. */
  postOrder: number[]
  items: ItemNode[]
  /** Sections and items in an order where every rule's inputs are decided first. */
  visibility: VisibilityPlan
  /** Ids of the sections and items shown regardless because their conditions form a cycle. */
  cycleIds: string[]
  /** The band a veto caps the grade at; null when the template has no bands. */
  ceilingOf(veto: Veto): Ceiling | null
  scratch: ScoringScratch
}

const cache = new WeakMap<Template, TemplateIndex>()

/**
 * The cached index of a template (see the module comment). The cache is keyed by the object, so
 * a template must not be edited in place once scored: the builder passes a fresh object after an
 * edit (or calls `forgetTemplate`). Pass raw objects, not Vue proxies (`toRaw`/`shallowRef`):
 * a proxy is another key, and every read through it would be tracked.
 */
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

export function indexTemplate(template: Template): TemplateIndex {
  let index = cache.get(template)
  if (index === undefined) {
    index = buildIndex(template)
    cache.set(template, index)
  }
  return index
}

/** Drops the cached index of a template that was edited in place. */
export function forgetTemplate(template: Template): void {
  cache.delete(template)
}

function buildIndex(template: Template): TemplateIndex {
  const sections: SectionNode[] = []
  const items: ItemNode[] = []
  const topSections: number[] = []
  const postOrder: number[] = []

  const visitSection = (section: Section, parent: number | null, root: number | null, bonus: boolean): number => {
    const index = sections.length
    const isBonus = bonus || section.bonus === true
    const node: SectionNode = { section, index, parent, root: root ?? index, bonus: isBonus, children: [], items: [] }
    sections.push(node)
    const rootId = sections[node.root]?.section.id ?? section.id
    for (const item of section.items) {
      node.items.push(items.length)
      items.push(itemNode(item, items.length, node, rootId, isBonus))
    }
    for (const child of section.sections ?? []) node.children.push(visitSection(child, index, node.root, isBonus))
    postOrder.push(index)
    return index
  }
  for (const section of template.sections) topSections.push(visitSection(section, null, null, false))

  const { plan, cycleIds } = visibilityOrder(sections, items)
  const n = items.length
  const scratch: ScoringScratch = {
    scoreH: new Float64Array(n),
    maxH: new Float64Array(n),
    counts: new Uint8Array(n),
    itemHidden: new Uint8Array(n),
    sectionHidden: new Uint8Array(sections.length),
  }
  return { sections, topSections, postOrder, items, visibility: plan, cycleIds, ceilingOf: ceilingLookup(template), scratch }
}

function defaultOf(item: Item): AnswerValue | undefined {
  switch (item.type) {
    case 'info':
    case 'photo':
    case 'file':
    case 'signature':
      return undefined
    default:
      return item.default
  }
}

function choicesOf(item: Item, deductive: boolean, maxH: number): Map<string, Choice> | null {
  if (item.type !== 'single' && item.type !== 'multi') return null
  const out = new Map<string, Choice>()
  for (const o of item.options) {
    const pointsH = toH((deductive ? o.deduct : o.points) ?? 0)
    const step: Step = deductive
      ? { rule: 'deduct', optionIds: [o.id], labels: [o.label], deducted: fromH(pointsH), max: fromH(maxH) }
      : { rule: 'option', optionId: o.id, label: o.label, points: fromH(pointsH) }
    const triggered = o.flag === true || o.veto !== undefined || o.zero !== undefined
    const trigger: Trigger | null = triggered ? { optionId: o.id, flag: o.flag === true, veto: o.veto, zero: o.zero } : null
    if (!out.has(o.id)) out.set(o.id, { option: o, id: o.id, pointsH, step: deepFreeze(step), trigger, na: o.na === true })
  }
  return out
}

function deepFreeze(step: Step): Step {
  for (const v of Object.values(step)) if (Array.isArray(v)) Object.freeze(v)
  return Object.freeze(step)
}

function itemNode(item: Item, index: number, section: SectionNode, rootSectionId: string, sectionBonus: boolean): ItemNode {
  const choice = item.type === 'single' || item.type === 'multi'
  const deductive = choice ? isDeductive(item.options) : false
  const maxH = itemMaxH(item)
  const scoredItem = isScoredType(item) ? item : null
  const defaultValue = defaultOf(item)
  const choices = choicesOf(item, deductive, maxH)
  return {
    item,
    id: item.id,
    kind: item.type,
    index,
    section: section.index,
    root: section.root,
    sectionId: section.section.id,
    rootSectionId,
    defaultValue,
    allowNegative: scoredItem?.allowNegative === true,
    required: item.type !== 'info' && item.required === true,
    requiredIf: item.type !== 'info' ? item.requiredIf : undefined,
    evidence: item.type !== 'info' ? item.evidence : undefined,
    bonus: sectionBonus || (item.type !== 'info' && item.bonus === true),
    scored: scoredItem !== null,
    maxH,
    max: fromH(maxH),
    // Frozen shallowly: the value is the template's own default, which is not ours to freeze.
    defaultStep: defaultValue === undefined ? null : Object.freeze<Step>({ rule: 'default', value: defaultValue }),
    deductive,
    choices,
    choiceList: choices === null ? [] : [...choices.values()],
    thresholds: item.type === 'number' && item.thresholds ? [...item.thresholds].sort((a, b) => a.min - b.min) : null,
    referenced: false,
    inheritedName: item.id in Object.prototype,
  }
}

function ceilingLookup(template: Template): (veto: Veto) => Ceiling | null {
  const bands = template.scoring?.bands ?? []
  const byName = new Map<string, number>()
  bands.forEach((band, i) => {
    const name = band.id ?? band.label
    if (!byName.has(name)) byName.set(name, i)
  })
  return (veto) => {
    const last = bands.length - 1
    if (last < 0) return null
    const found = veto === true ? last : byName.get(veto)
    const index = found ?? last
    return { index, label: bands[index]?.label ?? '', unknown: found === undefined }
  }
}
