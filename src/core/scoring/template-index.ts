/**
 * Everything about a template that does not depend on the answers, computed once per template
 * object and cached (templates are treated as immutable once scored): the flat item list, the
 * section tree, item → section, the order in which visibility must be decided, and the option
 * lookups. Repeated scoring (live score while filling, lists of results) then costs one pass.
 */
import type { AnswerValue, Item, Section, Step, Template, Veto } from '../format/types'
import { fromH, toH } from './hundredths'
import { isDeductive, isScoredType, itemMaxH } from './item-max'
import type { Ceiling, Choice, ItemNode, ScoringScratch, SectionNode, TemplateIndex, Trigger } from './nodes'
import { memoFor } from './rule-memo'
import { visibilityOrder } from './visibility-order'

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

  const itemsById = new Map<string, ItemNode>()

  const visitSection = (section: Section, at: string, parent: SectionNode | null, bonus: boolean): number => {
    const index = sections.length
    const isBonus = bonus || section.bonus === true
    const node: SectionNode = {
      section,
      pointer: at,
      index,
      parent: parent?.index ?? null,
      root: parent?.root ?? index,
      depth: parent === null ? 0 : parent.depth + 1,
      bonus: isBonus,
      children: [],
      items: [],
    }
    sections.push(node)
    const rootId = sections[node.root]?.section.id ?? section.id
    section.items.forEach((item, k) => {
      const itemNode = makeItemNode(item, `${at}/items/${k}`, items.length, node, rootId, isBonus)
      node.items.push(items.length)
      items.push(itemNode)
      if (!itemsById.has(item.id)) itemsById.set(item.id, itemNode)
    })
    section.sections?.forEach((child, k) => node.children.push(visitSection(child, `${at}/sections/${k}`, node, isBonus)))
    postOrder.push(index)
    return index
  }
  template.sections.forEach((section, k) => topSections.push(visitSection(section, `/sections/${k}`, null, false)))

  const { plan, cycleIds } = visibilityOrder(sections, items, itemsById)
  const n = items.length
  const scratch: ScoringScratch = {
    scoreH: new Float64Array(n),
    maxH: new Float64Array(n),
    counts: new Uint8Array(n),
    itemHidden: new Uint8Array(n),
    sectionHidden: new Uint8Array(sections.length),
    lastResult: null,
    lastData: null,
  }
  return { template, sections, topSections, postOrder, items, itemsById, visibility: plan, cycleIds, ceilingOf: ceilingLookup(template), scratch }
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

/** The default's step; a choice's default also carries its option labels, so it reads as words. */
function defaultStepOf(value: AnswerValue, choices: Map<string, Choice> | null): Step {
  if (choices === null) return { rule: 'default', value }
  const ids = Array.isArray(value) ? value : [value]
  const labels = ids.map((id) => (typeof id === 'string' ? choices.get(id)?.option.label ?? id : String(id)))
  return { rule: 'default', value, labels }
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

function makeItemNode(item: Item, pointer: string, index: number, section: SectionNode, rootSectionId: string, sectionBonus: boolean): ItemNode {
  const choice = item.type === 'single' || item.type === 'multi'
  const deductive = choice ? isDeductive(item.options) : false
  const maxH = itemMaxH(item)
  const scoredItem = isScoredType(item) ? item : null
  const defaultValue = defaultOf(item)
  const choices = choicesOf(item, deductive, maxH)
  const requiredIf = item.type !== 'info' ? item.requiredIf : undefined
  return {
    item,
    pointer,
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
    requiredIf,
    requiredMemo: memoFor(requiredIf),
    evidence: item.type !== 'info' ? item.evidence : undefined,
    bonus: sectionBonus || (item.type !== 'info' && item.bonus === true),
    scored: scoredItem !== null,
    maxH,
    max: fromH(maxH),
    // Frozen shallowly: the value is the template's own default, which is not ours to freeze.
    defaultStep: defaultValue === undefined ? null : Object.freeze<Step>(defaultStepOf(defaultValue, choices)),
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
    return { index, label: bands[index]?.label ?? '', unknown: found === undefined, capped: index < last }
  }
}
