/**
 * `scoreResponse`: the score of one response against one template version, as a pure function.
 * Order of work: visibility (dependency order, so a hidden item reads as null to later rules) →
 * items → sections → total → band. Each part lives in its own file; this one wires them.
 */
import { ruleHolds } from '../conditions'
import type { Answer, Finding, Item, Response, ScoreResult, Template, VetoHit, ZeroHit } from '../format/types'
import { evidenceCount, readAnswer, type ReadAnswer } from './answers'
import { pickBand, type BandData } from './bands'
import { fromH, percentOf } from './hundredths'
import { note } from './notes'
import { hiddenItem, scoreItem, type ItemScore } from './score-item'
import { rollUpSections } from './sections'
import { indexTemplate, type TemplateIndex } from './template-index'
import { computeTotal, type TopSection } from './total'

export type ScorableResponse = Pick<Response, 'templateId' | 'templateVersion' | 'answers'> & Partial<Response>

const hasOwn = Object.prototype.hasOwnProperty

interface Visibility {
  sectionHidden: boolean[]
  itemHidden: boolean[]
  reads: ReadAnswer[]
  /** Item id → value, for visibleIf/requiredIf; hidden or N/A items read as null. */
  data: Record<string, unknown>
}

function answerOf(answers: Record<string, Answer>, id: string): Answer | undefined {
  // Answers are untrusted: an item id such as "constructor" must not reach Object.prototype.
  return hasOwn.call(answers, id) ? answers[id] : undefined
}

function decideVisibility(index: TemplateIndex, answers: Record<string, Answer>): Visibility {
  const sectionHidden = new Array<boolean>(index.sections.length).fill(false)
  const itemHidden = new Array<boolean>(index.items.length).fill(false)
  const reads = new Array<ReadAnswer>(index.items.length)
  const data = Object.create(null) as Record<string, unknown>
  for (const step of index.visibilityOrder) {
    if (step.kind === 'section') {
      const parent = index.sections[step.index]?.parent
      const hidden =
        (parent !== null && parent !== undefined && sectionHidden[parent] === true) ||
        (!step.forced && step.rule !== undefined && !ruleHolds(step.rule, data))
      sectionHidden[step.index] = hidden
      continue
    }
    const node = index.items[step.index]
    if (node === undefined) continue
    const read = readAnswer(node.item, answerOf(answers, node.item.id))
    reads[step.index] = read
    const hidden =
      sectionHidden[node.section] === true || (!step.forced && step.rule !== undefined && !ruleHolds(step.rule, data))
    itemHidden[step.index] = hidden
    if (node.referenced) data[node.item.id] = hidden || read.na || read.value === undefined ? null : read.value
  }
  return { sectionHidden, itemHidden, reads, data }
}

function isRequired(item: Item, data: Record<string, unknown>): boolean {
  if (item.type === 'info') return false
  return item.required === true || (item.requiredIf !== undefined && ruleHolds(item.requiredIf, data))
}

/**
 * Scores a response per the twelve rules of `shared/format.md`. Never throws on odd answers:
 * a value of the wrong shape counts as unanswered, an unknown option scores nothing (noted).
 */
export function scoreResponse(template: Template, response: ScorableResponse): ScoreResult {
  const index = indexTemplate(template)
  const answers = response.answers ?? {}
  const vis = decideVisibility(index, answers)
  const result: ScoreResult = {
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

  const zeroedBy = new Array<string | undefined>(index.sections.length)
  const zeroTotalBy: string[] = []
  let ceilingIndex: number | null = null
  const itemScores: ItemScore[] = []
  for (const node of index.items) {
    const i = node.index
    const item = node.item
    const sectionId = index.sections[node.section]?.section.id ?? ''
    const read = vis.reads[i] ?? readAnswer(item, answerOf(answers, item.id))
    const scored = vis.itemHidden[i] === true ? hiddenItem(node, sectionId) : scoreItem(node, sectionId, read)
    itemScores.push(scored)
    result.items.push(scored.result)
    if (!scored.counts) continue
    const answer = answerOf(answers, item.id)
    if (scored.unknownOption !== undefined) {
      result.notes.push(note('unknownOption', { itemId: item.id, optionId: scored.unknownOption }))
    }
    for (const t of scored.triggers) {
      if (t.veto !== undefined) {
        const ceiling = index.ceilingOf(t.veto)
        const hit: VetoHit = { itemId: item.id, ceilingIndex: ceiling?.index ?? null, ceilingLabel: ceiling?.label ?? null }
        if (t.optionId !== undefined) hit.optionId = t.optionId
        result.vetoes.push(hit)
        scored.result.steps.push({ rule: 'veto', ceiling: hit.ceilingLabel })
        if (ceiling?.unknown === true && t.veto !== true) {
          result.notes.push(note('unknownVetoBand', { itemId: item.id, veto: t.veto }))
        }
        if (ceiling) ceilingIndex = Math.max(ceilingIndex ?? 0, ceiling.index)
      }
      if (t.zero !== undefined) {
        const hit: ZeroHit = { itemId: item.id, scope: t.zero }
        if (t.optionId !== undefined) hit.optionId = t.optionId
        if (t.zero === 'section') {
          hit.sectionId = sectionId
          zeroedBy[node.section] ??= item.id
        }
        if (t.zero === 'total') zeroTotalBy.push(item.id)
        result.zeroes.push(hit)
      }
    }
    if (scored.result.flagged) result.findings.push(finding(index, node.index, scored, answer))
    if (!scored.result.answered && (node.scored || isRequired(item, vis.data))) result.unanswered.push(item.id)
    if (item.type !== 'info' && item.evidence !== undefined) {
      const { required, min } = item.evidence
      const needed = required === 'always' || (required === 'onFlag' && scored.result.flagged)
      if (needed && evidenceCount(item, answer) < (min ?? 1)) result.missingEvidence.push(item.id)
    }
  }
  result.vetoed = result.vetoes.length > 0
  result.complete = result.unanswered.length === 0

  const sections = rollUpSections(index, itemScores, vis.sectionHidden, zeroedBy)
  const top: TopSection[] = []
  for (const s of index.topSections) {
    const sec = sections[s]
    const node = index.sections[s]
    if (sec === undefined || node === undefined) continue
    result.sections.push(sec.result)
    top.push({ id: node.section.id, scoreH: sec.scoreH, maxH: sec.maxH, bonusH: sec.bonusH, isBonus: node.bonus, weight: node.section.weight })
  }
  const total = computeTotal(template.scoring, top, zeroTotalBy)
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
  result.band = pickBand(template.scoring, bandData, ceilingIndex, result.notes)
  return result
}

function finding(index: TemplateIndex, i: number, scored: ItemScore, answer: Answer | undefined): Finding {
  const node = index.items[i]
  const f: Finding = {
    itemId: scored.result.id,
    sectionId: scored.result.sectionId,
    rootSectionId: (node && index.sections[node.root]?.section.id) ?? scored.result.sectionId,
    title: node?.item.title ?? '',
    optionIds: scored.triggers.filter((t) => t.flag && t.optionId !== undefined).map((t) => t.optionId as string),
    attachments: [...(answer?.attachments ?? [])],
  }
  if (scored.count !== undefined) f.count = scored.count
  if (answer?.note !== undefined && answer.note !== '') f.note = answer.note
  return f
}
