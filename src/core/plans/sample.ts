/**
 * Surprise inspections (抽查): N subjects drawn at random, reproducibly from a seed, so the draw
 * can be shown, checked and repeated ("the sample of 2026-12-03 drawn by 王主任") and every device
 * that expands the same plan draws the same rooms.
 */

/** A 32-bit hash of the seed text (FNV-1a): only to start the generator, nothing secret. */
function seedNumber(seed: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: a small, well-distributed generator; a draw needs fairness, not secrecy. */
function generator(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `n` distinct subjects from `subjectIds` (all of them when n ≥ their count), in draw order. */
export function drawSample(subjectIds: readonly string[], n: number, seed: string): string[] {
  const pool = [...new Set(subjectIds)]
  const take = Math.max(0, Math.min(Math.floor(n), pool.length))
  const random = generator(seedNumber(seed))
  // A partial Fisher–Yates shuffle: the first `take` places are a uniform sample.
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, take)
}
