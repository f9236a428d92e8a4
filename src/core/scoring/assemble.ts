/**
 * A result from its item records (item-record.ts): the lists in template order, vetoes and red
 * lines (rule 7), blockers, then sections, total and band (rules 4, 6, 8). Reads no answer, so
 * it costs array walks only, whether every record is fresh or most were kept from the last score.
 */
import type { RuleBudget } from '../conditions'
import type { ItemResult, ScoreResult, Template, VetoHit, ZeroHit } from '../format/types'
import { isRequired } from '../answers/rules'
import { pickBand, type BandData } from './bands'
import { fromH, percentOf } from './hundredths'
import type { ItemRecord } from './item-record'
import { note } from './notes'
import type { ItemNode, TemplateIndex } from './nodes'
import { rollUpSections } from './sections'
import { computeTotal, type TopSection } from './total'
import type { Visibility } from './visibility'

/** Vetoes and red lines an item's answer sets off (rule 7). */
interface Effects {
  zeroedBy: Array<string | undefined>
  zeroTotalBy: string[]
  ceilingIndex: number | null
}

export function emptyResult(template: Template): ScoreResult {
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

/**
 * Fills `result` (which may hold notes already) from `records`, one per `index.items` entry.
 * `pass` is the budget the visibility decision used: requiredIf and band rules continue it.
 */
export function assemble(index: TemplateIndex, records: readonly ItemRecord[], vis: Visibility, pass: RuleBudget, result: ScoreResult): ScoreResult {
  const template = index.template
  const figures = index.scratch
  const effects: Effects = { zeroedBy: new Array<string | undefined>(index.sections.length), zeroTotalBy: [], ceilingIndex: null }
  const items = new Array<ItemResult>(records.length)
  result.items = items
  for (const node of index.items) {
    const i = node.index
    const record = records[i] as ItemRecord
    items[i] = record.result
    figures.scoreH[i] = record.scoreH
    figures.maxH[i] = record.maxH
    figures.counts[i] = record.counts ? 1 : 0
    if (!record.counts) continue
    if (record.unknownOption !== undefined) result.notes.push(note('unknownOption', { itemId: node.id, optionId: record.unknownOption }))
    if (record.triggers.length > 0) applyTriggers(index, node, record, result, effects)
    if (record.finding !== null) result.findings.push(record.finding)
    if (!record.result.answered && (node.scored || isRequired(node, vis.data, pass))) result.unanswered.push(node.id)
    if (record.missingEvidence) result.missingEvidence.push(node.id)
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

function applyTriggers(index: TemplateIndex, node: ItemNode, record: ItemRecord, result: ScoreResult, effects: Effects): void {
  const itemId = node.id
  for (const t of record.triggers) {
    if (t.veto !== undefined) {
      const ceiling = index.ceilingOf(t.veto)
      const hit: VetoHit = { itemId, ceilingIndex: ceiling?.index ?? null, ceilingLabel: ceiling?.label ?? null }
      if (t.optionId !== undefined) hit.optionId = t.optionId
      result.vetoes.push(hit)
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
