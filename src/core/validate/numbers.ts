/** Number helpers shared by template and answer checks. Points live in hundredths (format.md rule 10). */

/** Tolerance for float noise: 0.1 + 0.2 is still "two decimals". */
const EPSILON = 1e-7

/** True when `value` has at most two decimals. */
export function hasTwoDecimalsAtMost(value: number): boolean {
  const hundredths = value * 100
  return Math.abs(hundredths - Math.round(hundredths)) < EPSILON * Math.max(1, Math.abs(hundredths))
}

/** True when `value` is `min` plus a whole number of `step`s (steps such as 0.5 or 0.1 included). */
export function isOnStep(value: number, min: number, step: number): boolean {
  if (!(step > 0)) return true
  const steps = (value - min) / step
  return Math.abs(steps - Math.round(steps)) < EPSILON * Math.max(1, Math.abs(steps))
}
