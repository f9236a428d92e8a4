/**
 * Merge planning: given this device's records and a bundle's, decide every write before any is
 * made. The data layer applies the plan in one transaction; the UI shows `summary` first.
 * Importing the same bundle twice plans nothing the second time (idempotence is tested).
 */
import type { Template } from '../../format/types'
import { scoreResponse } from '../../scoring'
import type { BundleContent, BundleResponse, BundleTemplate } from './format'
import { canonicalJson } from './hash'
import { clampFutureTimes } from './future-times'
import { bundleIssue } from './messages'
import { screenTemplateRow } from './template-rows'
import { mergeResponse } from './merge-responses'
import {
  MERGE_KINDS,
  taskSlot,
  type ExistingState,
  type KindCounts,
  type MergeKind,
  type MergePlan,
  type MergeSummary,
} from './merge-types'
import { bundleVersions, versionKey } from './validate'

const zero = (): KindCounts => ({ new: 0, updated: 0, skipped: 0, conflicts: 0, refused: 0 })

function emptyPlan(): MergePlan {
  const summary = Object.fromEntries([...MERGE_KINDS, 'total'].map((k) => [k, zero()])) as MergeSummary
  return { summary, templates: [], versions: [], responses: [], answers: [], answerDeletes: [], history: [], attachments: [], tasks: [], conflicts: [], refused: [], warnings: [] }
}

/** Template content compared as canonical JSON, ignoring the editor hint `$schema`. */
const templateText = (t: Template): string => canonicalJson({ ...t, $schema: undefined })

/** A template row: the newer edit wins; the highest published version is kept either way. */
function mergeTemplateRow(local: BundleTemplate, incoming: BundleTemplate): BundleTemplate | undefined {
  const latestVersion = Math.max(local.latestVersion, incoming.latestVersion)
  const incomingNewer = incoming.updatedAt > local.updatedAt
  const next = incomingNewer ? { ...incoming, latestVersion } : { ...local, latestVersion }
  return canonicalJson(next) === canonicalJson(local) ? undefined : next
}

/**
 * Plans the merge of a validated bundle (see `validateBundleContent`) into this device.
 * @param now this device's clock: written on history entries; times more than a day after it are
 *   clamped (see clampFutureTimes) and reported in `warnings`.
 */
