/**
 * Rules 2 and 3 of evaluation.md: a subject's panel figures from its reviews' score results. Each
 * figure (total, percent, every top-level section's score and percent) is aggregated on its own
 * from the reviews' already rounded figures; nothing is re-scored here. Plain loops: a cycle runs
 * this for every subject of a college (bench/cycles.bench.ts).
 */
import type { BandData } from '../scoring/bands'
import { fromH, toH } from '../scoring/hundredths'
import type { ScoreResult, SectionResult, Template } from '../format/types'
import { aggregateH } from './aggregate'
import type { AggregateMethod, VetoRule } from './types'

export interface PanelMethod {
  aggregate: AggregateMethod
  trim: number
  veto: VetoRule
}

export interface PanelFigures {
  totalH: number
  percent: number | null
  sections: Record<string, number>
  sectionPercents: Record<string, number | null>
  /** What band `when` rules read: the non-bonus top-level sections some review could score. */
  bandData: BandData
  vetoedReviews: number
  vetoed: boolean
  /** The most severe veto ceiling (a band index) among the vetoed reviews, when the subject is vetoed. */
  ceilingIndex: number | null
}

/** The aggregate of values already in hundredths, as points; null for none. */
function points(valuesH: readonly number[], method: PanelMethod): number | null {
  const h = aggregateH(valuesH, method.aggregate, method.trim)
  return h === null ? null : fromH(h)
}

/** A section's own points: its base score, or for a bonus section (加分项) the bonus it collected. */
export function sectionPoints(s: SectionResult): number {
  return s.isBonus ? s.bonus : s.score
}

function sectionFigures(template: Template, scores: readonly ScoreResult[], method: PanelMethod, out: PanelFigures): void {
  template.sections.forEach((section, i) => {
    const pointsH: number[] = []
    const percentsH: number[] = []
    // As in scoring/assemble.ts: hidden sections and those with nothing applicable have no percentage.
    const applicableMaxH: number[] = []
    for (const r of scores) {
      // result.sections follows the template's top-level order; the id check guards odd results.
      const s = r.sections[i]
      if (s === undefined || s.id !== section.id) continue
      pointsH.push(toH(sectionPoints(s)))
      if (s.percent !== null) percentsH.push(toH(s.percent))
      if (!s.isBonus && !s.hidden && s.max > 0) applicableMaxH.push(toH(s.max))
    }
    const score = points(pointsH, method) ?? 0
    const percent = points(percentsH, method)
    out.sections[section.id] = score
    out.sectionPercents[section.id] = percent
    if (section.bonus === true || applicableMaxH.length === 0) return
    out.bandData.sections.push({ id: section.id, score, max: points(applicableMaxH, method) ?? 0, percent })
  })
}

/** Rule 3: the veto by majority (more than half) or by any review, and the ceiling it sets. */
function vetoFigures(scores: readonly ScoreResult[], rule: VetoRule, out: PanelFigures): void {
  let ceiling: number | null = null
  for (const r of scores) {
    if (!r.vetoed) continue
    out.vetoedReviews++
    for (const hit of r.vetoes) if (hit.ceilingIndex !== null) ceiling = Math.max(ceiling ?? 0, hit.ceilingIndex)
  }
  out.vetoed = rule === 'any' ? out.vetoedReviews > 0 : out.vetoedReviews * 2 > scores.length
  out.ceilingIndex = out.vetoed ? ceiling : null
}

/** The panel figures of one subject; `scores` is not empty. */
export function panelFigures(template: Template, scores: readonly ScoreResult[], method: PanelMethod): PanelFigures {
  const totalsH: number[] = []
  const percentsH: number[] = []
  for (const r of scores) {
    totalsH.push(toH(r.total))
    if (r.percent !== null) percentsH.push(toH(r.percent))
  }
  const totalH = aggregateH(totalsH, method.aggregate, method.trim) ?? 0
  const percent = points(percentsH, method)
  const out: PanelFigures = {
    totalH,
    percent,
    sections: {},
    sectionPercents: {},
    bandData: { total: fromH(totalH), percent, sections: [] },
    vetoedReviews: 0,
    vetoed: false,
    ceilingIndex: null,
  }
  sectionFigures(template, scores, method, out)
  vetoFigures(scores, method.veto, out)
  return out
}
