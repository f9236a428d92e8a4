/**
 * Checks that run before Ajv, so that no input can make validation slow, deep or throw:
 * documents over 5 MB, nested deeper than 64 levels, cyclic objects passed from code.
 */
import type { Issue } from '@/core/result'
import { makeIssue } from './issues'

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
export const MAX_DOCUMENT_DEPTH = 64
/** A 5 MB JSON text cannot hold more values than this; more means shared sub-objects from code. */
const MAX_NODES = 3_000_000

export interface GuardOptions {
  /** Size of the raw file, for callers that have it; otherwise the JSON text length is measured. */
  sizeBytes?: number
}

/** Depth-first walk with an explicit stack: a recursive one would overflow on the documents it must refuse. */
function depthProblem(json: unknown): Issue | null {
  const stack: Array<[unknown, number]> = [[json, 1]]
  let visited = 0
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number]
    if (typeof node !== 'object' || node === null) continue
    if (depth > MAX_DOCUMENT_DEPTH) return makeIssue('document.tooDeep', '', { limit: MAX_DOCUMENT_DEPTH })
    if (++visited > MAX_NODES) return makeIssue('document.tooLarge', '', { size: `> ${MAX_NODES} values`, limit: MAX_DOCUMENT_BYTES })
    const children = Array.isArray(node) ? node : Object.values(node)
    for (const child of children) stack.push([child, depth + 1])
  }
  return null
}

/** Issues that stop validation before the schema is even looked at; empty when the document may proceed. */
export function guardDocument(json: unknown, options: GuardOptions = {}): Issue[] {
  try {
    const deep = depthProblem(json)
    if (deep) return [deep]
    // Counted in UTF-16 units, not bytes: close enough for a guard, and free of an encoder.
    const size = options.sizeBytes ?? (JSON.stringify(json) ?? '').length
    if (size > MAX_DOCUMENT_BYTES) return [makeIssue('document.tooLarge', '', { size, limit: MAX_DOCUMENT_BYTES })]
    return []
  } catch (error) {
    // Getters that throw, BigInt values, proxies: not JSON.
    return [makeIssue('document.unreadable', '', { reason: error instanceof Error ? error.message : String(error) })]
  }
}