export function planMerge(bundle: BundleContent, existing: ExistingState, now: string): MergePlan {
  const plan = emptyPlan()
  const { content, distrusted, warnings } = clampFutureTimes(bundle, now)
  plan.warnings.push(...warnings)
  const count = (kind: MergeKind, what: keyof KindCounts, n = 1): void => {
    plan.summary[kind][what] += n
    plan.summary.total[what] += n
  }
  const titles = new Map(content.templates.map((t) => [t.id, t.title]))

  // Template versions: same id and version must mean same content, else refused with dependents.
  const refusedVersions = new Set<string>()
  for (const v of content.versions) {
    const key = versionKey(v.templateId, v.version)
    const mine = existing.versions.get(key)
    if (!mine) {
      plan.versions.push(v)
      count('templateVersions', 'new')
    } else if (templateText(mine) === templateText(v.template)) {
      count('templateVersions', 'skipped')
    } else {
      refusedVersions.add(key)
      count('templateVersions', 'refused')
    }
  }
  for (const key of refusedVersions) {
    const v = content.versions.find((x) => versionKey(x.templateId, x.version) === key)
    if (!v) continue
    const dependents = content.responses.filter((r) => versionKey(r.response.templateId, r.response.templateVersion) === key).length
    plan.refused.push(
      bundleIssue('versionConflict', {
        templateId: v.templateId,
        version: v.version,
        title: titles.get(v.templateId) ?? v.template.title,
        dependents,
      }),
    )
  }

  // The highest version of each template this device will hold: a row may not point past it.
  const known = new Map<string, number>()
  const noteVersion = (id: string, version: number): void => {
    known.set(id, Math.max(known.get(id) ?? 0, version))
  }
  for (const key of existing.versions.keys()) {
    const at = key.lastIndexOf('@')
    noteVersion(key.slice(0, at), Number(key.slice(at + 1)))
  }
  for (const v of content.versions) if (!refusedVersions.has(versionKey(v.templateId, v.version))) noteVersion(v.templateId, v.version)

  for (const incoming of content.templates) {
    const mine = existing.templates.get(incoming.id)
    const screened = screenTemplateRow(incoming, mine, known.get(incoming.id) ?? 0)
    plan.warnings.push(...screened.warnings)
    const t = screened.row
    const next = t === undefined ? undefined : mine ? mergeTemplateRow(mine, t) : t
    if (next === undefined) count('templates', 'skipped')
    else {
      plan.templates.push(next)
      count('templates', mine ? 'updated' : 'new')
    }
  }

  // Responses, per rules in bundle-merge-responses.ts. Refused or blocked ones take their answers,
  // attachments and tasks with them.
  const templates = bundleVersions(content)
  const templateOf = (r: BundleResponse): Template | undefined => {
    const key = versionKey(r.response.templateId, r.response.templateVersion)
    return templates.get(key) ?? existing.versions.get(key)
  }
  const scored = (r: BundleResponse): MergePlan['responses'][number] => {
    const template = r.response.status === 'submitted' ? templateOf(r) : undefined
    return template ? { ...r, result: scoreResponse(template, r.response) } : { ...r }
  }
  const refusedResponses = new Set<string>()
  const blockedResponses = new Set<string>()
  for (const r of content.responses) {
    const id = r.response.id
    const answers = Object.keys(r.response.answers).length
    if (refusedVersions.has(versionKey(r.response.templateId, r.response.templateVersion))) {
      refusedResponses.add(id)
      count('responses', 'refused')
      count('answers', 'refused', answers)
      continue
    }
    const mine = existing.responses.get(id)
    if (!mine) {
      plan.responses.push(scored(r))
      for (const [itemId, answer] of Object.entries(r.response.answers)) plan.answers.push({ responseId: id, itemId, answer })
      count('responses', 'new')
      count('answers', 'new', answers)
      continue
    }
    const m = mergeResponse(mine, r, existing.history, now, { distrusted: distrusted.has(id) })
    if (m.decision === 'keptSubmitted') blockedResponses.add(id)
    if (m.write) plan.responses.push(scored(m.write))
    plan.answers.push(...m.answers)
    plan.answerDeletes.push(...m.answerDeletes)
    plan.history.push(...m.history)
    plan.conflicts.push(...m.conflicts)
    count('responses', m.conflicts.length > 0 ? 'conflicts' : m.decision === 'updated' ? 'updated' : 'skipped')
    count('answers', 'new', m.answerCounts.new)
    count('answers', 'updated', m.answerCounts.updated)
    count('answers', 'skipped', m.answerCounts.skipped)
    count('answers', 'conflicts', m.answerCounts.conflicts)
  }

  for (const a of content.attachments) {
    if (refusedResponses.has(a.responseId)) count('attachments', 'refused')
    else if (existing.attachmentIds.has(a.id) || blockedResponses.has(a.responseId)) count('attachments', 'skipped')
    else {
      plan.attachments.push(a)
      count('attachments', 'new')
    }
  }

  for (const t of content.tasks) {
    const mine = existing.tasks.get(t.id)
    if (refusedResponses.has(t.responseId)) count('tasks', 'refused')
    else if (!mine) {
      // Another device may have opened its own task for the same finding: one task per finding.
      if (existing.taskSlots.has(taskSlot(t.responseId, t.itemId)) || blockedResponses.has(t.responseId)) count('tasks', 'skipped')
      else {
        plan.tasks.push(t)
        count('tasks', 'new')
      }
    } else if (t.updatedAt > mine.updatedAt && canonicalJson(t) !== canonicalJson(mine)) {
      plan.tasks.push(t)
      count('tasks', 'updated')
    } else count('tasks', 'skipped')
  }
  return plan
}

/** True when applying the plan would change nothing (the same bundle imported again). */
export function planIsEmpty(plan: MergePlan): boolean {
  return (
    plan.templates.length + plan.versions.length + plan.responses.length + plan.answers.length +
      plan.answerDeletes.length + plan.history.length + plan.attachments.length + plan.tasks.length ===
    0
  )
}
