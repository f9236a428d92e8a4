/**
 * The panel view of one subject (issue #15 item 3): every reviewer's total and section scores
 * beside the panel result, each item's points across the reviews with the rule 7 flags, and the
 * self-assessment. Built from the same evaluation as the league table (`evaluateGroups`), each
 * response scored once, so the figures here are the ones the result was made of.
 */
import type { Response, ScoreResult, Template } from '../format/types'
import { fromH, toH } from '../scoring/hundredths'
import { scoreResponse } from '../scoring/score'
import { indexTemplate } from '../scoring/template-index'
import { countsForSpread, deviates, itemRanges, spreadFlagged } from './disagreement'
import { evaluateGroups } from './evaluate'
import { sectionPoints } from './panel'
import { keyId, keyOf } from './subjects'
import type { Cycle, DisagreementSpec, SubjectKey, SubjectResult } from './types'

export interface ReviewDetail {
  /** The review's `inspector` (for the self-assessment: whoever filled it, or ''). */
  reviewer: string
  responseId?: string
  total: number
  percent: number | null
  /** Top-level sections' points (a bonus section: its bonus), as the panel aggregates them. */
  sections: Record<string, number>
  vetoed: boolean
  /** The total is `totalDeviation` points or more from the panel total (rule 7). */
  deviates: boolean
}

export interface ItemSpread {
  itemId: string
  title: string
  /** The largest max the reviews give the item. */
  max: number
  /** Points per review, in review order; null where the item does not count (N/A, hidden). */
  points: Array<number | null>
  /** Highest − lowest of the points; 0 with fewer than two. */
  spread: number
  /** Flagged by rule 7 (`itemSpreadPercent`): exactly the result's `disagreements.items`. */
  flagged: boolean
}

export interface PanelDetail {
  key: SubjectKey
  result: SubjectResult
  /** In review order, the order of `result.reviewers`. */
  reviews: ReviewDetail[]
  /** Items that count in at least one review, in template order. */
  items: ItemSpread[]
  self: ReviewDetail | null
}

function reviewDetail(reviewer: string, response: Response, score: ScoreResult, panelTotalH: number, spec: DisagreementSpec | undefined): ReviewDetail {
  const sections: Record<string, number> = {}
  for (const s of score.sections) sections[s.id] = sectionPoints(s)
  const out: ReviewDetail = { reviewer, total: score.total, percent: score.percent, sections, vetoed: score.vetoed, deviates: deviates(score.total, panelTotalH, spec) }
  if (response.id !== undefined) out.responseId = response.id
  return out
}

function itemSpreads(template: Template, scores: readonly ScoreResult[], percent: number | undefined): ItemSpread[] {
  const titles = new Map(indexTemplate(template).items.map((node) => [node.id, node.item.title]))
  const out: ItemSpread[] = []
  itemRanges(scores).forEach((range, i) => {
    if (range.counted === 0) return
    out.push({
      itemId: range.id,
      title: titles.get(range.id) ?? range.id,
      max: fromH(range.maxH),
      points: scores.map((r) => {
        const item = r.items[i]
        return countsForSpread(item) ? item.score : null
      }),
      spread: fromH(range.highH - range.lowH),
      flagged: spreadFlagged(range, percent),
    })
  })
  return out
}

/**
 * The panel view of the subject `key` (its key fields; values are trimmed as the cycle does), or
 * null when the cycle does not fit the template or the subject has no counted review.
 */
export function panelDetail(cycle: Cycle, template: Template, responses: readonly Response[], key: SubjectKey): PanelDetail | null {
  const wanted = keyOf(cycle.subjectKey, key)
  if ('missing' in wanted) return null
  const scores = new Map<Response, ScoreResult>()
  const scoreOf = (response: Response): ScoreResult => {
    let score = scores.get(response)
    if (score === undefined) scores.set(response, (score = scoreResponse(template, response)))
    return score
  }
  const evaluated = evaluateGroups(cycle, template, responses, scoreOf)
  if (!evaluated.ok) return null
  const id = keyId(cycle.subjectKey, wanted)
  const group = evaluated.value.groups.find((g) => g.id === id)
  const result = evaluated.value.result.subjects.find((s) => keyId(cycle.subjectKey, s.key) === id)
  if (group === undefined || result === undefined) return null
  const spec = cycle.panel?.disagreement
  const panelH = toH(result.total)
  const reviewScores = group.reviews.map((r) => scoreOf(r.response))
  const self = group.self
  return {
    key: result.key,
    result,
    reviews: group.reviews.map((r, i) => reviewDetail(r.reviewer, r.response, reviewScores[i] as ScoreResult, panelH, spec)),
    items: itemSpreads(template, reviewScores, spec?.itemSpreadPercent),
    self: self === null ? null : reviewDetail((self.response.inspector ?? '').trim(), self.response, scoreOf(self.response), panelH, spec),
  }
}
