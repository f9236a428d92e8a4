/**
 * Which version the builder's header names. After publishing version N the editor goes on with
 * a draft numbered N+1; calling that "v2" right after "已发布第 1 版" reads as if a second
 * version existed. The header names the published version and whether the draft differs from it.
 */
import type { Template } from '../format/types'

export interface VersionState {
  /** The latest published version, 0 when none. */
  published: number
  /** The draft differs from that version (always true before the first publish). */
  edited: boolean
  /** The number the next publish will take. */
  next: number
}

/** Deep equality of JSON data, key order ignored (an edit and its reversal may reorder keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]))
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  // An `undefined` member is absent in JSON.
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined)
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => sameJson(ra[k], rb[k]))
}

/** The header's version facts for `draft` against the latest published template (or none). */
export function versionState(draft: Template, published: Template | null): VersionState {
  if (!published) return { published: 0, edited: true, next: draft.version }
  const edited = !sameJson({ ...draft, version: published.version }, published)
  return { published: published.version, edited, next: published.version + 1 }
}
