/**
 * Reading a backup bundle entry by entry with zip.js. The manifest and the directory are checked
 * before any entry is inflated; JSON entries are checked against their SHA-256 as they are read;
 * attachment bytes are read (and checked) only when the merge needs them, one at a time.
 *
 * Every entry is inflated through a capped stream: a declared size over the limit is refused
 * before the first byte is inflated (checkDirectory), and an entry whose declared size lies is
 * stopped as soon as its bytes pass the limit, so a zip bomb never fills memory.
 */
import { BlobReader, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js'
import {
  ATTACHMENT_PREFIX,
  ENTRY,
  ENTRY_LIMITS,
  MAX_BUNDLE_BYTES,
  MAX_BUNDLE_ENTRIES,
  MAX_MANIFEST_BYTES,
  attachmentEntryName,
  bundleIssue,
  checkDirectory,
  checkManifest,
  entryLimit,
  formatBytes,
  parseBundleContent,
  sha256Hex,
  type BundleContent,
  type BundleManifest,
  type EntryLimits,
} from '@/core/exchange/bundle'
import { fail, ok, type Issue, type Result } from '@/core/result'
import { configureZip } from './zip-config'

export interface OpenedBundle {
  content: BundleContent
  /** The checked bytes of one attachment, as a Blob of its type. */
  readAttachment(id: string): Promise<Result<Blob>>
  close(): Promise<void>
}

export interface ReadBundleOptions {
  /** Tests lower it; the app uses MAX_BUNDLE_BYTES. */
  maxBytes?: number
  /** Tests lower them; the app uses ENTRY_LIMITS (64 MiB per JSON entry, 20 MiB per attachment). */
  limits?: Partial<EntryLimits>
}

const isFile = (e: Entry): e is FileEntry => !e.directory

/** Thrown by the capped stream; never escapes this file. */
class EntryOverLimit extends Error {}

/**
 * Inflates an entry, keeping at most `cap` bytes: the stream errors as soon as one more byte
 * arrives, which stops the inflation there. Resolves `null` when the entry is over the cap.
 */
async function cappedBytes(entry: FileEntry, cap: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = []
  let total = 0
  let over = false
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      total += chunk.byteLength
      if (total > cap) {
        over = true
        throw new EntryOverLimit()
      }
      chunks.push(chunk)
    },
  })
  try {
    await entry.getData(writable)
  } catch (error) {
    if (over) return null
    throw error
  }
  if (over) return null
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}

function overLimit(name: string, limit: number): Issue {
  const size = `> ${formatBytes(limit)}`
  return name.startsWith(ATTACHMENT_PREFIX)
    ? bundleIssue('attachmentTooLarge', { id: name.slice(ATTACHMENT_PREFIX.length), size, limit: formatBytes(limit) })
    : bundleIssue('entryTooLarge', { name, size, limit: formatBytes(limit) })
}

/** Inflates a listed entry within its limit and checks its SHA-256 against the manifest. */
async function checkedBytes(entry: FileEntry, manifest: BundleManifest, limits: EntryLimits): Promise<Result<Uint8Array<ArrayBuffer>>> {
  const limit = entryLimit(entry.filename, limits)
  let bytes: Uint8Array<ArrayBuffer> | null
  try {
    bytes = await cappedBytes(entry, limit)
  } catch {
    // A CRC or inflate error: the entry's bytes are damaged.
    return fail([bundleIssue('checksum', { name: entry.filename })])
  }
  if (bytes === null) return fail([overLimit(entry.filename, limit)])
  const listed = manifest.entries[entry.filename]
  if (!listed || listed.size !== bytes.byteLength || listed.sha256 !== (await sha256Hex(bytes))) {
    return fail([bundleIssue('checksum', { name: entry.filename })])
  }
  return ok(bytes)
}

const decoder = new TextDecoder('utf-8', { fatal: false })

