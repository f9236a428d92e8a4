/**
 * Times from another device are claims, not facts. A record dated more than a day after this
 * device's clock (a wrong clock, or a hand-edited "submission" dated 9999) would otherwise win
 * every newer-wins comparison forever. Such times are clamped before validation and merging:
 * to the bundle's export time when that is believable, else to the epoch (the oldest time, so the
 * record loses every comparison). Clamping to a value taken from the bundle, not from "now", keeps
 * importing the same bundle twice a no-op. Responses that carried such a time are also listed as
 * distrusted: the merge never lets them replace this device's records (see mergeResponse).
 */
import type { Issue } from '../../result'
import type { BundleContent, BundleResponse } from './format'
import { bundleIssue } from './messages'

/** How far ahead of this device's clock a time may be (time zones, a slightly wrong clock). */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000

const EPOCH = new Date(0).toISOString()

export interface ClampedContent {
  content: BundleContent
  /** Ids of responses whose row or answers carried a time from the future. */
  distrusted: ReadonlySet<string>
  /** One warning (empty when every time was believable), shown in the merge summary. */
  warnings: Issue[]
}

export function clampFutureTimes(content: BundleContent, now: string): ClampedContent {
  const limit = Date.parse(now) + MAX_CLOCK_SKEW_MS
  const isFuture = (time: string | undefined): boolean => time !== undefined && Date.parse(time) > limit
  const anchor = isFuture(content.manifest.createdAt) || Number.isNaN(Date.parse(content.manifest.createdAt)) ? EPOCH : content.manifest.createdAt
  let count = 0
  let latest = ''
  /** The object with each listed time field clamped; the same object when none was in the future. */
  const clamp = <T extends object>(record: T, fields: ReadonlyArray<keyof T>): T => {
    let out = record
    for (const field of fields) {
      const value = record[field]
      if (typeof value !== 'string' || !isFuture(value)) continue
      if (out === record) out = { ...record }
      out[field] = anchor as T[keyof T]
      count++
      if (value > latest) latest = value
    }
    return out
  }

  const distrusted = new Set<string>()
  const responses = content.responses.map((r): BundleResponse => {
    const before = count
    const answers = Object.fromEntries(Object.entries(r.response.answers).map(([id, a]) => [id, clamp(a, ['updatedAt'])]))
    const response = clamp({ ...r.response, answers }, ['startedAt', 'updatedAt', 'submittedAt'])
    if (count === before) return r
    distrusted.add(r.response.id)
    return { ...r, response }
  })
  const clamped: BundleContent = {
    manifest: content.manifest,
    templates: content.templates.map((t) => clamp(t, ['createdAt', 'updatedAt'])),
    versions: content.versions.map((v) => clamp(v, ['publishedAt'])),
    responses,
    tasks: content.tasks.map((t) => clamp(t, ['createdAt', 'updatedAt', 'rectifiedAt', 'verifiedAt'])),
    attachments: content.attachments.map((a) => clamp(a, ['createdAt'])),
  }
  if (count === 0) return { content, distrusted, warnings: [] }
  const warning: Issue = { ...bundleIssue('futureTimes', { count, latest: latest.slice(0, 10), anchor: anchor.slice(0, 10) }), severity: 'warning' }
  return { content: clamped, distrusted, warnings: [warning] }
}
