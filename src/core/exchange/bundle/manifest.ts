/** The manifest: written last on export, read and checked first on import. */
import { fail, ok, type Issue, type Result } from '../../result'
import {
  ATTACHMENT_PREFIX,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_KIND,
  ENTRY,
  MAX_ATTACHMENT_BYTES,
  MAX_BUNDLE_ENTRIES,
  MAX_JSON_ENTRY_BYTES,
  type BundleManifest,
} from './format'
import { bundleIssue, formatBytes } from './messages'

/** What the writer supplies; the kind and the format version are the reader's contract, set here. */
export type ManifestInit = Omit<BundleManifest, 'kind' | 'formatVersion'>

export function buildManifest(init: ManifestInit): BundleManifest {
  return {
    kind: BUNDLE_KIND,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: init.appVersion,
    deviceId: init.deviceId,
    createdAt: init.createdAt,
    ...(init.filter !== undefined && Object.keys(init.filter).length > 0 && { filter: init.filter }),
    counts: init.counts,
    entries: init.entries,
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const SHA256 = /^[0-9a-f]{64}$/
const COUNT_KEYS = ['templates', 'templateVersions', 'responses', 'answers', 'tasks', 'attachments'] as const

/**
 * Checks a parsed manifest. The format version is checked before anything else, so a bundle from
 * a newer app says "update the app" rather than listing every field it does not recognise.
 */
export function checkManifest(json: unknown): Result<BundleManifest> {
  const bad = (detail: string): Result<BundleManifest> => fail([bundleIssue('badManifest', { detail })])
  if (!isRecord(json)) return bad('not an object / 不是对象')
  if (json.kind !== BUNDLE_KIND) return bad(`kind ≠ ${BUNDLE_KIND}`)
  if (json.formatVersion !== BUNDLE_FORMAT_VERSION) {
    return fail([
      bundleIssue('formatVersion', { version: String(json.formatVersion), supported: BUNDLE_FORMAT_VERSION }, '/formatVersion'),
    ])
  }
  for (const key of ['appVersion', 'deviceId', 'createdAt'] as const) {
    if (typeof json[key] !== 'string') return bad(`${key}`)
  }
  const counts = json.counts
  if (!isRecord(counts) || !COUNT_KEYS.every((k) => isCount(counts[k]))) return bad('counts')
  const entries = json.entries
  if (!isRecord(entries)) return bad('entries')
  const names = Object.keys(entries)
  if (names.length > MAX_BUNDLE_ENTRIES) return bad(`> ${MAX_BUNDLE_ENTRIES} entries`)
  for (const name of names) {
    const e = entries[name]
    if (!isRecord(e) || !isCount(e.size) || typeof e.sha256 !== 'string' || !SHA256.test(e.sha256)) {
      return bad(`entries["${name}"]`)
    }
  }
  if (json.filter !== undefined && !isRecord(json.filter)) return bad('filter')
  return ok(json as unknown as BundleManifest)
}

/** Per-entry size limits; tests lower them to keep their bundles small. */
export interface EntryLimits {
  json: number
  attachment: number
}

export const ENTRY_LIMITS: EntryLimits = { json: MAX_JSON_ENTRY_BYTES, attachment: MAX_ATTACHMENT_BYTES }

/** The limit that applies to an entry's uncompressed size. */
export function entryLimit(name: string, limits: EntryLimits = ENTRY_LIMITS): number {
  return name.startsWith(ATTACHMENT_PREFIX) ? limits.attachment : limits.json
}

/**
 * Compares the zip's directory with the manifest before any entry is inflated: every listed entry
 * exists, nothing unlisted rides along, and no entry claims a size over its limit (so a zip bomb
 * is refused before its first byte is decompressed).
 */
export function checkDirectory(
  manifest: BundleManifest,
  directory: ReadonlyArray<{ name: string; size: number }>,
  limits: EntryLimits = ENTRY_LIMITS,
): Issue[] {
  const issues: Issue[] = []
  const seen = new Set<string>()
  for (const { name, size } of directory) {
    if (name === ENTRY.manifest || name.endsWith('/')) continue
    seen.add(name)
    const listed = manifest.entries[name]
    if (!listed) issues.push(bundleIssue('unlistedEntry', { name }))
    const limit = entryLimit(name, limits)
    if (size > limit || (listed && listed.size > limit)) {
      const claimed = Math.max(size, listed?.size ?? 0)
      issues.push(
        name.startsWith(ATTACHMENT_PREFIX)
          ? bundleIssue('attachmentTooLarge', { id: name.slice(ATTACHMENT_PREFIX.length), size: formatBytes(claimed), limit: formatBytes(limit) })
          : bundleIssue('entryTooLarge', { name, size: formatBytes(claimed), limit: formatBytes(limit) }),
      )
    } else if (listed && listed.size !== size) {
      issues.push(bundleIssue('checksum', { name }))
    }
  }
  for (const name of Object.keys(manifest.entries)) {
    if (!seen.has(name)) issues.push(bundleIssue('missingEntry', { name }))
  }
  return issues
}
