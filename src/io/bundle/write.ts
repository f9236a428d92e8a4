/**
 * Writing a backup bundle: records stream out of the database into a zip that streams into a
 * sink (a file on disk via the File System Access API, or a Blob in the browser's blob store).
 * Photos pass one at a time: read, hashed, written, released — 500 photos never sit in memory.
 */
import { TextReader, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js'
import {
  ENTRY,
  attachmentEntryName,
  buildManifest,
  sha256Hex,
  type BundleFilter,
  type BundleManifest,
  type EntryChecksum,
} from '@/core/exchange/bundle'
import type { QingdanDatabase } from '@/db/database'
import { attachmentBlob, responseLines, selectForExport } from '@/db/repositories/bundle-export'
import { getDeviceId } from '@/db/repositories/meta'
import { nowIso } from '@/db/time'
import { APP_VERSION } from './app-version'
import { configureZip } from './zip-config'

export interface WriteBundleOptions {
  filter?: BundleFilter
  appVersion?: string
  now?: string
  /** Called after each attachment with (done, total), for a progress bar. */
  onProgress?: (done: number, total: number) => void
}

export interface WriteBundleResult {
  manifest: BundleManifest
}

/**
 * Writes a bundle of the records `filter` selects into `sink`, and closes the sink.
 * @throws on a storage or write failure (the sink is aborted, the partial file is not kept by the browser).
 */
export async function writeBundle(db: QingdanDatabase, sink: WritableStream<Uint8Array>, options: WriteBundleOptions = {}): Promise<WriteBundleResult> {
  configureZip()
  const createdAt = options.now ?? nowIso()
  const selection = await selectForExport(db, options.filter ?? {})
  const deviceId = await getDeviceId(db)
  const entries: Record<string, EntryChecksum> = {}
  const zip = new ZipWriter(sink, { keepOrder: true })
  try {
    const addText = async (name: string, text: string): Promise<void> => {
      const bytes = new TextEncoder().encode(text)
      entries[name] = { size: bytes.byteLength, sha256: await sha256Hex(bytes) }
      await zip.add(name, new Uint8ArrayReader(bytes))
    }
    await addText(ENTRY.templates, JSON.stringify({ templates: selection.templates, versions: selection.versions }))
    // JSON Lines: no results or derived fields, so 1,000 responses are a few MB of text.
    let lines = ''
    let answerCount = 0
    for await (const page of responseLines(db, selection.responseIds)) {
      lines += page.text
      answerCount += page.answers
    }
    await addText(ENTRY.responses, lines)
    lines = ''
    await addText(ENTRY.tasks, JSON.stringify(selection.tasks))
    const attachments = selection.attachments
    await addText(ENTRY.attachments, JSON.stringify(attachments))
    let done = 0
    for (const meta of attachments) {
      const blob = await attachmentBlob(db, meta.id)
      if (!blob) throw new Error(`attachment ${meta.id} has no bytes`)
      const bytes = new Uint8Array(await blob.arrayBuffer())
      entries[attachmentEntryName(meta.id)] = { size: bytes.byteLength, sha256: await sha256Hex(bytes) }
      // Photos and PDFs are compressed already: store them, deflating would only cost time.
      await zip.add(attachmentEntryName(meta.id), new Uint8ArrayReader(bytes), { level: 0 })
      options.onProgress?.(++done, attachments.length)
    }
    const manifest = buildManifest({
      appVersion: options.appVersion ?? APP_VERSION,
      deviceId,
      createdAt,
      filter: selection.filter,
      counts: {
        templates: selection.templates.length,
        templateVersions: selection.versions.length,
        responses: selection.responseIds.length,
        answers: answerCount,
        tasks: selection.tasks.length,
        attachments: attachments.length,
      },
      entries,
    })
    await zip.add(ENTRY.manifest, new TextReader(JSON.stringify(manifest, null, 2)))
    await zip.close()
    return { manifest }
  } catch (error) {
    await sink.abort(error).catch(() => undefined)
    throw error
  }
}

/** A sink that collects the zip into a Blob held by the browser's blob store, not the JS heap. */
export function blobSink(type = 'application/zip'): { sink: WritableStream<Uint8Array>; blob: Promise<Blob> } {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>()
  const blob = new Response(readable).blob().then((b) => (b.type === type ? b : new Blob([b], { type })))
  return { sink: writable, blob }
}
