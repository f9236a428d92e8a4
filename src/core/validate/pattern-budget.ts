/**
 * A template's text patterns, compiled within one total budget. Each pattern's compile is
 * bounded (its length is capped at 500 characters), but not cheap: one can take most of a second
 * (`.{0,1000}` fifty times compiles to 100,000 instructions before it is refused as too complex),
 * and a template may hold a thousand distinct ones. Validation compiles the distinct patterns in
 * template order and stops once their program sizes add up to MAX_PATTERN_TOTAL; the first
 * pattern left uncompiled is the template's error. A validation then spends at most the budget
 * plus one pattern on compiling.
 */
import { compilePattern, type CompiledPattern } from './safe-pattern'

/**
 * Total RE2 program size of a template's distinct patterns: eight patterns at the per-pattern
 * cap (MAX_PATTERN_PROGRAM), or hundreds of real ones (a phone number is about 30); ≈ 150 ms of
 * compiling on a desktop.
 */
export const MAX_PATTERN_TOTAL = 20_000

export class PatternBudget {
  private spent = 0
  private readonly charged = new Set<string>()

  /** The compiled pattern, or null when the budget was spent before it (it is not compiled). */
  compile(pattern: string): CompiledPattern | null {
    if (this.charged.has(pattern)) return compilePattern(pattern)
    if (this.spent >= MAX_PATTERN_TOTAL) return null
    const compiled = compilePattern(pattern)
    this.charged.add(pattern)
    this.spent += compiled.cost
    return compiled
  }
}
