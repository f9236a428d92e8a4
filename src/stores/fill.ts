/**
 * The fill store: one response being filled. It orchestrates the core (scoring) and the db
 * (autosave); it decides no number itself.
 *
 * Performance shape (a 1,000-item checklist on a tablet): answers live in a shallow reactive
 * record keyed by item id and the per-item view state in a shallow reactive Map, so a row that
 * reads `answers[id]` and `itemStates.get(id)` re-renders only when those change. The score result
 * is a shallowRef recomputed on every change (scoring 1,000 items is well under a millisecond).
 */
import { computed, ref, shallowReactive, shallowRef, toRaw } from 'vue'
import { defineStore } from 'pinia'
import type { Answer, AnswerValue, Response, ScoreResult, Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import {
  addAttachment,
  createResponse,
  deleteAttachment,
  getDb,
  getResponse,
  getTemplateVersion,
  listAttachments,
  openTasksForSubmitted,
  persistStorage,
  saveAnswer,
  saveResponseFields,
  submitResponse,
  type AttachmentRow,
  type ResponseRow,
} from '@/db'
import { afterDomPatch, useAutosave } from '@/composables/useAutosave'
import { nextSubject } from '@/composables/dormRound'
import {
  deriveItemStates,
  flattenItems,
  patchStates,
  submitBlockers,
  type Blocker,
  type FlatItem,
  type ItemState,
} from '@/composables/fillModel'
import { resizePhoto } from '@/io/image'

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

/** Temporary ids of attachments not yet stored; never written into a stored answer. */
const PENDING_PREFIX = 'pending-'

export const useFillStore = defineStore('fill', () => {
  const template = shallowRef<Template | null>(null)
  const row = shallowRef<ResponseRow | null>(null)
  const items = shallowRef<FlatItem[]>([])
  const answers = shallowReactive<Record<string, Answer>>({})
  const itemStates = shallowReactive(new Map<string, ItemState>())
  const result = shallowRef<ScoreResult | null>(null)
  const attachments = shallowReactive(new Map<string, AttachmentView>())
  const loaded = ref(false)
  const loadError = ref<string | null>(null)
  const submitting = ref(false)

  const readonly = computed(() => row.value?.status === 'submitted')

  const autosave = useAutosave({
    persistStorage: () => persistStorage(),
    ready: loaded,
    // A tap's answer write overlaps the frame that paints the tap (see afterDomPatch).
    schedule: afterDomPatch,
  })

  function revokeUrls(): void {
    for (const view of attachments.values()) URL.revokeObjectURL(view.url)
    attachments.clear()
  }

  function reset(): void {
    revokeUrls()
    for (const key of Object.keys(answers)) delete answers[key]
    itemStates.clear()
    template.value = null
    row.value = null
    items.value = []
    result.value = null
    loaded.value = false
    loadError.value = null
  }

  /** Loads a response, its template version and its attachments; then autosave may write. */
  async function load(responseId: string): Promise<boolean> {
    reset()
    const db = getDb()
    const stored = await getResponse(db, responseId)
    if (!stored) {
      loadError.value = 'notFound'
      return false
    }
    // Two independent reads: in parallel, each IndexedDB round trip costs the first paint.
    const [version, files] = await Promise.all([
      getTemplateVersion(db, stored.row.templateId, stored.row.templateVersion),
      listAttachments(db, responseId),
    ])
    if (!version) {
      loadError.value = 'templateMissing'
      return false
    }
    template.value = version.template
    items.value = flattenItems(version.template)
    row.value = stored.row
    Object.assign(answers, stored.response.answers)
    for (const a of files) attachments.set(a.id, toView(a, false))
    rescore()
    loaded.value = true
    return true
  }

  /**
   * The response as the core sees it. Live scoring counts a photo whose write is still queued
   * (the person sees it attached); `stored: true` leaves such ids out, as the database has them.
   */
  function currentResponse(stored = false): Response {
    const r = row.value
    if (!r) throw new Error('no response loaded')
    const plain: Record<string, Answer> = {}
    for (const [id, answer] of Object.entries(answers)) plain[id] = stored ? stripPending(answer) : toRaw(answer)
    return {
      id: r.id,
      templateId: r.templateId,
      templateVersion: r.templateVersion,
      role: r.role,
      subject: r.subject,
      status: r.status,
      inspector: r.inspector,
      answers: plain,
    }
  }

  /** Recomputes the score and patches only the item states that changed. */
  function rescore(): void {
    const t = template.value
    if (!t || !row.value) return
    // A submitted response shows the score stored with it: it was decided at submit.
    const next = row.value.status === 'submitted' && row.value.result ? row.value.result : scoreResponse(t, currentResponse())
    result.value = next
    patchStates(itemStates, deriveItemStates(items.value, answers, next))
  }

  /** Changes part of an item's answer; writes at once, or debounced for typing. */
  function patchAnswer(itemId: string, patch: Partial<Answer>, options: { debounce?: boolean } = {}): void {
    if (readonly.value || !loaded.value) return
    const next: Answer = { ...answers[itemId], ...patch, updatedAt: new Date().toISOString() }
    for (const key of Object.keys(next) as Array<keyof Answer>) if (next[key] === undefined) delete next[key]
    answers[itemId] = next
    rescore()
    queueAnswer(itemId, options.debounce === true)
  }

  function queueAnswer(itemId: string, debounce: boolean): void {
    // A later change of the same item replaces this queued write, so the latest value is stored;
    // when a pending attachment is stored, its swap queues the answer again with the real id.
    const answer = answers[itemId]
    const responseId = row.value?.id
    if (!answer || !responseId) return
    const plain = stripPending(answer)
    autosave.enqueue(`answer:${itemId}`, () => saveAnswer(getDb(), responseId, itemId, plain), { debounce })
  }

  function setValue(itemId: string, value: AnswerValue | undefined, options: { debounce?: boolean } = {}): void {
    // Choosing a value ends an N/A answer.
    patchAnswer(itemId, { value, na: undefined }, options)
  }

  function setNa(itemId: string, na: boolean): void {
    patchAnswer(itemId, { na: na ? true : undefined })
  }

  function setNote(itemId: string, note: string): void {
    patchAnswer(itemId, { note: note === '' ? undefined : note }, { debounce: true })
  }

  function idsOf(itemId: string, slot: AttachmentSlot): string[] {
    const answer = answers[itemId]
    if (slot === 'evidence') return answer?.attachments ?? []
    const value = answer?.value
    return Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : []
  }

  function setIds(itemId: string, slot: AttachmentSlot, ids: string[], single: boolean): void {
    if (slot === 'evidence') patchAnswer(itemId, { attachments: ids.length ? ids : undefined })
    else patchAnswer(itemId, { value: single ? ids[0] : ids.length ? ids : undefined, na: undefined })
  }

  /**
   * Adds files (photos resized first) to an item. Each is shown at once under a pending id and
   * queued for storage before the answer that names it; when stored, the real id replaces it.
   */
  async function addFiles(itemId: string, files: readonly Blob[], slot: AttachmentSlot, options: { single?: boolean } = {}): Promise<void> {
    if (readonly.value || !row.value) return
    const responseId = row.value.id
    for (const file of files) {
      const name = 'name' in file && typeof file.name === 'string' ? file.name : 'file'
      // PNG is left alone: signatures and screenshots are small and a JPEG would blur their lines.
      const image = file.type.startsWith('image/') && file.type !== 'image/png' ? await resizePhoto(file, name) : undefined
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
      const ids = options.single ? [pendingId] : [...idsOf(itemId, slot), pendingId]
      const replaced = options.single ? idsOf(itemId, slot) : []
      setIds(itemId, slot, ids, options.single === true)
      for (const old of replaced) void removeStored(old)
      autosave.enqueue(`attachment:${pendingId}`, async () => {
        const stored = await addAttachment(getDb(), {
          responseId,
          itemId,
          blob,
          name: image?.name ?? name,
          type: image?.type || file.type || 'application/octet-stream',
          ...(image && image.thumb !== blob ? { thumb: image.thumb } : {}),
          ...(image && image.width > 0 ? { width: image.width, height: image.height } : {}),
        })
        swapPending(itemId, slot, pendingId, stored)
      })
    }
  }

  /** An item's value holds one attachment id (signature, single photo), not a list. */
  const holdsOne = (itemId: string, slot: AttachmentSlot): boolean => slot === 'value' && typeof answers[itemId]?.value === 'string'

  /** The shown attachment moves from its pending id to the stored one. */
  function promotePending(pendingId: string, storedId: string): void {
    const view = attachments.get(pendingId)
    attachments.delete(pendingId)
    if (view) attachments.set(storedId, { ...view, id: storedId, pending: false })
  }

  function swapPending(itemId: string, slot: AttachmentSlot, pendingId: string, stored: AttachmentRow): void {
    promotePending(pendingId, stored.id)
    const ids = idsOf(itemId, slot)
    if (!ids.includes(pendingId)) {
      // Removed while its write was queued: remove the stored copy too.
      void removeStored(stored.id)
      return
    }
    setIds(itemId, slot, ids.map((id) => (id === pendingId ? stored.id : id)), holdsOne(itemId, slot))
  }

  async function removeStored(id: string): Promise<void> {
    const view = attachments.get(id)
    if (view) URL.revokeObjectURL(view.url)
    attachments.delete(id)
    if (id.startsWith(PENDING_PREFIX)) return
    autosave.enqueue(`delete:${id}`, () => deleteAttachment(getDb(), id))
  }

  function removeAttachment(itemId: string, id: string, slot: AttachmentSlot): void {
    if (readonly.value) return
    setIds(itemId, slot, idsOf(itemId, slot).filter((x) => x !== id), holdsOne(itemId, slot))
    void removeStored(id)
  }

  /**
   * The inspector's signature on the whole response (`response.signature`), drawn before submit.
   * Shown at once under a pending id; the PNG and then the response field are written in order.
   */
  function setSignature(blob: Blob): void {
    const r = row.value
    if (!r || readonly.value) return
    const previous = r.signature
    const pendingId = PENDING_PREFIX + crypto.randomUUID()
    attachments.set(pendingId, { id: pendingId, itemId: null, name: 'signature.png', type: 'image/png', size: blob.size, url: URL.createObjectURL(blob), pending: true })
    row.value = { ...r, signature: pendingId }
    autosave.enqueue('signature', async () => {
      const stored = await addAttachment(getDb(), { responseId: r.id, itemId: null, blob, name: 'signature.png', type: 'image/png' })
      await saveResponseFields(getDb(), r.id, { signature: stored.id })
      promotePending(pendingId, stored.id)
      if (row.value?.id === r.id) row.value = { ...row.value, signature: stored.id }
    })
    if (previous) void removeStored(previous)
  }

  const blockers = computed<Blocker[]>(() => {
    // Depends on `result` so it refreshes after every rescore.
    void result.value
    return submitBlockers(items.value, itemStates)
  })

  const progress = computed(() => {
    void result.value
    let answered = 0
    let applicable = 0
    for (const { item } of items.value) {
      if (item.type === 'info') continue
      const s = itemStates.get(item.id)
      if (!s || s.hidden || s.na) continue
      applicable += 1
      if (s.answered) answered += 1
    }
    return { answered, applicable }
  })

  /**
   * Submits: writes every pending change, checks the blockers, stores the core's score and locks
   * the response. Returns why it did not submit, or null.
   */
  async function submit(): Promise<'blocked' | 'unsaved' | 'locked' | null> {
    if (!row.value || !template.value) return 'blocked'
    if (readonly.value) return 'locked'
    if (blockers.value.length > 0) return 'blocked'
    submitting.value = true
    try {
      if (!(await autosave.flush())) return 'unsaved'
      const score = scoreResponse(template.value, currentResponse(true))
      const db = getDb()
      await submitResponse(db, row.value.id, score)
      await openTasksForSubmitted(db, row.value.id) // #6: findings become rectification tasks
      const stored = await getResponse(db, row.value.id)
      if (stored) row.value = stored.row
      rescore()
      return null
    } finally {
      submitting.value = false
    }
  }

  /** Dorm round: a new draft for the next room, building and floor kept. Returns its id. */
  async function startNextRoom(): Promise<string | undefined> {
    const r = row.value
    const t = template.value
    if (!r || !t) return undefined
    const order = t.subject?.fields.map((f) => f.id) ?? Object.keys(r.subject)
    const subject = nextSubject(r.subject, order)
    if (!subject) return undefined
    const created = await createResponse(getDb(), {
      template: t,
      subject,
      role: r.role,
      inspector: r.inspector,
    })
    return created.id
  }

  return {
    template,
    row,
    items,
    answers,
    itemStates,
    result,
    attachments,
    loaded,
    loadError,
    submitting,
    readonly,
    blockers,
    progress,
    saveState: autosave.state,
    saveError: autosave.lastError,
    pendingWrites: autosave.pending,
    load,
    reset,
    setValue,
    setNa,
    setNote,
    addFiles,
    removeAttachment,
    setSignature,
    retrySave: autosave.retry,
    flush: autosave.flush,
    submit,
    startNextRoom,
  }
})

function toView(row: AttachmentRow, pending: boolean): AttachmentView {
  return {
    id: row.id,
    itemId: row.itemId,
    name: row.name,
    type: row.type,
    size: row.size,
    url: URL.createObjectURL(row.thumb ?? row.blob),
    pending,
  }
}

/** The answer as stored: pending attachment ids left out (they are written when their file is). */
function stripPending(answer: Answer): Answer {
  const raw = toRaw(answer)
  const keep = (ids: string[]) => ids.filter((id) => !id.startsWith(PENDING_PREFIX))
  const out: Answer = { ...raw }
  if (Array.isArray(raw.value)) out.value = keep(raw.value)
  else if (typeof raw.value === 'string' && raw.value.startsWith(PENDING_PREFIX)) delete out.value
  if (raw.attachments) out.attachments = keep(raw.attachments)
  return out
}
