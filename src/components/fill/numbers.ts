/**
 * Snaps a typed or stepped score onto its grid: [min, max] in steps of `step` from `min`.
 * Works in hundredths (format.md rule 10: points have at most two decimals) so 0.1 + 0.2 is 0.3.
 */
export function snapToStep(value: number, min: number, max: number, step: number): number {
  const h = (n: number): number => Math.round(n * 100)
  const lo = h(min)
  const hi = h(max)
  const s = Math.max(1, h(step))
  const clamped = Math.min(hi, Math.max(lo, h(value)))
  let snapped = lo + Math.round((clamped - lo) / s) * s
  if (snapped > hi) snapped -= s
  return snapped / 100
}
