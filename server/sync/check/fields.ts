/**
 * Field checks for untrusted sync JSON: every record shape is a table of these, so a refusal can
 * name the exact field (`/mutations/3/answer/note`). Text has length limits everywhere: a push is
 * a stranger's request until proven otherwise.
 */
export type Obj = Record<string, unknown>
export type FieldCheck = (v: unknown) => boolean
/** Fields of a record and their checks; optional fields accept `undefined` in their check. */
export type Spec = Record<string, FieldCheck>

export const MAX_ID = 200
export const MAX_TEXT = 10_000
/** Attachment ids in one answer, subject fields in one response: more cannot come from the app. */
export const MAX_LIST = 1_000

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
export const id: FieldCheck = (v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID
/** An id of at most `max` characters. */
export const idOf =
  (max: number): FieldCheck =>
  (v) =>
    id(v) && (v as string).length <= max
export const text: FieldCheck = (v) => typeof v === 'string' && v.length <= MAX_TEXT
export const bool: FieldCheck = (v) => typeof v === 'boolean'
export const finite: FieldCheck = (v) => typeof v === 'number' && Number.isFinite(v)
export const count: FieldCheck = (v) => Number.isSafeInteger(v) && (v as number) >= 0
export const positive: FieldCheck = (v) => Number.isSafeInteger(v) && (v as number) >= 1
export const oneOf =
  (list: readonly unknown[]): FieldCheck =>
  (v) =>
    list.includes(v)
export const optional =
  (check: FieldCheck): FieldCheck =>
  (v) =>
    v === undefined || check(v)
export const listOf =
  (check: FieldCheck, max = MAX_LIST): FieldCheck =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(check)
/** An ISO 8601 time as the app writes them (`2026-03-01T08:00:00.000Z`), or a date. */
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/
export const time: FieldCheck = (v) => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v))
export const sha256: FieldCheck = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)
/** Subject values are text or numbers, as the fill form writes them. */
export const subject: FieldCheck = (v) =>
  isObj(v) && Object.keys(v).length <= MAX_LIST && Object.keys(v).every((k) => id(k)) && Object.values(v).every((x) => text(x) || finite(x))
export const object: FieldCheck = isObj

/** The first field of `o` failing its check, or undefined. */
export function firstBadField(o: Obj, spec: Spec): string | undefined {
  for (const [key, check] of Object.entries(spec)) if (!check(Object.hasOwn(o, key) ? o[key] : undefined)) return key
  return undefined
}

/**
 * A copy of `o` with only the fields `spec` knows: a device may keep more on its rows (indexes,
 * a score it computed), and none of that is the server's to store.
 */
export function pick<T>(o: Obj, spec: Spec): T {
  const out: Obj = {}
  for (const key of Object.keys(spec)) if (Object.hasOwn(o, key) && o[key] !== undefined) out[key] = o[key]
  return out as T
}

/** RFC 6901: `~` and `/` escaped. */
export const segment = (s: string | number): string => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')

/**
 * The pointer of the first string (value or key) holding U+0000, which PostgreSQL `jsonb` cannot
 * store: refused here, it would otherwise fail the whole batch's transaction.
 */
export function findNul(value: unknown, at: string): string | undefined {
  const stack: Array<[unknown, string]> = [[value, at]]
  while (stack.length > 0) {
    const [v, p] = stack.pop()!
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return p
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => stack.push([x, p + segment(i)]))
    } else if (isObj(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return p
        stack.push([x, p + segment(k)])
      }
    }
  }
  return undefined
}
