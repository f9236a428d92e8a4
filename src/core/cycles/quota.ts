/**
 * Rule 5 of evaluation.md: a band given to at most a share of the subjects. q = floor(n ×
 * maxPercent / 100), at least 1, where n counts the subjects with a review. The holders of the
 * band, by panel total, keep it up to q; a holder whose total equals the q-th's keeps it too
 * (并列超额). The others take the next band below that they qualify for.
 */
import { RuleBudget } from '../conditions'
import type { BandResult, ResultNote, Template } from '../format/types'
import { pickBand, type BandData } from '../scoring/bands'
import { note } from '../scoring/notes'
import { toH } from '../scoring/hundredths'
import type { Quota, QuotaResult } from './types'

export interface QuotaSubject {
  totalH: number
  band: BandResult | null
  bandData: BandData
  quotaTie: boolean
  quotaDemoted: boolean
  /** Where band notes about this subject go (the lowest band taken as a fallback …). */
  notes: ResultNote[]
}

/**
 * Rule 4's band over the panel figures, from band `from` down (a veto ceiling, or the band below a
 * quota's). Each decision gets its own rule budget, as each scoring does: validation bounds one.
 */
export function bandOf(template: Template, data: BandData, from: number | null, notes: ResultNote[]): BandResult | null {
  const pass = new RuleBudget()
  const band = pickBand(template.scoring, data, from, notes, pass)
  if (pass.exhausted) notes.push(note('ruleBudgetExhausted', {}))
  return band
}

/** The index of the band a quota (or a veto) names: a band's id first, else its label. */
export function bandIndexOf(template: Template, name: string): number {
  const bands = template.scoring?.bands ?? []
  const byId = bands.findIndex((b) => b.id === name)
  return byId >= 0 ? byId : bands.findIndex((b) => b.label === name)
}

/** Places under a quota for n subjects, in integer arithmetic (maxPercent may have decimals). */
export function quotaPlaces(n: number, maxPercent: number): number {
  if (n <= 0) return 0
  return Math.max(1, Math.floor((n * toH(maxPercent)) / 10000))
}

/**
 * Applies every quota to `subjects` in place, best band first, so that a subject moved down by one
 * quota counts under the quota of the band it lands in. Which of several equal totals is "the
 * q-th" is not defined, so every holder tied with the q-th total is marked when ties overfill it.
 */
export function applyQuotas(template: Template, quotas: readonly Quota[], subjects: QuotaSubject[]): QuotaResult[] {
  const resolved = quotas
    .map((quota) => ({ quota, index: bandIndexOf(template, quota.band) }))
    .filter((q) => q.index >= 0)
    .sort((a, b) => a.index - b.index)
  const results: QuotaResult[] = []
  for (const { quota, index } of resolved) {
    const places = quotaPlaces(subjects.length, quota.maxPercent)
    const holders = subjects.filter((s) => s.band?.index === index).sort((a, b) => b.totalH - a.totalH)
    const last = holders[places - 1]
    // The lowest band has nothing below it: its quota cannot move anyone (validation warns).
    const lowest = index >= (template.scoring?.bands?.length ?? 0) - 1
    const cutoffH = last === undefined || lowest ? Number.NEGATIVE_INFINITY : last.totalH
    let kept = 0
    let demoted = 0
    for (const s of holders) {
      if (s.totalH >= cutoffH) {
        kept++
        continue
      }
      s.band = bandOf(template, s.bandData, index + 1, s.notes)
      s.quotaDemoted = true
      demoted++
    }
    if (kept > places) for (const s of holders) if (s.totalH === cutoffH) s.quotaTie = true
    const label = template.scoring?.bands?.[index]?.label ?? quota.band
    results.push({ band: label, maxPercent: quota.maxPercent, places, kept, demoted })
  }
  return results
}
