import type { QingdanDatabase } from '../database'
import type { Subject, SubjectRow } from '../rows'
import { subjectEntries } from '../subject-index'

/**
 * Remembers a response's subject values for suggestions. `countUse` adds one use (a new
 * response); without it a value is only added if new and marked recent (values changed before
 * submit), so editing a draft does not inflate counts. Runs inside the caller's transaction.
 */
export async function rememberSubject(
  db: QingdanDatabase,
  templateId: string,
  subject: Subject,
  now: string,
  countUse: boolean,
): Promise<void> {
  for (const [fieldId, value] of subjectEntries(subject)) {
    const existing = await db.subjects.get([fieldId, value])
    await db.subjects.put({
      fieldId,
      value,
      templateIds: existing?.templateIds.includes(templateId)
        ? existing.templateIds
        : [...(existing?.templateIds ?? []), templateId],
      count: (existing?.count ?? 0) + (countUse || !existing ? 1 : 0),
      lastUsedAt: existing && existing.lastUsedAt > now ? existing.lastUsedAt : now,
    })
  }
}

export interface SuggestOptions {
  /** Values used with this template come first; values from other templates follow. */
  templateId?: string
  /** Only values starting with this text (typed so far). */
  prefix?: string
  limit?: number
}

/**
 * Earlier values of one subject field, most used first, then most recent; values used with
 * `templateId` before the others (a building is the same building in every dorm checklist).
 */
export async function suggestSubjectValues(
  db: QingdanDatabase,
  fieldId: string,
  opts: SuggestOptions = {},
): Promise<string[]> {
  const { templateId, prefix = '', limit = 10 } = opts
  // '\uffff' is above every BMP character and every surrogate, so the range is "starts with prefix".
  const rows = await db.subjects
    .where('[fieldId+value]')
    .between([fieldId, prefix], [fieldId, prefix + '\uffff'], true, true)
    .toArray()
  const own = (r: SubjectRow): number => (templateId !== undefined && r.templateIds.includes(templateId) ? 0 : 1)
  return rows
    .sort(
      (a, b) =>
        own(a) - own(b) ||
        b.count - a.count ||
        (a.lastUsedAt < b.lastUsedAt ? 1 : a.lastUsedAt > b.lastUsedAt ? -1 : 0) ||
        a.value.localeCompare(b.value, 'zh-CN', { numeric: true }),
    )
    .slice(0, Math.max(0, limit))
    .map((r) => r.value)
}
