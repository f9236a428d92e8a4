/**
 * Importing a bundle in two steps, so people see what will change before it does:
 * `prepareBundleImport` (open, check, validate, plan — writes nothing) then
 * `commitBundleImport` (read the needed attachments, check them, apply in one transaction).
 */
import type { MergePlan } from '@/core/exchange/bundle'
import { bundleIssue } from '@/core/exchange/bundle'
import { fail, ok, type Result } from '@/core/result'
import type { QingdanDatabase } from '@/db/database'
import { applyPlan, prepareImport } from '@/db/repositories/bundle-import'
import { sniffBlob } from '../sniff'
import { openBundle, type OpenedBundle, type ReadBundleOptions } from './read'

export interface PreparedImport {
  plan: MergePlan
  bundle: OpenedBundle
}

export async function prepareBundleImport(db: QingdanDatabase, file: Blob, options: ReadBundleOptions = {}): Promise<Result<PreparedImport>> {
  const opened = await openBundle(file, options)
  if (!opened.ok) return opened
  const planned = await prepareImport(db, opened.value.content)
  if (!planned.ok) {
    await opened.value.close()
    return planned
  }
  return ok({ plan: planned.value, bundle: opened.value })
}

/**
 * Applies a prepared import. A damaged attachment or a failed write leaves the database as it
 * was (the plan is written in one transaction, after every needed attachment was read and checked).
 * Storage errors (a full disk) reject, as every write of `src/db` does.
 */
export async function commitBundleImport(db: QingdanDatabase, prepared: PreparedImport, onProgress?: (done: number, total: number) => void): Promise<Result<MergePlan>> {
  const { plan, bundle } = prepared
  try {
    const blobs = new Map<string, Blob>()
    let done = 0
    for (const a of plan.attachments) {
      const blob = await bundle.readAttachment(a.id)
      if (!blob.ok) return fail(blob.issues)
      // The bytes decide the type, as for a picked file: an SVG or HTML "photo" is refused, and
      // what is stored is labelled with what it is, whatever the bundle claims.
      const type = await sniffBlob(blob.value)
      if (type === null) return fail([bundleIssue('attachmentType', { id: a.id, name: a.name })])
      a.type = type
      blobs.set(a.id, new Blob([blob.value], { type }))
      onProgress?.(++done, plan.attachments.length)
    }
    await applyPlan(db, plan, blobs)
  } finally {
    await bundle.close()
  }
  return ok(plan)
}

/** Cancels a prepared import (closes the file). */
export async function cancelBundleImport(prepared: PreparedImport): Promise<void> {
  await prepared.bundle.close()
}
