/**
 * The builder store: one template draft being edited. It holds the undo history of immutable
 * template snapshots, the selection, a scratch answer set for the live preview (never stored),
 * and autosaves the draft to IndexedDB (debounced). Edits are pure functions from
 * `core/builder`; the store decides nothing about templates itself.
 */
import { computed, ref, shallowReactive, shallowRef, toRaw, watch } from 'vue'
import { defineStore } from 'pinia'
import type { Answer, Item, ItemType, Section, Template } from '@/core/format/types'
import { ok, type Issue, type Lang, type Result } from '@/core/result'
import { scoreResponse } from '@/core/scoring'
import { validateTemplate } from '@/core/validate'
import {
  blankItem,
  blankSection,
  builderWarnings,
  changeItemType,
  diffTemplates,
  findItem,
  findSection,
  insertItem,
  insertSection,
  moveItem,
  moveSection,
  nameLang,
  newItemName,
  newSectionName,
  nextId,
  nudgeItem,
  nudgeSection,
  pointerTarget,
  removeItem,
  removeSection,
  updateItem,
  updateSection,
  usedIds,
  versionState,
  type NodeRef,
  type TemplateDiff,
} from '@/core/builder'
// Module paths, not the `@/db` barrel (see src/db/index.ts).
import type { QingdanDatabase } from '@/db/database'
import { getDb } from '@/db/singleton'
import { getTemplateVersion } from '@/db/repositories/templates'
import { editableTemplate, getTemplateRow, publishDraft, saveDraft } from '@/db/repositories/templates-edit'
import { useAutosave } from '@/composables/useAutosave'
import { useUndo } from '@/composables/useUndo'

export interface PublishReport {
  version: number
  diff: TemplateDiff
  /** Published anyway, but worth a second look (shown in the publish dialog). */
  warnings: Issue[]
}

const EMPTY: Template = { id: '', version: 1, title: '', sections: [] }

