/**
 * `scoreResponse`: the score of one response against one template version, as a pure function.
 * Order of work: visibility (dependency order, so a hidden item reads as null to later rules) →
 * items → sections → total → band. Each part lives in its own file; this one wires them.
 */
import { RuleBudget } from '../conditions'
import type { Answer, Finding, ItemResult, Response, ScoreResult, Template, VetoHit, ZeroHit } from '../format/types'
import { answerOf, evidenceCount, newReadAnswer, readAnswer } from '../answers/read'
import { evidenceNeeded, isRequired } from '../answers/rules'
import { pickBand, type BandData } from './bands'
import { fromH, percentOf } from './hundredths'
import { note } from './notes'
import { hiddenItem, newItemOut, scoreItem, type ItemOut } from './score-item'
import { rollUpSections, type ItemFigures } from './sections'
import type { ItemNode, TemplateIndex } from './nodes'
import { indexTemplate } from './template-index'
import { computeTotal, type TopSection } from './total'
import { decideVisibility, isHidden } from './visibility'

export type ScorableResponse = Pick<Response, 'templateId' | 'templateVersion' | 'answers'> & Partial<Response>

function emptyResult(template: Template): ScoreResult {
  return {
    templateId: template.id,
    templateVersion: template.version,
    total: 0,
    max: 0,
    percent: null,
    band: null,
    base: 0,
    bonus: 0,
    vetoed: false,
    vetoes: [],
    zeroes: [],
    complete: true,
    sections: [],
    items: [],
    findings: [],
    unanswered: [],
    missingEvidence: [],
    steps: [],
    notes: [],
  }
}

/** Vetoes and red lines an item's answer sets off (rule 7). */
interface Effects {
  zeroedBy: Array<string | undefined>
  zeroTotalBy: string[]
  ceilingIndex: number | null
}

function applyTriggers(index: TemplateIndex, node: ItemNode, out: ItemOut, result: ScoreResult, effects: Effects): void {
  const itemId = node.id
  const steps = result.items[node.index]?.steps
  for (const t of out.triggers) {
    if (t.veto !== undefined) {
      const ceiling = index.ceilingOf(t.veto)
      const hit: VetoHit = { itemId, ceilingIndex: ceiling?.index ?? null, ceilingLabel: ceiling?.label ?? null }
      if (t.optionId !== undefined) hit.optionId = t.optionId
      result.vetoes.push(hit)
      // `capped`: only a grade ceiling (等次上限), so the step is not worded as a 一票否决.
      steps?.push({ rule: 'veto', ceiling: hit.ceilingLabel, ...(ceiling?.capped === true && { capped: true }) })
      if (ceiling?.unknown === true && t.veto !== true) result.notes.push(note('unknownVetoBand', { itemId, veto: t.veto }))
      if (ceiling) effects.ceilingIndex = Math.max(effects.ceilingIndex ?? 0, ceiling.index)
    }
    if (t.zero !== undefined) {
      const hit: ZeroHit = { itemId, scope: t.zero }
      if (t.optionId !== undefined) hit.optionId = t.optionId
      if (t.zero === 'section') {
        hit.sectionId = node.sectionId
        effects.zeroedBy[node.section] ??= itemId
      }
      if (t.zero === 'total') effects.zeroTotalBy.push(itemId)
      result.zeroes.push(hit)
    }
  }
}

/**
 * Scores a response per the twelve rules of `shared/format.md`. Never throws on odd answers:
 * a value of the wrong shape counts as unanswered, an unknown option scores nothing (noted).
 */
