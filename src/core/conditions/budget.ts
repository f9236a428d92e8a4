/**
 * One step budget for every rule of one pass (a scoring, or one derivation of item states).
 * Each rule already has its own limit (MAX_RULE_STEPS); without a shared one, thousands of rules
 * each near that limit would make a single tap cost seconds. The pass's rules draw on one
 * `RuleBudget`; once it is spent, every further rule of the pass evaluates as broken (what a rule
 * that hits its own limit already does), and the caller says so in a note.
 *
 * Validation refuses templates whose rules could ever need more (`ruleStepBound` in
 * core/validate), so a valid template never sees the budget run out; it guards templates that
 * bypassed validation.
 */

/**
 * Steps one pass may spend on rules. About 35 ns a step on a desktop, so ≈ 20 ms here and well
 * under 100 ms on a slow tablet; a 1,000-item template with a rule on every item needs ≈ 40,000.
 */
export const MAX_PASS_STEPS = 500_000

export class RuleBudget {
  /** Steps still to spend. */
  left: number
  /** A rule of this pass was cut short, or not run, because the budget was spent. */
  exhausted = false

  constructor(steps: number = MAX_PASS_STEPS) {
    this.left = steps
  }

  /**
   * Charges `steps` for a result known without running the rule (a memo): true when a fresh
   * evaluation would have fitted, false (and the budget spent) when it would have been cut.
   * Charging reused results too makes a pass's outcome independent of what earlier passes memoised.
   */
  charge(steps: number): boolean {
    if (steps > this.left) {
      this.left = 0
      this.exhausted = true
      return false
    }
    this.left -= steps
    return true
  }
}
