/**
 * `evaluateCycle`: a cycle's league table from its template and responses, per shared/evaluation.md.
 * Each review is scored by the one scorer (format.md); this file wires the rules' files in order:
 * responses (rule 1) → panel figures (2) → veto (3) → band (4) → quotas (5) → ranks (6), with the
 * disagreement flags (7) and the self-assessment beside each subject.
 */
import type { BandResult, Response, ResultNote, ScoreResult, Template } from '../format/types'
import { fail, ok, type Issue, type Result } from '../result'
import { bandOf } from './quota'
import { fromH, toH } from '../scoring/hundredths'
import { scoreResponse } from '../scoring/score'
import { DEFAULT_TRIM } from './aggregate'
import { checkCycleTemplate } from './check-template'
import { disagreementsOf } from './disagreement'
import { panelFigures, type PanelMethod } from './panel'
import { applyQuotas, type QuotaSubject } from './quota'
import { competitionRanks } from './rank'
import { byCodeUnits, groupSubjects, subjectGroups, type SubjectGroup } from './subjects'
import type { Cycle, CycleResult, SubjectResult } from './types'

export function panelMethod(cycle: Cycle): PanelMethod {
  return { aggregate: cycle.panel?.aggregate ?? 'mean', trim: cycle.panel?.trim ?? DEFAULT_TRIM, veto: cycle.panel?.veto ?? 'majority' }
}

export interface EvaluateCycleOptions {
  /**
   * The score of a response, when the caller already holds it (the app stores each response's
   * score when it is submitted, computed by the same scorer); by default every response is scored.
   */
  scoreOf?: (response: Response) => ScoreResult
}

interface Working extends QuotaSubject {
  id: string
  vetoed: boolean
  out: SubjectResult
}

function bandFields(band: BandResult | null): Pick<SubjectResult, 'band' | 'bandId'> {
  return { band: band?.label ?? null, bandId: band?.id ?? null }
}

type ScoreOf = (response: Response) => ScoreResult

function evaluateSubject(cycle: Cycle, template: Template, group: SubjectGroup, scoreOf: ScoreOf, method: PanelMethod): Working {
  const scores = group.reviews.map((r) => scoreOf(r.response))
  const reviewers = group.reviews.map((r) => r.reviewer)
  const figures = panelFigures(template, scores, method)
  const notes: ResultNote[] = []
  const band = bandOf(template, figures.bandData, figures.ceilingIndex, notes)
  const self = group.self ? scoreOf(group.self.response).total : null
  const out: SubjectResult = {
    key: group.key,
    reviews: scores.length,
    reviewers,
    totals: scores.map((r) => r.total),
    total: fromH(figures.totalH),
    percent: figures.percent,
    sections: figures.sections,
    sectionPercents: figures.sectionPercents,
    vetoed: figures.vetoed,
    vetoedReviews: figures.vetoedReviews,
    ...bandFields(band),
    rank: 0,
    quotaTie: false,
    quotaDemoted: false,
    disagreements: disagreementsOf(scores, reviewers, figures.totalH, cycle.panel?.disagreement),
    self,
    selfDifference: self === null ? null : fromH(figures.totalH - toH(self)),
    notes,
  }
  return { id: group.id, totalH: figures.totalH, vetoed: figures.vetoed, band, bandData: figures.bandData, quotaTie: false, quotaDemoted: false, notes, out }
}

/** The result with the subject groups it was built from (the panel view reads their responses). */
export interface Evaluated {
  result: CycleResult
  /** Every subject's counted responses, reviews in review order (the result's `reviewers`). */
  groups: SubjectGroup[]
}

/** `evaluateCycle`, keeping the groups; `scoreOf` is the one scorer the caller may memoise. */
export function evaluateGroups(cycle: Cycle, template: Template, responses: readonly Response[], scoreOf: ScoreOf): Result<Evaluated> {
  const checked = checkCycleTemplate(cycle, template)
  if (checked.some((i) => i.severity === 'error')) return fail(checked)
  const warnings: Issue[] = [...checked]
  const groups = subjectGroups(cycle, groupSubjects(cycle, responses, warnings), warnings)
  const method = panelMethod(cycle)
  const working: Working[] = []
  const unreviewed: SubjectGroup[] = []
  for (const group of groups) {
    if (group.reviews.length > 0) working.push(evaluateSubject(cycle, template, group, scoreOf, method))
    else unreviewed.push(group)
  }
  unreviewed.sort((a, b) => byCodeUnits(a.id, b.id))
  const quotas = applyQuotas(template, cycle.quotas ?? [], working)
  const ranks = competitionRanks(working)
  working.forEach((w, i) => {
    Object.assign(w.out, bandFields(w.band), { rank: ranks[i], quotaTie: w.quotaTie, quotaDemoted: w.quotaDemoted })
  })
  working.sort((a, b) => a.out.rank - b.out.rank || byCodeUnits(a.id, b.id))
  const result: CycleResult = {
    cycle: cycle.id,
    template: { id: template.id, version: template.version },
    aggregate: method.aggregate,
    subjects: working.map((w) => w.out),
    quotas,
    unreviewed: unreviewed.map((g) => ({ key: g.key, self: g.self ? scoreOf(g.self.response).total : null })),
  }
  return ok({ result, groups }, warnings)
}

/**
 * The cycle's result. `cycle` should have passed `validateCycle` and `responses` `validateResponse`
 * against `template`; a cycle that does not fit the template fails with issues. Responses the
 * cycle does not count (drafts, other templates or cycles, inspections …) come back as warnings
 * whose pointer is into that response and whose `params.response` is its place in `responses`.
 */
export function evaluateCycle(cycle: Cycle, template: Template, responses: readonly Response[], options: EvaluateCycleOptions = {}): Result<CycleResult> {
  const scoreOf = options.scoreOf ?? ((response: Response) => scoreResponse(template, response))
  const evaluated = evaluateGroups(cycle, template, responses, scoreOf)
  return evaluated.ok ? ok(evaluated.value.result, evaluated.warnings) : evaluated
}