export const useBuilderStore = defineStore('builder', () => {
  let db: QingdanDatabase | null = null
  const templateId = ref<string | null>(null)
  const loading = ref(false)
  const notFound = ref(false)
  const undo = useUndo<Template>(EMPTY, { limit: 200 })
  const template = undo.present
  const selection = ref<NodeRef>({ kind: 'template' })
  /**
   * The selected node's id as a reactive Map: an outline row reads `marks.has(id)`, which Vue
   * tracks per key, so selecting re-renders two rows, not all 1,000.
   */
  const marks = shallowReactive(new Map<string, true>())
  watch(selection, (now, before) => {
    if (before && before.kind !== 'template') marks.delete(before.id)
    if (now.kind !== 'template') marks.set(now.id, true)
  }, { flush: 'sync' })
  /** The field at fault when an issue was clicked, e.g. ['options', '1', 'deduct']. */
  const focusField = ref<string[]>([])
  const previewAnswers = shallowRef<Record<string, Answer>>({})
  /** The latest published version, the base of the publish diff. */
  const published = shallowRef<Template | null>(null)
  /** The last publish in this session: its version, what changed, and the warnings it was published with. */
  const lastPublish = shallowRef<PublishReport | null>(null)
  const ready = ref(false)

  const autosave = useAutosave({ ready, debounceMs: 300 })

  /**
   * A validation already known for one snapshot: after a publish, the new draft (version N+1) is
   * the published template with only its version changed, so its validation is the publish's.
   */
  let known: { template: Template; result: Result<Template> } | null = null
  // Lazy and cached per snapshot: ~5–20 ms for 1,000 items, recomputed only after an edit.
  const validation = computed(() => (known?.template === template.value ? known.result : validateTemplate(template.value)))
  /** The validator's issues, then the builder's own warnings (e.g. no subject fields). */
  const issues = computed<Issue[]>(() => [
    ...(validation.value.ok ? validation.value.warnings : validation.value.issues),
    ...builderWarnings(template.value),
  ])
  const errorCount = computed(() => issues.value.filter((i) => i.severity === 'error').length)
  const result = computed(() =>
    scoreResponse(template.value, { templateId: template.value.id, templateVersion: template.value.version, answers: previewAnswers.value }),
  )

  /** What the header says about versions: the published one, and whether the draft differs. */
  const version = computed(() => versionState(template.value, published.value))

  const selectedItem = computed<Item | null>(() => {
    const s = selection.value
    return s.kind === 'item' ? (findItem(template.value, s.id)?.item ?? null) : null
  })
  const selectedSection = computed<Section | null>(() => {
    const s = selection.value
    return s.kind === 'section' ? (findSection(template.value, s.id)?.section ?? null) : null
  })

  async function load(id: string, database: QingdanDatabase = getDb()): Promise<void> {
    db = database
    ready.value = false
    loading.value = true
    notFound.value = false
    try {
      const draft = await editableTemplate(db, id)
      const row = await getTemplateRow(db, id)
      templateId.value = id
      if (!draft || !row) {
        notFound.value = true
        return
      }
      undo.reset(draft)
      selection.value = { kind: 'template' }
      previewAnswers.value = {}
      lastPublish.value = null
      published.value = row.latestVersion > 0 ? ((await getTemplateVersion(db, id, row.latestVersion))?.template ?? null) : null
      ready.value = true
    } finally {
      loading.value = false
    }
  }

  function scheduleSave(): void {
    const id = templateId.value
    if (!db || !id || !ready.value) return
    const target = db
    autosave.enqueue('draft', () => saveDraft(target, id, toRaw(template.value)), { debounce: true })
  }

  /** Applies a pure edit as one undo step (or merged with the previous one under `coalesce`). */
  function edit(change: (t: Template) => Template, coalesce?: string): void {
    const next = change(template.value)
    if (next === template.value) return
    undo.commit(next, coalesce)
    scheduleSave()
  }

  function undoEdit(): void {
    undo.undo()
    scheduleSave()
  }
  function redoEdit(): void {
    undo.redo()
    scheduleSave()
  }

  function select(node: NodeRef, field: string[] = []): void {
    selection.value = node
    focusField.value = field
  }

  function selectIssue(issue: Issue): void {
    const target = pointerTarget(template.value, issue.pointer)
    const node: NodeRef = issue.itemId && findItem(template.value, issue.itemId) ? { kind: 'item', id: issue.itemId } : target.node
    select(node, target.field)
  }

  /** Adds a blank item titled "检查项 n" (or "Item n": see `nameLang`) and selects it. */
  function addItem(sectionId: string, type: ItemType, index?: number, lang: Lang = 'zh-CN'): string {
    const id = nextId('q', usedIds(template.value))
    const title = newItemName(template.value, nameLang(template.value, lang))
    edit((t) => insertItem(t, sectionId, blankItem(type, id, title), index))
    select({ kind: 'item', id })
    return id
  }

  /** Adds a section titled "一级指标 n" / "二级指标 n" (or "Section n") and selects it. */
  function addSection(parentId: string | null = null, lang: Lang = 'zh-CN'): string {
    const id = nextId('s', usedIds(template.value))
    const title = newSectionName(template.value, parentId, nameLang(template.value, lang))
    edit((t) => insertSection(t, parentId, blankSection(id, title)))
    select({ kind: 'section', id })
    return id
  }

  function duplicateItem(itemId: string): void {
    const loc = findItem(template.value, itemId)
    if (!loc) return
    const id = nextId('q', usedIds(template.value))
    edit((t) => insertItem(t, loc.section.id, { ...structuredClone(toRaw(loc.item)), id, title: `${loc.item.title}（副本）` }, loc.index + 1))
    select({ kind: 'item', id })
  }

  function removeNode(node: NodeRef): void {
    if (node.kind === 'item') edit((t) => removeItem(t, node.id))
    else if (node.kind === 'section') edit((t) => removeSection(t, node.id))
    if (selection.value.kind === node.kind && 'id' in node && 'id' in selection.value && selection.value.id === node.id) select({ kind: 'template' })
  }

  const patchItem = (itemId: string, update: (i: Item) => Item, coalesce?: string): void => edit((t) => updateItem(t, itemId, update), coalesce)
  const patchSection = (sectionId: string, update: (s: Section) => Section, coalesce?: string): void =>
    edit((t) => updateSection(t, sectionId, update), coalesce)
  const patchTemplate = (update: (t: Template) => Template, coalesce?: string): void => edit(update, coalesce)
  const setItemType = (itemId: string, type: ItemType): void => patchItem(itemId, (i) => changeItemType(i, type))
  const moveItemTo = (itemId: string, sectionId: string, index: number): void => edit((t) => moveItem(t, itemId, sectionId, index))
  const moveSectionTo = (sectionId: string, parentId: string | null, index: number): void => edit((t) => moveSection(t, sectionId, parentId, index))
  const nudge = (node: NodeRef, delta: -1 | 1): void => {
    if (node.kind === 'item') edit((t) => nudgeItem(t, node.id, delta))
    else if (node.kind === 'section') edit((t) => nudgeSection(t, node.id, delta))
  }

  function setPreviewAnswer(itemId: string, patch: Partial<Answer> | null): void {
    const next = { ...previewAnswers.value }
    if (patch === null) delete next[itemId]
    else next[itemId] = { ...next[itemId], ...patch }
    previewAnswers.value = next
  }
  const resetPreview = (): void => {
    previewAnswers.value = {}
  }

  /** Freezes what is on screen as version N+1; on success the diff against N is kept for the dialog. */
  async function publish(): Promise<Result<PublishReport>> {
    const id = templateId.value
    if (!db || !id) throw new Error('No template open')
    // Pending draft saves land first, so none can recreate the draft after the publish.
    await autosave.flush()
    // The live validation of what is on screen is the publish's one validation (not redone in db).
    const checked = validation.value
    const r = await publishDraft(db, id, checked.ok ? { ...checked, value: toRaw(checked.value) } : checked)
    if (!r.ok) return r
    const diff = diffTemplates(r.value.previous, r.value.template)
    lastPublish.value = { version: r.value.version, diff, warnings: [...r.warnings, ...builderWarnings(r.value.template)] }
    published.value = r.value.template
    // Editing continues on a new draft for version N+1, without the undo steps of version N.
    const next = { ...r.value.template, version: r.value.version + 1 }
    known = { template: next, result: ok(next, r.warnings) }
    ready.value = false
    undo.reset(next)
    ready.value = true
    return { ok: true, value: lastPublish.value, warnings: r.warnings }
  }

  return {
    templateId, loading, notFound, template, selection, marks, focusField, previewAnswers, published, lastPublish,
    issues, errorCount, result, version, selectedItem, selectedSection,
    canUndo: undo.canUndo, canRedo: undo.canRedo, history: undo.history, saveState: autosave.state,
    load, edit, undo: undoEdit, redo: redoEdit, select, selectIssue, addItem, addSection, duplicateItem, removeNode,
    patchItem, patchSection, patchTemplate, setItemType, moveItemTo, moveSectionTo, nudge,
    setPreviewAnswer, resetPreview, publish, flush: () => autosave.flush(),
  }
})
