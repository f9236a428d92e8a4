/**
 * What capped a result's grade, named for what it is. A veto hit whose ceiling is the lowest band
 * (or a template without bands) is a 一票否决; a veto hit that only holds the grade below a better
 * band is a ceiling (等次上限), and must not be called a veto. A red line (`zero`, format rule 7)
 * is neither: it zeroes a score, and is named as a 红线 by the views that show `result.zeroes`.
 */
import type { ScoreResult, Template } from '../format/types'

export type VerdictKind = 'veto' | 'ceiling'

export interface Verdict {
  kind: VerdictKind
  /** The band the grade may not rise above; null for a veto without bands. */
  ceilingLabel: string | null
  /** The items that caused it, in template order of the hits. */
  itemIds: string[]
}

/** Null when nothing capped the grade. A veto outranks a ceiling when both are present. */
export function verdictOf(result: Pick<ScoreResult, 'vetoes'>, template: Pick<Template, 'scoring'>): Verdict | null {
  const lowest = (template.scoring?.bands?.length ?? 0) - 1
  const vetoIds: string[] = []
  const ceilingIds: string[] = []
  let ceilingIndex = -1
  let ceilingLabel: string | null = null
  for (const hit of result.vetoes) {
    if (hit.ceilingIndex === null || hit.ceilingIndex >= lowest) {
      vetoIds.push(hit.itemId)
      continue
    }
    ceilingIds.push(hit.itemId)
    // The most severe ceiling is the one that binds.
    if (hit.ceilingIndex > ceilingIndex) {
      ceilingIndex = hit.ceilingIndex
      ceilingLabel = hit.ceilingLabel
    }
  }
  if (vetoIds.length > 0) {
    const lowestLabel = lowest >= 0 ? (template.scoring?.bands?.[lowest]?.label ?? null) : null
    return { kind: 'veto', ceilingLabel: lowestLabel, itemIds: unique(vetoIds) }
  }
  if (ceilingIds.length > 0) return { kind: 'ceiling', ceilingLabel, itemIds: unique(ceilingIds) }
  return null
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}
