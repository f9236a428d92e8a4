/**
 * Derived index fields of a response's subject. Kept in one place so that createResponse,
 * saveResponseFields and the v2 upgrade compute them the same way.
 */
import type { ResponseRow, Subject } from './rows'

/** Subject values that say something: empty strings are not remembered or indexed. */
export function subjectEntries(subject: Subject): Array<[string, string]> {
  return Object.entries(subject)
    .map(([field, value]): [string, string] => [field, String(value).trim()])
    .filter(([, value]) => value !== '')
}

/**
 * A canonical text for a subject: field order and number-vs-string do not matter, so that
 * `{ room: 201, building: 'A' }` and `{ building: 'A', room: '201' }` are the same room.
 */
export function subjectKey(subject: Subject): string {
  const entries = subjectEntries(subject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify(entries)
}

/** `fieldId=value` terms, one per field, for a multi-entry index (filter by building, floor …). */
export function subjectTerms(subject: Subject): string[] {
  return subjectEntries(subject).map(([field, value]) => subjectTerm(field, value))
}

export function subjectTerm(fieldId: string, value: string | number): string {
  return `${fieldId}=${String(value).trim()}`
}

/** The row with its subject-derived index fields recomputed. */
export function withSubjectIndex<T extends Pick<ResponseRow, 'subject'>>(row: T): T & Pick<ResponseRow, 'subjectKey' | 'subjectTerms'> {
  return { ...row, subjectKey: subjectKey(row.subject), subjectTerms: subjectTerms(row.subject) }
}

/** The subject with the fields of `order` first, in that order, and any others after, as they were. */
export function inFieldOrder(subject: Subject, order: readonly string[]): Subject {
  const out: Subject = {}
  for (const id of order) if (Object.hasOwn(subject, id)) out[id] = subject[id]!
  for (const [id, value] of Object.entries(subject)) if (!Object.hasOwn(out, id)) out[id] = value
  return out
}
