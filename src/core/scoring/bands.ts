/**
 * Rule 8 of format.md: the grade band. Bands are listed best first; the first whose `min` is
 * reached on `scoring.basis` and whose `when` holds wins, skipping every band better than a veto
 * ceiling. When none qualifies (a `when` fails all the way down), the last band — the lowest —
 * is the grade, and a note says so: every graded result gets a grade.
 */
import { ruleHolds, type RuleBudget } from '../conditions'
import type { BandResult, ResultNote, TemplateScoring } from '../format/types'
import { note } from './notes'

/** What a band's `when` reads; `sections` are the top-level sections without the bonus ones. */
export interface BandData {
  total: number
  percent: number | null
  sections: Array<{ id: string; score: number; max: number; percent: number | null }>
}

export function pickBand(
  scoring: TemplateScoring | undefined,
  data: BandData,
  ceilingIndex: number | null,
  notes: ResultNote[],
  pass: RuleBudget,
): BandResult | null {
  const bands = scoring?.bands ?? []
  if (bands.length === 0) return null
  const value = scoring?.basis === 'percent' ? (data.percent ?? 0) : data.total
  // A null-prototype copy: the rule reads only what is meant for it.
  const ruleData = Object.assign(Object.create(null) as Record<string, unknown>, data)
  const first = ceilingIndex ?? 0
  for (let i = first; i < bands.length; i++) {
    const band = bands[i]
    if (band === undefined || value < band.min) continue
    if (band.when !== undefined && !ruleHolds(band.when, ruleData, pass)) continue
    return toResult(band, i)
  }
  const lastIndex = bands.length - 1
  const last = bands[lastIndex]
  if (last === undefined) return null
  notes.push(note('lowestBandFallback', { label: last.label }))
  return toResult(last, lastIndex)
}

function toResult(band: NonNullable<TemplateScoring['bands']>[number], index: number): BandResult {
  const out: BandResult = { label: band.label, index }
  if (band.id !== undefined) out.id = band.id
  if (band.color !== undefined) out.color = band.color
  return out
}
