/**
 * Where a fill item row reads its answer and state and sends its changes. The fill page gives
 * the rows the fill store (`fillStoreSource`); the builder's preview gives them its scratch
 * answers; tests give them a test source. Provided once by the rows' parent, so each row is one
 * component that reads only its own item's entries (no connector component, no props per row).
 */
import { inject, provide, type InjectionKey } from 'vue'
import type { Answer, AnswerValue, Band } from '@/core/format/types'
import type { ItemState } from '@/core/answers'
import type { AttachmentSlot, AttachmentView } from '@/composables/useFillAttachments'
import type { useFillStore } from '@/stores/fill'

export interface FillRowSource {
  answer(itemId: string): Answer | undefined
  state(itemId: string): ItemState | undefined
  attachment(id: string): AttachmentView | undefined
  readonly(): boolean
  setValue(itemId: string, value: AnswerValue | undefined, options: { debounce: boolean }): void
  setNa(itemId: string, na: boolean): void
  setNote(itemId: string, note: string): void
  addFiles(itemId: string, files: Blob[], slot: AttachmentSlot, options: { single: boolean }): void
  removeAttachment(itemId: string, id: string, slot: AttachmentSlot): void
  /** The template's bands, so a row's rule line tells a 一票否决 from an 等次上限; optional for previews. */
  bands?(): readonly Band[] | undefined
  /**
   * False on a review: the evidence is the reviewed self-assessment's (see `submitBlockers`), so
   * the row does not ask for it. Absent: asked.
   */
  asksEvidence?(): boolean
}

/** Exported for tests, which mount a row with `global.provide`. */
export const fillRowSourceKey: InjectionKey<FillRowSource> = Symbol('fill row source')

export function provideFillRowSource(source: FillRowSource): void {
  provide(fillRowSourceKey, source)
}

export function useFillRowSource(): FillRowSource {
  const source = inject(fillRowSourceKey, null)
  if (source === null) throw new Error('a fill item row needs a FillRowSource (provideFillRowSource)')
  return source
}

/**
 * The fill store as a row source. The store's reactive maps are taken once, so a row's render
 * reads `answers[id]` and `itemStates.get(id)` directly, not through the store object.
 */
export function fillStoreSource(store: ReturnType<typeof useFillStore>): FillRowSource {
  const { answers, itemStates, attachments } = store
  return {
    answer: (id) => answers[id],
    state: (id) => itemStates.get(id),
    attachment: (id) => attachments.get(id),
    readonly: () => store.readonly,
    setValue: (id, value, options) => store.setValue(id, value, options),
    setNa: (id, na) => store.setNa(id, na),
    setNote: (id, note) => store.setNote(id, note),
    addFiles: (id, files, slot, options) => void store.addFiles(id, files, slot, options),
    removeAttachment: (id, attachmentId, slot) => store.removeAttachment(id, attachmentId, slot),
    bands: () => store.template?.scoring?.bands,
    asksEvidence: () => store.row?.role !== 'review',
  }
}
