/**
 * The figures of each top-level section for a live summary, as objects that stay the same
 * (by identity) while a section's figures stay the same. A tap changes one section: a view keyed
 * on these objects (e.g. `v-memo`) then re-renders that section's entry only, not all of them.
 */
import type { ScoreResult, SectionResult, Section } from '../format/types'

export interface SectionSummary {
  readonly id: string
  readonly title: string
  readonly hidden: boolean
  readonly zeroed: boolean
  readonly score: number
  readonly max: number
  readonly percent: number | null
  readonly bonus: number
}

function same(a: SectionSummary, title: string, r: SectionResult | undefined): boolean {
  return (
    a.title === title &&
    a.hidden === (r?.hidden ?? false) &&
    a.zeroed === (r?.zeroed ?? false) &&
    a.score === (r?.score ?? 0) &&
    a.max === (r?.max ?? 0) &&
    a.percent === (r?.percent ?? null) &&
    a.bonus === (r?.bonus ?? 0)
  )
}

/**
 * One summary per top-level section of `sections`, in order, from `result` (null: no score yet,
 * all zero). Reuses each object of `previous` whose figures did not change, and returns
 * `previous` itself when none did.
 */
export function summarizeSections(
  sections: readonly Section[],
  result: ScoreResult | null,
  previous: readonly SectionSummary[] = [],
): readonly SectionSummary[] {
  const results = result?.sections ?? []
  const out: SectionSummary[] = new Array<SectionSummary>(sections.length)
  let changed = previous.length !== sections.length
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i] as Section
    // The result lists the top-level sections in template order; look up only if that ever differs.
    const r = results[i]?.id === section.id ? results[i] : results.find((s) => s.id === section.id)
    const before = previous[i]
    if (before !== undefined && before.id === section.id && same(before, section.title, r)) {
      out[i] = before
      continue
    }
    changed = true
    out[i] = {
      id: section.id,
      title: section.title,
      hidden: r?.hidden ?? false,
      zeroed: r?.zeroed ?? false,
      score: r?.score ?? 0,
      max: r?.max ?? 0,
      percent: r?.percent ?? null,
      bonus: r?.bonus ?? 0,
    }
  }
  return changed ? out : previous
}
