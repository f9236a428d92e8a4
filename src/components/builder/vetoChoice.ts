/**
 * A veto (一票否决) as one select: none, "the lowest band" (`true`), or a named band ceiling
 * (format.md rule 7: the band's `id`, or its `label` when it has none). One control for the
 * options table and the count item, so both write the same values.
 */
import type { Band, Veto } from '@/core/format/types'

/** The select value meaning `veto: true`; not a possible band key (band ids are slugs, labels are words). */
export const LOWEST = '*'

export interface VetoChoice {
  value: string
  /** A band's label; empty for the two fixed choices, which the caller labels in its language. */
  label: string
}

/** The band ceilings to offer, best first, as format.md names them (id, else label). */
export function vetoChoices(bands: readonly Band[] | undefined): VetoChoice[] {
  return (bands ?? []).map((b) => ({ value: b.id ?? b.label, label: b.label }))
}

export function vetoToChoice(veto: Veto | undefined): string {
  return veto === true ? LOWEST : (veto ?? '')
}

export function choiceToVeto(value: string): Veto | undefined {
  if (value === '') return undefined
  return value === LOWEST ? true : value
}
