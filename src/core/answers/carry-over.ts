/**
 * Round-level answers (`carryOver` items, e.g. 本次是否开展冬季专项检查): one round of inspections
 * answers them once, so the next subject of the round (下一间) starts with them as just given.
 */
import type { Answer, Item, Section, Template } from '../format/types'

function* itemsOf(sections: readonly Section[]): Generator<Item> {
  for (const s of sections) {
    yield* s.items
    if (s.sections) yield* itemsOf(s.sections)
  }
}

/** Photo, file and signature values are attachment ids of one response: never carried over. */
const NOT_CARRIED: ReadonlySet<Item['type']> = new Set(['info', 'photo', 'file', 'signature'])

/** Ids of the template's round-level items, in template order. */
export function carryOverItemIds(template: Template): string[] {
  return [...itemsOf(template.sections)].filter((i) => !NOT_CARRIED.has(i.type) && 'carryOver' in i && i.carryOver === true).map((i) => i.id)
}

/**
 * The answers a next response of the round starts with: the value (or N/A) of each round-level
 * item that was answered. Notes and attachments stay with the subject they were about.
 */
export function carryOverAnswers(template: Template, answers: Readonly<Record<string, Answer>>): Record<string, Answer> {
  const out: Record<string, Answer> = {}
  for (const id of carryOverItemIds(template)) {
    const a = answers[id]
    if (a === undefined) continue
    if (a.na === true) out[id] = { na: true }
    else if (a.value !== undefined) out[id] = { value: Array.isArray(a.value) ? [...a.value] : a.value }
  }
  return out
}
