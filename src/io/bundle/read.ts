/**
 * Reading a backup bundle entry by entry with zip.js. The manifest and the directory are checked
 * before any entry is inflated; JSON entries are checked against their SHA-256 as they are read;
 * attachment bytes are read (and checked) only when the merge needs them, one at a time.
 */
import { BlobReader, Uint8ArrayWriter, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js'
import {
  ATTACHMENT_PREFIX,
  ENTRY,
  MAX_BUNDLE_BYTES,
  MAX_BUNDLE_ENTRIES,
  attachmentEntryName,
  bundleIssue,
  checkDirectory,
  checkManifest,
  formatBytes,
  parseBundleContent,
  sha256Hex,
  type BundleContent,
  type BundleManifest,
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
}

const isFile = (e: Entry): e is FileEntry => !e.directory

async function entryBytes(entry: FileEntry): Promise<Uint8Array<ArrayBuffer>> {
  return (await entry.getData(new Uint8ArrayWriter())) as Uint8Array<ArrayBuffer>
}

/** Inflates a listed entry and checks its SHA-256 against the manifest. */
async function checkedBytes(entry: FileEntry, manifest: BundleManifest): Promise<Result<Uint8Array<ArrayBuffer>>> {
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = await entryBytes(entry)
  } catch {
    // A CRC or inflate error: the entry's bytes are damaged.
    return fail([bundleIssue('checksum', { name: entry.filename })])
  }
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
  if (manifestEntry.uncompressedSize > 16 * 1024 ** 2) return failed([bundleIssue('badManifest', { detail: 'too large' })])
  let manifestJson: unknown
  try {
    manifestJson = JSON.parse(decoder.decode(await entryBytes(manifestEntry)))
  } catch {
    return failed([bundleIssue('badManifest', { detail: 'not JSON / 不是 JSON' })])
  }
  const manifest = checkManifest(manifestJson)
  if (!manifest.ok) return failed(manifest.issues)
  const directoryIssues = checkDirectory(
    manifest.value,
    entries.map((e) => ({ name: e.filename, size: e.uncompressedSize })),
  )
  if (directoryIssues.length > 0) return failed(directoryIssues)

  const texts: Record<'templates' | 'responses' | 'tasks' | 'attachments', string> = { templates: '', responses: '', tasks: '', attachments: '' }
  for (const key of Object.keys(texts) as Array<keyof typeof texts>) {
    const entry = byName.get(ENTRY[key])
    if (!entry) return failed([bundleIssue('missingEntry', { name: ENTRY[key] })])
    const bytes = await checkedBytes(entry, manifest.value)
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
      const bytes = await checkedBytes(entry, manifest.value)
      return bytes.ok ? ok(new Blob([bytes.value], { type: types.get(id) ?? '' })) : bytes
    },
    close: () => reader.close().then(() => undefined),
  })
}
