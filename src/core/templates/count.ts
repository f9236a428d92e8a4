import type { Section, Template } from '../format/types'

/** Items a person answers: every type but `info`, nested sections included. */
export function countAnswerableItems(template: Pick<Template, 'sections'>): number {
  const countIn = (sections: readonly Section[]): number =>
    sections.reduce((n, s) => n + s.items.filter((i) => i.type !== 'info').length + countIn(s.sections ?? []), 0)
  return countIn(template.sections)
}
