/**
 * Rule 6 of evaluation.md: competition ranking (1, 2, 2, 4) by panel total, highest first; vetoed
 * subjects rank after every subject that is not vetoed, the same way among themselves.
 */

export interface Rankable {
  totalH: number
  vetoed: boolean
}

/** Whether `a` goes before `b` in the league table (ties are neither). */
function ahead(a: Rankable, b: Rankable): number {
  if (a.vetoed !== b.vetoed) return a.vetoed ? 1 : -1
  return b.totalH - a.totalH
}

/** The rank of each subject, in the input order: 1 + how many subjects are strictly ahead of it. */
export function competitionRanks(subjects: readonly Rankable[]): number[] {
  const order = subjects.map((_, i) => i).sort((i, j) => ahead(subjects[i] as Rankable, subjects[j] as Rankable))
  const ranks = new Array<number>(subjects.length)
  order.forEach((s, position) => {
    const previous = position > 0 ? (order[position - 1] as number) : -1
    const tied = previous >= 0 && ahead(subjects[previous] as Rankable, subjects[s] as Rankable) === 0
    ranks[s] = tied ? (ranks[previous] as number) : position + 1
  })
  return ranks
}
