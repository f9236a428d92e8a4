/**
 * The attachments of the response being filled: photos and files of items, evidence, and the
 * inspector's signature. A file is shown at once under a pending id (an object URL of its
 * thumbnail) and queued for storage before the answer that names it; once stored, the real id
 * replaces the pending one in the view and in the answer. Pending ids never reach IndexedDB.
 *
 * The fill store owns the answers and the queue; this composable owns the views, their object
 * URLs and the pending → stored swap. Storage comes in as three functions, so it runs without a db.
 */
import { shallowReactive, toRaw, toValue, type MaybeRefOrGetter, type ShallowReactive, type ShallowRef } from 'vue'
import type { Answer } from '@/core/format/types'
import type { AddAttachmentInput, AttachmentRow, ResponseRow } from '@/db'
import type { resizePhoto } from '@/io/image'
import type { UseAutosaveReturn } from './useAutosave'

/** What the UI shows of an attachment; `url` is an object URL of the thumbnail (or the file). */
export interface AttachmentView {
  id: string
  itemId: string | null
  name: string
  type: string
  size: number
  url: string
  /** Not yet committed to IndexedDB (its write is queued or failed). */
  pending: boolean
}

/** Where a file goes: the item's own value (photo, file, signature) or its evidence list. */
export type AttachmentSlot = 'value' | 'evidence'

/** The writes this composable needs; the fill store binds them to its database. */
export interface AttachmentStorage {
  add(input: AddAttachmentInput): Promise<AttachmentRow>
  remove(id: string): Promise<void>
  /** Points the response's `signature` at a stored attachment. */
  setSignature(responseId: string, attachmentId: string): Promise<void>
}

export interface UseFillAttachmentsOptions {
  /** The response being filled; `setSignature` updates its `signature`. */
  row: ShallowRef<ResponseRow | null>
  /** The answers, read to find where an item's attachment ids are. */
  answers: Readonly<Record<string, Answer>>
  /** Changes part of an item's answer; the store rescores and queues its write. */
  patchAnswer: (itemId: string, patch: Partial<Answer>) => void
  readonly: MaybeRefOrGetter<boolean>
  /** The autosave queue: attachment writes are ordered with the answers that name them. */
  queue: Pick<UseAutosaveReturn, 'enqueue'>
  storage: AttachmentStorage
  /** Shrinks a photo before it is stored; passed in by tests that have no canvas. */
  resize?: typeof resizePhoto
}

export interface UseFillAttachmentsReturn {
  attachments: ShallowReactive<Map<string, AttachmentView>>
  /** Shows the stored attachments of a freshly loaded response. */
  load(rows: readonly AttachmentRow[]): void
  /** Revokes every object URL and forgets the views. */
  reset(): void
  addFiles(itemId: string, files: readonly Blob[], slot: AttachmentSlot, options?: { single?: boolean }): Promise<void>
  removeAttachment(itemId: string, id: string, slot: AttachmentSlot): void
  setSignature(blob: Blob): void
}

/** Temporary ids of attachments not yet stored; never written into a stored answer. */
const PENDING_PREFIX = 'pending-'

const isPending = (id: string): boolean => id.startsWith(PENDING_PREFIX)

/** The answer as stored: pending attachment ids left out (they are written when their file is). */
export function stripPending(answer: Answer): Answer {
  const raw = toRaw(answer)
  const keep = (ids: string[]) => ids.filter((id) => !isPending(id))
  const out: Answer = { ...raw }
  if (Array.isArray(raw.value)) out.value = keep(raw.value)
  else if (typeof raw.value === 'string' && isPending(raw.value)) delete out.value
  if (raw.attachments) out.attachments = keep(raw.attachments)
  return out
}

/** The canvas code loads with the first photo, not with every fill page. */
const resizeLazily: typeof resizePhoto = async (...args) => (await import('@/io/image')).resizePhoto(...args)

