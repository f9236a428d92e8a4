/**
 * Everything about a template that does not depend on the answers, computed once per template
 * object and cached (templates are treated as immutable once scored): the flat item list, the
 * section tree, item → section, the order in which visibility must be decided, and the option
 * lookups. Repeated scoring (live score while filling, lists of results) then costs one pass.
 */
import type { AnswerValue, EvidenceRule, Item, ItemType, JsonLogicRule, Option, Section, Step, Template, Threshold, Veto } from '../format/types'
import { fromH, toH } from './hundredths'
import { isDeductive, isScoredType, itemMaxH } from './item-max'
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
  /** Points of an additive option, or what a deductive option deducts, in hundredths. */
  pointsH: number
  /** The step a single-choice answer records; shared between results, so frozen. */
  step: Step
  trigger: Trigger | null
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
  deductive: boolean
  choices: ReadonlyMap<string, Choice> | null
  /** Thresholds sorted by ascending `min`. */
  thresholds: readonly Threshold[] | null
  /** Another rule reads this item's value, so it goes into the rule data. */
  referenced: boolean
  /** The id names an Object.prototype property ("constructor" …): look answers up as own only. */
  inheritedName: boolean
}

/** One visibility decision; `forced` marks a node caught in a dependency cycle (shown regardless). */
export interface VisibilityStep {
  kind: 'section' | 'item'
  index: number
  rule: JsonLogicRule | undefined
  forced: boolean
}

export interface Ceiling {
  index: number
  label: string
  /** The veto named no band, so the lowest band stands in. */
  unknown: boolean
}

export interface TemplateIndex {
  sections: SectionNode[]
  topSections: number[]
  /** Children before parents, for rolling sections up. */
  postOrder: number[]
  items: ItemNode[]
  /** Sections and items in an order where every rule's inputs are decided first. */
  visibilityOrder: VisibilityStep[]
  /** Ids of the sections and items shown regardless because their conditions form a cycle. */
  cycleIds: string[]
  /** The band a veto caps the grade at; null when the template has no bands. */
  ceilingOf(veto: Veto): Ceiling | null
}

const cache = new WeakMap<Template, TemplateIndex>()

/**
 * The cached index of a template (see the module comment). The cache is keyed by the object, so
 * a template must not be edited in place once scored: the builder passes a fresh object after an
 * edit (or calls `forgetTemplate`). Pass raw objects, not Vue proxies (`toRaw`/`shallowRef`):
 * a proxy is another key, and every read through it would be tracked.
 */
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

  const { order, cycleIds } = visibilityOrder(sections, items)
  return { sections, topSections, postOrder, items, visibilityOrder: order, cycleIds, ceilingOf: ceilingLookup(template) }
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
    if (!out.has(o.id)) out.set(o.id, { option: o, pointsH, step: deepFreeze(step), trigger })
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
  return {
    item,
    id: item.id,
    kind: item.type,
    index,
    section: section.index,
    root: section.root,
    sectionId: section.section.id,
    rootSectionId,
    defaultValue: defaultOf(item),
    allowNegative: scoredItem?.allowNegative === true,
    required: item.type !== 'info' && item.required === true,
    requiredIf: item.type !== 'info' ? item.requiredIf : undefined,
    evidence: item.type !== 'info' ? item.evidence : undefined,
    bonus: sectionBonus || (item.type !== 'info' && item.bonus === true),
    scored: scoredItem !== null,
    maxH,
    deductive,
    choices: choicesOf(item, deductive, maxH),
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
