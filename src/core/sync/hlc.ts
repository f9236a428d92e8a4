/**
 * Hybrid logical clocks (Kulkarni et al., 2014): the order sync uses for concurrent edits instead
 * of device wall time. A clock reading is the wall time in ms, a counter for events within the
 * same ms (or while the wall clock lags behind a clock already seen), and the device id, which
 * breaks ties so that two devices never produce equal readings.
 *
 * Encoded as fixed-width text (`0001764700000000.00000.<device>`), so plain string comparison is the
 * clock order on every side: IndexedDB, PostgreSQL `text` columns and JavaScript alike.
 */
export interface Hlc {
  /** Milliseconds since the epoch. */
  wall: number
  /** Events within the same `wall`. */
  count: number
  /** The device (or server) that produced the reading. */
  node: string
}

const WALL_DIGITS = 16
const COUNT_DIGITS = 5
const MAX_COUNT = 10 ** COUNT_DIGITS - 1
/** Device ids are UUIDs; anything outside this alphabet cannot be one of ours. */
const NODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const HLC_PATTERN = /^(\d{16})\.(\d{5})\.([A-Za-z0-9_-]{1,64})$/

/**
 * A clock more than this ahead of the receiver's wall time is refused: one device with its date
 * set a year ahead would otherwise win every conflict for a year, and drag every clock along.
 */
export const MAX_CLOCK_AHEAD_MS = 10 * 60_000

export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_DIGITS, '0')}.${String(h.count).padStart(COUNT_DIGITS, '0')}.${h.node}`
}

/** The reading in `text`, or undefined when it is not a well-formed clock. */
export function parseHlc(text: unknown): Hlc | undefined {
  if (typeof text !== 'string') return undefined
  const m = HLC_PATTERN.exec(text)
  if (!m) return undefined
  return { wall: Number(m[1]), count: Number(m[2]), node: m[3]! }
}

export function isHlc(text: unknown): text is string {
  return parseHlc(text) !== undefined
}

/** -1, 0 or 1: the clock order, which is the order of the encoded text. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export class ClockError extends Error {
  override readonly name = 'ClockError'
}

function checkNode(node: string): void {
  if (!NODE_PATTERN.test(node)) throw new ClockError(`invalid clock node ${JSON.stringify(node)}`)
}

/**
 * The reading for a local event (an answer given, a task closed): after `last`, and at least the
 * wall clock `now`.
 */
export function tickHlc(last: string | undefined, now: number, node: string): string {
  checkNode(node)
  const prev = last === undefined ? undefined : parseHlc(last)
  if (!prev || now > prev.wall) return encodeHlc({ wall: now, count: 0, node })
  if (prev.count >= MAX_COUNT) throw new ClockError('clock counter overflow')
  return encodeHlc({ wall: prev.wall, count: prev.count + 1, node })
}

/**
 * The local clock after seeing `remote` (a pulled record): after both. A remote reading more than
 * MAX_CLOCK_AHEAD_MS ahead of `now` is not taken (the local clock stays where it was), so a bad
 * clock elsewhere cannot drag this one into the future.
 */
export function receiveHlc(last: string | undefined, remote: string, now: number, node: string): string {
  checkNode(node)
  const r = parseHlc(remote)
  const l = last === undefined ? undefined : parseHlc(last)
  if (!r || r.wall > now + MAX_CLOCK_AHEAD_MS) return tickHlc(last, now, node)
  const wall = Math.max(now, r.wall, l?.wall ?? 0)
  let count: number
  if (l && wall === l.wall && wall === r.wall) count = Math.max(l.count, r.count) + 1
  else if (l && wall === l.wall) count = l.count + 1
  else if (wall === r.wall) count = r.count + 1
  else count = 0
  if (count > MAX_COUNT) throw new ClockError('clock counter overflow')
  return encodeHlc({ wall, count, node })
}

/** True when `text` reads more than MAX_CLOCK_AHEAD_MS after `now`, or is no clock at all. */
export function hlcTooFarAhead(text: string, now: number): boolean {
  const h = parseHlc(text)
  return !h || h.wall > now + MAX_CLOCK_AHEAD_MS
}

/**
 * The clock of a record written before sync existed (or by a bundle of an older build): its
 * `updatedAt`, count 0, node `-legacy`, which sorts before every device id (device ids are UUIDs,
 * which never start with '-'): a clock a device ticks in the same ms orders after it.
 */
export function legacyHlc(updatedAt: string | undefined): string {
  const wall = updatedAt === undefined ? 0 : Date.parse(updatedAt)
  return encodeHlc({ wall: Number.isNaN(wall) ? 0 : Math.max(0, wall), count: 0, node: '-legacy' })
}

/** A record's clock: its own, or the legacy reading of its `updatedAt`. */
export function clockOf(record: { hlc?: string; updatedAt?: string }): string {
  return record.hlc !== undefined && isHlc(record.hlc) ? record.hlc : legacyHlc(record.updatedAt)
}