export function useFillAttachments(options: UseFillAttachmentsOptions): UseFillAttachmentsReturn {
  const { row, answers, patchAnswer, readonly, queue, storage, resize = resizeLazily } = options
  const attachments = shallowReactive(new Map<string, AttachmentView>())

  function load(rows: readonly AttachmentRow[]): void {
    for (const a of rows) {
      attachments.set(a.id, {
        id: a.id,
        itemId: a.itemId,
        name: a.name,
        type: a.type,
        size: a.size,
        url: URL.createObjectURL(a.thumb ?? a.blob),
        pending: false,
      })
    }
  }

  function reset(): void {
    for (const view of attachments.values()) URL.revokeObjectURL(view.url)
    attachments.clear()
  }

  function idsOf(itemId: string, slot: AttachmentSlot): string[] {
    const answer = answers[itemId]
    if (slot === 'evidence') return answer?.attachments ?? []
    const value = answer?.value
    return Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : []
  }

  function setIds(itemId: string, slot: AttachmentSlot, ids: string[], single: boolean): void {
    if (slot === 'evidence') patchAnswer(itemId, { attachments: ids.length ? ids : undefined })
    // Attaching is answering: it ends an N/A answer, as choosing a value does.
    else patchAnswer(itemId, { value: single ? ids[0] : ids.length ? ids : undefined, na: undefined })
  }

  /** An item's value holds one attachment id (signature, single photo), not a list. */
  const holdsOne = (itemId: string, slot: AttachmentSlot): boolean => slot === 'value' && typeof answers[itemId]?.value === 'string'

  /** Adds files (photos resized first); each is shown at once and stored in the queue's order. */
  async function addFiles(itemId: string, files: readonly Blob[], slot: AttachmentSlot, opts: { single?: boolean } = {}): Promise<void> {
    const r = row.value
    if (toValue(readonly) || !r) return
    const responseId = r.id
    for (const file of files) {
      const name = 'name' in file && typeof file.name === 'string' ? file.name : 'file'
      // PNG is left alone: signatures and screenshots are small and a JPEG would blur their lines.
      const image = file.type.startsWith('image/') && file.type !== 'image/png' ? await resize(file, name) : undefined
      const blob = image?.blob ?? file
      const pendingId = PENDING_PREFIX + crypto.randomUUID()
      attachments.set(pendingId, {
        id: pendingId,
        itemId,
        name: image?.name ?? name,
        type: image?.type ?? file.type,
        size: blob.size,
        url: URL.createObjectURL(image?.thumb ?? blob),
        pending: true,
      })
      const ids = opts.single ? [pendingId] : [...idsOf(itemId, slot), pendingId]
      const replaced = opts.single ? idsOf(itemId, slot) : []
      setIds(itemId, slot, ids, opts.single === true)
      for (const old of replaced) removeStored(old)
      queue.enqueue(`attachment:${pendingId}`, async () => {
        const stored = await storage.add({
          responseId,
          itemId,
          blob,
          name: image?.name ?? name,
          type: image?.type || file.type || 'application/octet-stream',
          ...(image && image.thumb !== blob ? { thumb: image.thumb } : {}),
          ...(image && image.width > 0 ? { width: image.width, height: image.height } : {}),
        })
        swapPending(itemId, slot, pendingId, stored.id)
      })
    }
  }

  /** The shown attachment moves from its pending id to the stored one. */
  function promotePending(pendingId: string, storedId: string): void {
    const view = attachments.get(pendingId)
    attachments.delete(pendingId)
    if (view) attachments.set(storedId, { ...view, id: storedId, pending: false })
  }

  function swapPending(itemId: string, slot: AttachmentSlot, pendingId: string, storedId: string): void {
    promotePending(pendingId, storedId)
    const ids = idsOf(itemId, slot)
    if (!ids.includes(pendingId)) {
      // Removed while its write was queued: remove the stored copy too.
      removeStored(storedId)
      return
    }
    // The answer is queued again, now naming the stored id.
    setIds(itemId, slot, ids.map((id) => (id === pendingId ? storedId : id)), holdsOne(itemId, slot))
  }

  /** Forgets a view; a stored file is deleted in the queue, a pending one never reaches it. */
  function removeStored(id: string): void {
    const view = attachments.get(id)
    if (view) URL.revokeObjectURL(view.url)
    attachments.delete(id)
    if (isPending(id)) return
    queue.enqueue(`delete:${id}`, () => storage.remove(id))
  }

  function removeAttachment(itemId: string, id: string, slot: AttachmentSlot): void {
    if (toValue(readonly)) return
    setIds(itemId, slot, idsOf(itemId, slot).filter((x) => x !== id), holdsOne(itemId, slot))
    removeStored(id)
  }

  /**
   * The inspector's signature on the whole response (`response.signature`), drawn before submit.
   * Shown at once under a pending id; the PNG and then the response field are written in order.
   */
  function setSignature(blob: Blob): void {
    const r = row.value
    if (!r || toValue(readonly)) return
    const previous = r.signature
    const pendingId = PENDING_PREFIX + crypto.randomUUID()
    attachments.set(pendingId, { id: pendingId, itemId: null, name: 'signature.png', type: 'image/png', size: blob.size, url: URL.createObjectURL(blob), pending: true })
    row.value = { ...r, signature: pendingId }
    queue.enqueue('signature', async () => {
      const stored = await storage.add({ responseId: r.id, itemId: null, blob, name: 'signature.png', type: 'image/png' })
      await storage.setSignature(r.id, stored.id)
      promotePending(pendingId, stored.id)
      if (row.value?.id === r.id) row.value = { ...row.value, signature: stored.id }
    })
    if (previous) removeStored(previous)
  }

  return { attachments, load, reset, addFiles, removeAttachment, setSignature }
}
