/**
 * The fill store: one response being filled. It orchestrates the core (scoring) and the db
 * (autosave); it decides no number itself. Attachments (pending ids, object URLs, the signature)
 * are useFillAttachments'; the store holds answers, score and submit.
 *
 * Performance shape (a 1,000-item checklist on a tablet): answers live in a shallow reactive
 * record keyed by item id and the per-item view state in a shallow reactive Map, so a row that
 * reads `answers[id]` and `itemStates.get(id)` re-renders only when those change. The score result
 * is a shallowRef recomputed on every change (scoring 1,000 items is well under a millisecond).
 */
import { computed, ref, shallowReactive, shallowRef, toRaw, watch } from 'vue'
import { defineStore } from 'pinia'
import type { Answer, AnswerValue, Item, ItemResult, ScoreResult, Template } from '@/core/format/types'
import { compareResults, createLiveScore, indexTemplate, scoreResponse, type ItemNode, type LiveScore } from '@/core/scoring'
import { carryOverAnswers, deriveItemStates, patchItemStates, progressOf, submitBlockers, type Blocker, type ItemState } from '@/core/answers'
// Repository modules by path, not the '@/db' barrel: the barrel drags every repository's module
// (tasks, results queries …) into the fill page's chunk as side-effect imports.
import { getDb } from '@/db/singleton'
import { persistStorage } from '@/db/persist'
import type { ResponseRow, TaskRow } from '@/db/rows'
import type { AttachmentMeta } from '@/db/repositories/attachments'
import { ResponseLockedError, ResponseNotFoundError } from '@/db/errors'
import { isQuotaError } from '@/db/storage-error'
import { addAttachment, deleteAttachment, listAttachments } from '@/db/repositories/attachments'
import { saveAnswer } from '@/db/repositories/answers'
import { createResponse, getResponse, saveResponseFields, submitResponse } from '@/db/repositories/responses'
import { getTemplateVersion } from '@/db/repositories/templates'
import { afterDomPatch, useAutosave } from '@/composables/useAutosave'
import { stripPending, useFillAttachments } from '@/composables/useFillAttachments'
import { nextSubject } from '@/composables/dormRound'
import { useSyncStore } from '@/stores/sync'

export type { AttachmentSlot, AttachmentView } from '@/composables/useFillAttachments'

/**
 * This tab can no longer write the response: it was submitted (or deleted) elsewhere, e.g. in
 * another tab. `unsaved` holds the changes this tab had not stored yet, so that the person sees
 * them instead of losing them silently; `files` counts photo, file and signature writes among them.
 */
export interface LockedOut {
  reason: 'submitted' | 'deleted'
  unsaved: Array<{ item: Item; answer: Answer }>
  files: number
}

/**
 * The self-assessment a review is filled beside (#15), scored once on load. `items` and
 * `attachments` are by id, so an item's self block reads its own entries.
 */
export interface ReviewedSelf {
  row: ResponseRow
  template: Template
  answers: Readonly<Record<string, Answer>>
  result: ScoreResult
  items: ReadonlyMap<string, ItemResult>
  attachments: ReadonlyMap<string, AttachmentMeta>
}

/** 'none': not a review (or not linked); 'missing': the self-assessment is not on this device. */
export type ReviewedState = 'none' | 'ready' | 'missing'

/** The self-assessment `selfId` scored by the core, or null when it is not on this device. */
async function loadReviewedSelf(selfId: string): Promise<ReviewedSelf | null> {
  // Loaded only for a review: most fill pages never need this module.
  const { readReviewedSelf } = await import('@/db/repositories/review-side')
  const stored = await readReviewedSelf(getDb(), selfId)
  if (!stored) return null
  // Scored here, once, from the answers (not the stored figure): the self column's points are
  // then the same function of the same answers as every other score on the page.
  const result = scoreResponse(stored.template, stored.response)
  return {
    row: stored.row,
    template: stored.template,
    answers: stored.response.answers,
    result,
    items: new Map(result.items.map((i) => [i.id, i])),
    attachments: new Map(stored.attachments.map((a) => [a.id, a])),
  }
}

/** Errors after which no retry of a write can succeed. */
const isLockedOut = (error: unknown): boolean => error instanceof ResponseLockedError || error instanceof ResponseNotFoundError