export function scoreResponse(template: Template, response: ScorableResponse): ScoreResult {
  const index = indexTemplate(template)
  const answers = response.answers ?? {}
  // One step budget for every rule this scoring runs (visibleIf, requiredIf, band `when`).
  const pass = new RuleBudget()
  const vis = decideVisibility(index, answers, pass)
  const result = emptyResult(template)
  if (response.templateId !== template.id || response.templateVersion !== template.version) {
    result.notes.push(
      note('templateMismatch', {
        responseTemplate: response.templateId,
        responseVersion: response.templateVersion,
        template: template.id,
        version: template.version,
      }),
    )
  }
  if (index.cycleIds.length > 0) result.notes.push(note('visibilityCycle', { ids: index.cycleIds.join(', ') }))

  // Every entry is written below before it is read (the scratch is shared between scorings).
  const figures: ItemFigures = index.scratch
  const effects: Effects = { zeroedBy: new Array<string | undefined>(index.sections.length), zeroTotalBy: [], ceilingIndex: null }
  // Every slot is filled in the loop below; sized once instead of growing by pushes.
  const items = new Array<ItemResult>(index.items.length)
  result.items = items
  const read = newReadAnswer()
  const out = newItemOut()
  for (const node of index.items) {
    const i = node.index
    const hidden = isHidden(vis, node)
    const answer = hidden ? undefined : answerOf(node, answers)
    const itemResult = hidden ? hiddenItem(node, out) : scoreItem(node, readAnswer(node, answer, read), out)
    items[i] = itemResult
    figures.scoreH[i] = out.scoreH
    figures.maxH[i] = out.maxH
    figures.counts[i] = out.counts ? 1 : 0
    if (!out.counts) continue
    if (out.unknownOption !== undefined) {
      result.notes.push(note('unknownOption', { itemId: node.id, optionId: out.unknownOption }))
    }
    if (out.triggers.length > 0) applyTriggers(index, node, out, result, effects)
    if (itemResult.flagged) result.findings.push(finding(node, out, answer))
    if (!itemResult.answered && (node.scored || isRequired(node, vis.data, pass))) result.unanswered.push(node.id)
    if (node.evidence !== undefined) {
      const needed = evidenceNeeded(node, itemResult.flagged)
      if (needed > 0 && evidenceCount(node.kind, answer) < needed) result.missingEvidence.push(node.id)
    }
  }
  result.vetoed = result.vetoes.length > 0
  result.complete = result.unanswered.length === 0

  const sections = rollUpSections(index, figures, vis.sectionHidden, effects.zeroedBy)
  const top: TopSection[] = []
  for (const s of index.topSections) {
    const sec = sections[s]
    const node = index.sections[s]
    if (sec === undefined || node === undefined) continue
    result.sections.push(sec.result)
    top.push({ id: node.section.id, scoreH: sec.scoreH, maxH: sec.maxH, bonusH: sec.bonusH, isBonus: node.bonus, weight: node.section.weight })
  }
  const total = computeTotal(template.scoring, top, effects.zeroTotalBy)
  result.total = fromH(total.totalH)
  result.max = fromH(total.maxH)
  result.percent = percentOf(total.totalH, total.maxH)
  result.base = fromH(total.baseH)
  result.bonus = fromH(total.bonusH)
  result.steps = total.steps
  result.notes.push(...total.notes)

  const bandData: BandData = {
    total: result.total,
    percent: result.percent,
    // Hidden sections, and sections with nothing applicable, have no percentage to compare.
    sections: result.sections
      .filter((s) => !s.isBonus && !s.hidden && s.max > 0)
      .map((s) => ({ id: s.id, score: s.score, max: s.max, percent: s.percent })),
  }
  result.band = pickBand(template.scoring, bandData, effects.ceilingIndex, result.notes, pass)
  if (pass.exhausted) result.notes.push(note('ruleBudgetExhausted', {}))
  index.scratch.lastResult = result
  index.scratch.lastData = vis.data
  return result
}

function finding(node: ItemNode, out: ItemOut, answer: Answer | undefined): Finding {
  const f: Finding = {
    itemId: node.id,
    sectionId: node.sectionId,
    rootSectionId: node.rootSectionId,
    title: node.item.title,
    optionIds: out.triggers.filter((t) => t.flag && t.optionId !== undefined).map((t) => t.optionId as string),
    attachments: [...(answer?.attachments ?? [])],
  }
  if (out.count !== undefined) f.count = out.count
  if (answer?.note !== undefined && answer.note !== '') f.note = answer.note
  return f
}
