/**
 * Per-item view state for the fill view, derived from the core's score result.
 *
 * The store keeps one entry per item in a shallow reactive Map and replaces an entry only when it
 * changed, so a tap re-renders the tapped row (and the rows whose visibility, requirement or
 * points it changed), not the other 999.
 */
import type { Answer, AnswerValue, Item, ScoreResult, Section, Step, Template } from '@/core/format/types'
import { ruleHolds, toRuleData } from '@/core/conditions'

export interface ItemState {
  hidden: boolean
  /** Required now: `required`, or `requiredIf` holds. */
  required: boolean
  answered: boolean
  na: boolean
  scored: boolean
  score: number
  max: number
  flagged: boolean
  bonus: boolean
  steps: Step[]
  /** Attachments the evidence rule asks for right now (0: none required). */
  evidenceNeeded: number
  missingEvidence: boolean
}

export interface FlatItem {
  item: Item
  section: Section
  /** The top-level section, for the navigator. */
  root: Section
}

/** Every item in template order, with its section and top-level section. */
export function flattenItems(template: Template): FlatItem[] {
  const out: FlatItem[] = []
  const walk = (section: Section, root: Section): void => {
    for (const item of section.items) out.push({ item, section, root })
    for (const child of section.sections ?? []) walk(child, root)
  }
  for (const section of template.sections) walk(section, section)
  return out
}

/** Every section (top level and nested) by id. */
export function sectionsById(template: Template): Map<string, Section> {
  const out = new Map<string, Section>()
  const walk = (section: Section): void => {
    out.set(section.id, section)
    for (const child of section.sections ?? []) walk(child)
  }
  for (const section of template.sections) walk(section)
  return out
}

/** The value an item shows: its answer, else its default (rule 9: a default counts as answered). */
export function effectiveValue(item: Item, answer: Answer | undefined): AnswerValue | undefined {
  if (answer?.value !== undefined) return answer.value
  return 'default' in item ? item.default : undefined
}

/** Item id → effective value, the data conditions are evaluated over. */
export function ruleData(items: readonly FlatItem[], answers: Readonly<Record<string, Answer>>): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const { item } of items) {
    const answer = answers[item.id]
    if (answer?.na) continue
    const value = effectiveValue(item, answer)
    if (value !== undefined) values[item.id] = value
  }
  return toRuleData(values)
}

const NO_STEPS: Step[] = []

/** An empty text or an empty selection is no answer. */
export function hasValue(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return Number.isFinite(value)
}

export function deriveItemStates(
  items: readonly FlatItem[],
  answers: Readonly<Record<string, Answer>>,
  result: ScoreResult,
): Map<string, ItemState> {
  // Built only if some item needs a condition evaluated here (most templates: none per tap).
  let data: Record<string, unknown> | undefined
  const rules = (): Record<string, unknown> => (data ??= ruleData(items, answers))
  const byId = new Map(result.items.map((r) => [r.id, r]))
  const missing = new Set(result.missingEvidence)
  const out = new Map<string, ItemState>()
  for (const { item } of items) {
    const r = byId.get(item.id)
    const answer = answers[item.id]
    const hidden = r ? r.hidden : item.visibleIf !== undefined && !ruleHolds(item.visibleIf, rules())
    const isInfo = item.type === 'info'
    const required = !isInfo && !hidden && (item.required === true || (item.requiredIf !== undefined && ruleHolds(item.requiredIf, rules())))
    const flagged = r?.flagged ?? false
    const evidence = isInfo ? undefined : item.evidence
    const na = r?.na ?? answer?.na === true
    const evidenceNeeded =
      !evidence || hidden || na
        ? 0
        : evidence.required === 'always' || (evidence.required === 'onFlag' && flagged)
          ? (evidence.min ?? 1)
          : 0
    out.set(item.id, {
      hidden,
      required,
      answered: r?.answered ?? (na || hasValue(effectiveValue(item, answer))),
      na,
      scored: r?.scored ?? false,
      score: r?.score ?? 0,
      max: r?.max ?? 0,
      flagged,
      bonus: r?.bonus ?? false,
      steps: r?.steps ?? NO_STEPS,
      evidenceNeeded,
      missingEvidence: missing.has(item.id),
    })
  }
  return out
}

/** Equal for rendering purposes. Steps compare by content: the scorer builds new arrays each time. */
export function sameItemState(a: ItemState, b: ItemState): boolean {
  return (
    a.hidden === b.hidden &&
    a.required === b.required &&
    a.answered === b.answered &&
    a.na === b.na &&
    a.scored === b.scored &&
    a.score === b.score &&
    a.max === b.max &&
    a.flagged === b.flagged &&
    a.bonus === b.bonus &&
    a.evidenceNeeded === b.evidenceNeeded &&
    a.missingEvidence === b.missingEvidence &&
    stepsEqual(a.steps, b.steps)
  )
}

/**
 * Steps compare by content: the scorer builds new arrays on every run. Field by field rather than
 * through JSON.stringify, which allocated two strings per item per tap on a 1,000-item list.
 */
export function stepsEqual(a: readonly Step[], b: readonly Step[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Step
    const y = b[i] as Step
    const keys = Object.keys(x)
    if (keys.length !== Object.keys(y).length) return false
    for (const k of keys) {
      const u = x[k]
      const v = y[k]
      if (u === v) continue
      if (!Array.isArray(u) || !Array.isArray(v) || u.length !== v.length || u.some((e, j) => e !== v[j])) return false
    }
  }
  return true
}

/** Writes `next` into `target`, touching only entries that changed (and dropping vanished ones). */
export function patchStates(target: Map<string, ItemState>, next: Map<string, ItemState>): number {
  let changed = 0
  for (const [id, state] of next) {
    const current = target.get(id)
    if (!current || !sameItemState(current, state)) {
      target.set(id, state)
      changed += 1
    }
  }
  for (const id of [...target.keys()]) {
    if (!next.has(id)) {
      target.delete(id)
      changed += 1
    }
  }
  return changed
}

export type BlockerReason = 'required' | 'evidence' | 'invalid'

export interface Blocker {
  itemId: string
  title: string
  reason: BlockerReason
}

/** What stops a submit: required items unanswered, evidence missing. In template order. */
export function submitBlockers(items: readonly FlatItem[], states: ReadonlyMap<string, ItemState>): Blocker[] {
  const out: Blocker[] = []
  for (const { item } of items) {
    const s = states.get(item.id)
    if (!s || s.hidden || s.na) continue
    if (s.required && !s.answered) out.push({ itemId: item.id, title: item.title, reason: 'required' })
    if (s.missingEvidence) out.push({ itemId: item.id, title: item.title, reason: 'evidence' })
  }
  return out
}