export const useFillStore = defineStore('fill', () => {
  const template = shallowRef<Template | null>(null)
  const row = shallowRef<ResponseRow | null>(null)
  /** Every item in template order (the core's index; `.item` is the template's item). */
  const items = shallowRef<readonly ItemNode[]>([])
  const answers = shallowReactive<Record<string, Answer>>({})
  /** The core's item states in template order; `itemStates` holds the same objects by id. */
  const states = shallowRef<readonly ItemState[]>([])
  const itemStates = shallowReactive(new Map<string, ItemState>())
  const result = shallowRef<ScoreResult | null>(null)
  const loaded = ref(false)
  const loadError = ref<string | null>(null)
  const submitting = ref(false)
  const lockedOut = shallowRef<LockedOut | null>(null)
  /** The open response's scorer: a tap re-scores only the items its answer can affect. */
  let live: LiveScore | null = null
  /** The rectification tasks the last submit opened here, for the completion screen (null: no submit yet). */
  const createdTasks = shallowRef<readonly TaskRow[] | null>(null)
  /** A review's self-assessment (#15), when the response is one and the self-assessment is here. */
  const reviewed = shallowRef<ReviewedSelf | null>(null)
  const reviewedState = ref<ReviewedState>('none')
  /**
   * review − self in points, only for items where both sides score and differ (the core's
   * comparison). Patched per entry, so a tap re-renders only the self blocks whose mark changed.
   */
  const selfDifferences = shallowReactive(new Map<string, number>())

  const readonly = computed(() => row.value?.status === 'submitted')
  /** The last write failed for want of space: the view says so plainly, not in a tooltip. */
  const storageFull = computed(() => autosave.state.value === 'error' && isQuotaError(autosave.lastError.value))

  const autosave = useAutosave({
    persistStorage: () => persistStorage(),
    ready: loaded,
    // A tap's answer write overlaps the frame that paints the tap (see afterDomPatch).
    schedule: afterDomPatch,
    isFatal: isLockedOut,
    onFatal: (error, keys) => void lockOut(error, keys),
  })

  // Team sync (#13): once writes are committed (answers, photos, signature) or the response is
  // submitted, a sync follows after a quiet moment; it never makes filling wait.
  const sync = useSyncStore()
  watch(() => autosave.state.value === 'saved' || readonly.value, (written) => written && sync.noteLocalWrite())

  const files = useFillAttachments({
    row,
    answers,
    patchAnswer,
    readonly,
    queue: autosave,
    storage: {
      add: (input) => addAttachment(getDb(), input),
      remove: (id) => deleteAttachment(getDb(), id),
      setSignature: (responseId, id) => saveResponseFields(getDb(), responseId, { signature: id }),
    },
  })

  function reset(): void {
    files.reset()
    for (const key of Object.keys(answers)) delete answers[key]
    itemStates.clear()
    states.value = []
    template.value = null
    row.value = null
    items.value = []
    result.value = null
    loaded.value = false
    loadError.value = null
    lockedOut.value = null
    live = null
    createdTasks.value = null
    reviewed.value = null
    reviewedState.value = 'none'
    selfDifferences.clear()
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
    // Independent reads: in parallel, each IndexedDB round trip costs the first paint.
    const reviewOf = stored.row.reviewOf
    const [version, storedFiles, self] = await Promise.all([
      getTemplateVersion(db, stored.row.templateId, stored.row.templateVersion),
      listAttachments(db, responseId),
      reviewOf !== undefined ? loadReviewedSelf(reviewOf) : null,
    ])
    if (!version) {
      loadError.value = 'templateMissing'
      return false
    }
    template.value = version.template
    items.value = indexTemplate(version.template).items
    row.value = stored.row
    Object.assign(answers, stored.response.answers)
    files.load(storedFiles)
    reviewed.value = self
    reviewedState.value = reviewOf === undefined ? 'none' : self ? 'ready' : 'missing'
    rescore()
    loaded.value = true
    return true
  }

  // Live scoring counts a photo whose write is still queued (the person sees it attached).
  /**
   * Recomputes the score and patches only the item states that changed. `changedItemId`: only
   * that answer changed since the last score; without it every answer is read again.
   */
  function rescore(changedItemId?: string): void {
    const t = template.value
    if (!t || !row.value) return
    let next: ScoreResult
    // A submitted response shows the score stored with it: it was decided at submit.
    if (row.value.status === 'submitted' && row.value.result) next = row.value.result
    else if (live !== null && changedItemId !== undefined) next = live.update(changedItemId, toRaw(answers)[changedItemId])
    else {
      live ??= createLiveScore(t)
      next = live.reset(toRaw(answers))
    }
    result.value = next
    const previous = states.value
    states.value = deriveItemStates(t, toRaw(answers), next, previous)
    patchItemStates(itemStates, t, states.value, previous)
    if (reviewed.value) patchDifferences(reviewed.value.result, next)
  }

  /**
   * Rule 12 per item (the core's compareResults), written only where an entry changed. An item
   * the reviewer has not answered yet is not marked: its 0 is no judgement, and marking every
   * item of a fresh review would hide the ones that matter.
   */
  function patchDifferences(self: ScoreResult, review: ScoreResult): void {
    const open = new Set(review.unanswered)
    const seen = new Set<string>()
    for (const row of compareResults(self, review).items) {
      if (row.difference === null || row.difference === 0 || open.has(row.id)) continue
      seen.add(row.id)
      if (selfDifferences.get(row.id) !== row.difference) selfDifferences.set(row.id, row.difference)
    }
    for (const id of [...selfDifferences.keys()]) if (!seen.has(id)) selfDifferences.delete(id)
  }

  /** Changes part of an item's answer; writes at once, or debounced for typing. */
  function patchAnswer(itemId: string, patch: Partial<Answer>, options: { debounce?: boolean } = {}): void {
    if (readonly.value || !loaded.value || lockedOut.value) return
    const next: Answer = { ...answers[itemId], ...patch, updatedAt: new Date().toISOString() }
    for (const key of Object.keys(next) as Array<keyof Answer>) if (next[key] === undefined) delete next[key]
    answers[itemId] = next
    rescore(itemId)
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

  const blockers = computed<Blocker[]>(() => (template.value ? submitBlockers(template.value, states.value, row.value?.role) : []))

  const progress = computed(() => (template.value ? progressOf(template.value, states.value) : { answered: 0, applicable: 0 }))

  /**
   * Submits: writes every pending change, checks the blockers, then the database scores the stored
   * answers with the core and locks the response in one transaction (another tab may have stored
   * answers this one never saw: the stored score is always the score of the stored answers).
   * Returns why it did not submit, or null.
   */
  async function submit(): Promise<'blocked' | 'unsaved' | 'locked' | null> {
    if (!row.value || !template.value) return 'blocked'
    if (readonly.value || lockedOut.value) return 'locked'
    if (blockers.value.length > 0) return 'blocked'
    submitting.value = true
    try {
      if (!(await autosave.flush())) return lockedOut.value ? 'locked' : 'unsaved'
      const db = getDb()
      const id = row.value.id
      try {
        await submitResponse(db, id, template.value)
      } catch (error) {
        if (!isLockedOut(error)) throw error
        await lockOut(error, [])
        return 'locked'
      }
      // #6: findings become rectification tasks. Loaded here, not with the page: only a submit needs it.
      const { openTasksForSubmitted } = await import('@/db/repositories/tasks')
      createdTasks.value = await openTasksForSubmitted(db, id)
      const stored = await getResponse(db, id)
      if (stored) {
        row.value = stored.row
        // Show what was submitted: the stored answers, which may include another tab's.
        Object.assign(answers, stored.response.answers)
      }
      rescore()
      return null
    } finally {
      submitting.value = false
    }
  }

  /**
   * The response was submitted or deleted elsewhere: keep this tab's unwritten changes for the
   * person (listed, never dropped silently), then show the response as stored, read-only.
   */
  async function lockOut(error: unknown, keys: string[]): Promise<void> {
    const r = row.value
    if (!r) return
    const byId = new Map(items.value.map(({ item }) => [item.id, item]))
    const unsaved: LockedOut['unsaved'] = []
    let fileWrites = 0
    for (const key of keys) {
      const item = key.startsWith('answer:') ? byId.get(key.slice('answer:'.length)) : undefined
      const answer = item ? answers[item.id] : undefined
      if (item && answer) unsaved.push({ item, answer: { ...toRaw(answer) } })
      else if (!key.startsWith('answer:')) fileWrites += 1
    }
    const locked: LockedOut = { reason: error instanceof ResponseLockedError ? 'submitted' : 'deleted', unsaved, files: fileWrites }
    lockedOut.value = locked
    if (locked.reason === 'deleted') return
    const stored = await getResponse(getDb(), r.id)
    if (!stored || row.value?.id !== r.id) return
    row.value = stored.row
    for (const key of Object.keys(answers)) delete answers[key]
    Object.assign(answers, stored.response.answers)
    rescore()
  }

  /**
   * Dorm round: a new draft for the next room, building and floor kept, and the round-level
   * answers (`carryOver` items, e.g. whether this round includes the winter check) as given here.
   * Returns its id.
   */
  async function startNextRoom(): Promise<string | undefined> {
    const r = row.value
    const t = template.value
    if (!r || !t) return undefined
    const order = t.subject?.fields.map((f) => f.id) ?? Object.keys(r.subject)
    const subject = nextSubject(r.subject, order)
    if (!subject) return undefined
    const db = getDb()
    const created = await createResponse(db, {
      template: t,
      subject,
      role: r.role,
      inspector: r.inspector,
    })
    const carried = carryOverAnswers(t, toRaw(answers))
    for (const [itemId, answer] of Object.entries(carried)) await saveAnswer(db, created.id, itemId, answer)
    return created.id
  }

  return {
    template,
    row,
    items,
    answers,
    states,
    itemStates,
    result,
    attachments: files.attachments,
    loaded,
    loadError,
    submitting,
    lockedOut,
    createdTasks,
    reviewed,
    reviewedState,
    selfDifferences,
    readonly,
    blockers,
    progress,
    saveState: autosave.state,
    saveError: autosave.lastError,
    storageFull,
    pendingWrites: autosave.pending,
    load,
    reset,
    setValue,
    setNa,
    setNote,
    addFiles: files.addFiles,
    removeAttachment: files.removeAttachment,
    setSignature: files.setSignature,
    retrySave: autosave.retry,
    flush: autosave.flush,
    submit,
    startNextRoom,
  }
})