/**
 * Opens a bundle file: size, zip directory, manifest, checksums and shape of every JSON entry.
 * Nothing is stored; the caller plans and applies the merge with the returned content.
 */
export async function openBundle(file: Blob, options: ReadBundleOptions = {}): Promise<Result<OpenedBundle>> {
  configureZip()
  const maxBytes = options.maxBytes ?? MAX_BUNDLE_BYTES
  const limits: EntryLimits = { ...ENTRY_LIMITS, ...options.limits }
  if (file.size > maxBytes) return fail([bundleIssue('tooLarge', { size: formatBytes(file.size), limit: formatBytes(maxBytes) })])
  const reader = new ZipReader(new BlobReader(file))
  const failed = async <T>(issues: Issue[]): Promise<Result<T>> => {
    await reader.close().catch(() => undefined)
    return fail(issues)
  }
  let entries: FileEntry[]
  try {
    entries = (await reader.getEntries()).filter(isFile)
  } catch {
    return failed([bundleIssue('notZip')])
  }
  if (entries.length === 0) return failed([bundleIssue('notZip')])
  if (entries.length > MAX_BUNDLE_ENTRIES + 1) return failed([bundleIssue('badManifest', { detail: `> ${MAX_BUNDLE_ENTRIES} entries` })])
  const byName = new Map(entries.map((e) => [e.filename, e]))

  const manifestEntry = byName.get(ENTRY.manifest)
  if (!manifestEntry) return failed([bundleIssue('noManifest')])
  const tooLargeManifest = (): Promise<Result<OpenedBundle>> => failed([bundleIssue('badManifest', { detail: `> ${formatBytes(MAX_MANIFEST_BYTES)}` })])
  if (manifestEntry.uncompressedSize > MAX_MANIFEST_BYTES) return tooLargeManifest()
  let manifestJson: unknown
  try {
    const bytes = await cappedBytes(manifestEntry, MAX_MANIFEST_BYTES)
    if (bytes === null) return tooLargeManifest()
    manifestJson = JSON.parse(decoder.decode(bytes))
  } catch {
    return failed([bundleIssue('badManifest', { detail: 'not JSON / 不是 JSON' })])
  }
  const manifest = checkManifest(manifestJson)
  if (!manifest.ok) return failed(manifest.issues)
  const directoryIssues = checkDirectory(
    manifest.value,
    entries.map((e) => ({ name: e.filename, size: e.uncompressedSize })),
    limits,
  )
  if (directoryIssues.length > 0) return failed(directoryIssues)

  const texts: Record<'templates' | 'responses' | 'tasks' | 'attachments', string> = { templates: '', responses: '', tasks: '', attachments: '' }
  for (const key of Object.keys(texts) as Array<keyof typeof texts>) {
    const entry = byName.get(ENTRY[key])
    if (!entry) return failed([bundleIssue('missingEntry', { name: ENTRY[key] })])
    const bytes = await checkedBytes(entry, manifest.value, limits)
    if (!bytes.ok) return failed(bytes.issues)
    texts[key] = decoder.decode(bytes.value)
  }
  const content = parseBundleContent(manifest.value, texts)
  if (!content.ok) return failed(content.issues)
  for (const a of content.value.attachments) {
    if (!byName.has(attachmentEntryName(a.id))) return failed([bundleIssue('attachmentMissing', { id: a.id })])
  }
  const types = new Map(content.value.attachments.map((a) => [a.id, a.type]))

  return ok({
    content: content.value,
    async readAttachment(id: string): Promise<Result<Blob>> {
      const entry = byName.get(ATTACHMENT_PREFIX + id)
      if (!entry) return fail([bundleIssue('attachmentMissing', { id })])
      const bytes = await checkedBytes(entry, manifest.value, limits)
      return bytes.ok ? ok(new Blob([bytes.value], { type: types.get(id) ?? '' })) : bytes
    },
    close: () => reader.close().then(() => undefined),
  })
}
