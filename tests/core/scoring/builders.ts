/** Tiny builders for scoring tests: a template or response in one readable line. */
import type {
  Answer,
  AnswerValue,
  CountItem,
  Item,
  MultiItem,
  NumberItem,
  Option,
  ScoreItem,
  Section,
  SingleItem,
  Template,
  TemplateScoring,
} from '@/core/format/types'
import type { ScorableResponse } from '@/core/scoring'

export function tpl(sections: Section[], scoring?: TemplateScoring, extra: Partial<Template> = {}): Template {
  const t: Template = { id: 't', version: 1, title: 'T', sections, ...extra }
  if (scoring !== undefined) t.scoring = scoring
  return t
}

/** A section; its items and child sections may be mixed in one list. */
export function section(id: string, children: Array<Item | Section>, extra: Partial<Section> = {}): Section {
  const items = children.filter((c): c is Item => 'type' in c)
  const sections = children.filter((c): c is Section => !('type' in c))
  const s: Section = { id, title: id, items, ...extra }
  if (sections.length > 0) s.sections = sections
  return s
}

export const opt = (id: string, extra: Partial<Option> = {}): Option => ({ id, label: id, ...extra })
/** An additive option. */
export const pts = (id: string, points: number, extra: Partial<Option> = {}): Option => opt(id, { points, ...extra })
/** A deductive option. */
export const ded = (id: string, deduct: number, extra: Partial<Option> = {}): Option => opt(id, { deduct, ...extra })

export const single = (id: string, options: Option[], extra: Partial<SingleItem> = {}): SingleItem => ({
  id, type: 'single', title: id, options, ...extra,
})
export const multi = (id: string, options: Option[], extra: Partial<MultiItem> = {}): MultiItem => ({
  id, type: 'multi', title: id, options, ...extra,
})
export const count = (id: string, max: number, deductEach: number, extra: Partial<CountItem> = {}): CountItem => ({
  id, type: 'count', title: id, max, deductEach, ...extra,
})
export const scored = (id: string, max: number, extra: Partial<ScoreItem> = {}): ScoreItem => ({
  id, type: 'score', title: id, max, ...extra,
})
export const num = (id: string, extra: Partial<NumberItem> = {}): NumberItem => ({ id, type: 'number', title: id, ...extra })
export const text = (id: string, extra: Partial<Item> = {}): Item => ({ id, type: 'text', title: id, ...extra }) as Item

/** 符合 0 / 基本符合 −1 / 不符合 −max on a deductive single of `max` points. */
export const yesNo = (id: string, max: number, extra: Partial<SingleItem> = {}): SingleItem =>
  single(id, [ded('yes', 0), ded('part', 1), ded('no', max)], { max, ...extra })

/** Answers by item id: a bare value means `{ value }`. */
export function resp(answers: Record<string, AnswerValue | Answer>, extra: Partial<ScorableResponse> = {}): ScorableResponse {
  const out: Record<string, Answer> = {}
  for (const [id, a] of Object.entries(answers)) {
    out[id] = typeof a === 'object' && !Array.isArray(a) ? a : { value: a }
  }
  return { templateId: 't', templateVersion: 1, answers: out, ...extra }
}

export const NA: Answer = { na: true }
