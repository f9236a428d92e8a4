/**
 * Author-written regular expressions, run on answers without risking the page. They are matched
 * by RE2 (re2js, a pure-JS port), whose automata take time linear in the input, so no pattern can
 * backtrack forever: `(a|aa)*` on a thousand characters costs what `a*` does. What RE2 cannot
 * promise linear time for (lookaround, backreferences) it refuses to compile, and so do we.
 *
 * Linear is not free: the cost of a match is the program size times the input length, so both are
 * capped: answers longer than MAX_PATTERN_INPUT are not checked, and patterns that compile to more
 * than MAX_PATTERN_PROGRAM instructions are refused as the template's error.
 */
import { RE2JS } from 're2js'

/** Longest answer a pattern is run on. */
export const MAX_PATTERN_INPUT = 1000

/**
 * Largest RE2 program a pattern may compile to (`.{0,1000}` is about 2,000); with the input cap
 * this keeps one check well under 100 ms on a slow tablet.
 */
export const MAX_PATTERN_PROGRAM = 2500

/** Why a pattern is refused: malformed, a construct RE2 leaves out, or too big to run cheaply. */
export type PatternProblem = 'syntax' | 'unsupported' | 'tooComplex'

/**
 * `cost`: what compiling took, in RE2 program instructions (compile time grows with them, about
 * 7 µs each on a desktop); for a pattern that did not parse, its length.
 */
export type CompiledPattern =
  /** `test` is for answers of at most MAX_PATTERN_INPUT characters; callers check the length first. */
  | { ok: true; test: (value: string) => boolean; cost: number }
  | { ok: false; problem: PatternProblem; reason: string; cost: number }

const cache = new Map<string, CompiledPattern>()

/**
 * JSON Schema and the builder speak JavaScript syntax; RE2 writes a code point as `\x{4e00}` where
 * JavaScript writes `\u4e00` or `\u{4e00}` (common in Chinese patterns such as `[\u4e00-\u9fa5]`).
 * Only escapes are rewritten; a `\\u` (an escaped backslash then `u`) is left alone.
 */
export function toRe2Syntax(pattern: string): string {
  return pattern.replace(/\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|(.))/gsu, (whole, braced?: string, four?: string) => {
    const hex = braced ?? four
    return hex === undefined ? whole : `\\x{${hex}}`
  })
}

/** Lookaround (`(?=`, `(?<=`) and backreferences (`\\1`): valid JavaScript, left out of RE2 on purpose. */
const UNSUPPORTED = /unsupported Perl syntax|invalid named capture: `\(\?<[=!]|invalid escape sequence: `\\[1-9k]/

function compile(pattern: string): CompiledPattern {
  let re: RE2JS
  try {
    re = RE2JS.compile(toRe2Syntax(pattern))
  } catch (error) {
    // re2js messages name the construct, e.g. "invalid or unsupported Perl syntax: `(?=`".
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^error parsing regexp: /, '')
    return { ok: false, problem: UNSUPPORTED.test(reason) ? 'unsupported' : 'syntax', reason, cost: pattern.length }
  }
  const size = re.programSize()
  if (size > MAX_PATTERN_PROGRAM) return { ok: false, problem: 'tooComplex', reason: String(size), cost: size }
  // testExact anchors both ends: the whole answer must match.
  return { ok: true, test: (value) => re.testExact(value), cost: size }
}

/** The whole-answer matcher for a text item's `pattern`, or why it cannot be used. Cached. */
export function compilePattern(pattern: string): CompiledPattern {
  const cached = cache.get(pattern)
  if (cached) return cached
  const result = compile(pattern)
  if (cache.size > 1000) cache.clear()
  cache.set(pattern, result)
  return result
}
