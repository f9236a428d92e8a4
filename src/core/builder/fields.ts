/** Setting one field of a node from a form: empty values remove the field instead of storing ''. */

/** A copy of `node` with `key` set to `value`, or without `key` when `value` is undefined, '' or NaN. */
export function withField<T extends object>(node: T, key: string, value: unknown): T {
  const copy = { ...node } as Record<string, unknown>
  if (value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value))) delete copy[key]
  else copy[key] = value
  return copy as T
}

/** A form's number text as a number, or undefined when empty or not a number. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const n = Number(value)
  return Number.isFinite(n) ? n : undefined
}
