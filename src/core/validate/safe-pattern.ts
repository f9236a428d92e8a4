/**
 * Author-written regular expressions, run on answers without risking the page: compiled once and
 * cached, refused when malformed or when they nest unbounded repeats (`(a+)+`, the classic
 * catastrophic-backtracking shape), and only ever run on inputs of bounded length.
 */

/** Longest answer a pattern is run on. */
export const MAX_PATTERN_INPUT = 1000

export type CompiledPattern = { ok: true; regex: RegExp } | { ok: false; reason: string }

const cache = new Map<string, CompiledPattern>()

/** True when a quantified group contains an unbounded quantifier: exponential backtracking risk. */
function nestsUnboundedRepeats(pattern: string): boolean {
  const frames: boolean[] = [false]
  let i = 0
  const unboundedAt = (at: number): number => {
    const c = pattern[at]
    if (c === '*' || c === '+') return 1
    if (c === '{') {
      const m = /^\{\d*,\}/.exec(pattern.slice(at, at + 12))
      if (m) return m[0].length
    }
    return 0
  }
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === '\\') {
      i += 2
    } else if (c === '[') {
      i++
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1
      i++
    } else if (c === '(') {
      frames.push(false)
      i++
    } else if (c === ')') {
      const inner = frames.pop() ?? false
      i++
      const quantified = unboundedAt(i) > 0
      if (quantified && inner) return true
      if (frames.length === 0) frames.push(false)
      frames[frames.length - 1] = (frames[frames.length - 1] ?? false) || inner || quantified
    } else {
      const length = unboundedAt(i)
      if (length > 0) frames[frames.length - 1] = true
      i += Math.max(1, length)
    }
  }
  return false
}

/** The whole-answer regex for a text item's `pattern`, or why it cannot be used. */
export function compilePattern(pattern: string): CompiledPattern {
  const cached = cache.get(pattern)
  if (cached) return cached
  let result: CompiledPattern
  if (nestsUnboundedRepeats(pattern)) {
    result = { ok: false, reason: 'nested unbounded repetition such as (a+)+ can take forever to check' }
  } else {
    try {
      // `u`: the flag JSON Schema patterns use; anchored because the whole answer must match.
      result = { ok: true, regex: new RegExp(`^(?:${pattern})$`, 'u') }
    } catch (error) {
      result = { ok: false, reason: error instanceof Error ? error.message : String(error) }
    }
  }
  if (cache.size > 1000) cache.clear()
  cache.set(pattern, result)
  return result
}
