/**
 * Parsing the JSON entries of a bundle into records, with shape checks on every field the merge
 * and the database rely on. The format-level content (templates, responses) is validated after
 * this by `validateBundleContent`, against the real JSON Schemas and semantic checks.
 */
import { fail, ok, type Issue, type Result } from '../../result'
import {
  BUNDLE_TASK_STATUSES,
  BUNDLE_TEMPLATE_SOURCES,
  BUNDLE_TEMPLATE_STATUSES,
  ENTRY,
  type BundleAttachment,
  type BundleContent,
  type BundleManifest,
  type BundleResponse,
  type BundleTask,
  type BundleTemplate,
  type BundleTemplateVersion,
} from './format'
import { bundleIssue } from './messages'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
/** Every text field has a length limit: a bundle is a stranger's file. */
const MAX_TEXT = 10_000
const str = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT
const text = (v: unknown): boolean => typeof v === 'string' && v.length <= MAX_TEXT
const optText = (v: unknown): boolean => v === undefined || text(v)
const optStr = (v: unknown): boolean => v === undefined || str(v)
const posInt = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0
const oneOf = (list: readonly string[], v: unknown): boolean => typeof v === 'string' && list.includes(v)
/** An ISO 8601 time as the app writes them (`2026-03-01T08:00:00.000Z`), or a date. */
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/
const time = (v: unknown): boolean => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v))
const optTime = (v: unknown): boolean => v === undefined || time(v)
/** Subject values are text or numbers, as the fill form writes them. */
const subject = (v: unknown): boolean =>
  isObj(v) && Object.values(v).every((x) => text(x) || (typeof x === 'number' && Number.isFinite(x)))

/** The first failing field of a record, or null. */
type Check = (o: Obj) => string | null
const fields =
  (spec: Record<string, (v: unknown) => boolean>): Check =>
  (o) => {
    for (const [key, test] of Object.entries(spec)) if (!test(o[key])) return key
    return null
  }

const templateCheck = fields({
  id: str,
  title: text,
  status: (v) => oneOf(BUNDLE_TEMPLATE_STATUSES, v),
  latestVersion: posInt,
  draft: (v) => v === undefined || isObj(v),
  source: (v) => oneOf(BUNDLE_TEMPLATE_SOURCES, v),
  createdAt: time,
  updatedAt: time,
})
const versionCheck = fields({ templateId: str, version: posInt, template: isObj, publishedAt: time })
const responseInner = fields({
  id: str,
  templateId: str,
  templateVersion: posInt,
  status: (v) => v === 'draft' || v === 'submitted',
  updatedAt: time,
  startedAt: optTime,
  submittedAt: optTime,
})
const responseCheck: Check = (o) => {
  const bad = fields({ response: isObj, templateTitle: text, deviceId: optStr })(o)
  if (bad) return bad
  const inner = responseInner(o.response as Obj)
  return inner ? `response.${inner}` : null
}
const taskFields = fields({
  id: str,
  responseId: str,
  itemId: str,
  templateId: str,
  subject,
  title: str,
  status: (v) => oneOf(BUNDLE_TASK_STATUSES, v),
  deadline: time,
  assignee: optText,
  createdAt: time,
  updatedAt: time,
  sectionId: optStr,
  note: optText,
  rectifiedAt: optTime,
  fixAttachmentIds: (v) => v === undefined || (Array.isArray(v) && v.length <= 1000 && v.every(str)),
  fixNote: optText,
  recheckResponseId: optStr,
  verifiedAt: optTime,
})
/** Every field, then what the task's status implies (as markRectified and verifyTask write it). */
const taskCheck: Check = (o) => {
  const bad = taskFields(o)
  if (bad) return bad
  if (o.status !== 'open' && o.rectifiedAt === undefined) return 'rectifiedAt'
  if (o.status === 'verified' && (o.verifiedAt === undefined || o.recheckResponseId === undefined)) return 'verifiedAt'
  return null
}
const attachmentCheck = fields({
  // The id becomes an entry name: no path separators, nothing that could climb out of `attachments/`.
  id: (v) => str(v) && /^[\w.-]+$/.test(v as string) && v !== '.' && v !== '..',
  responseId: str,
  itemId: (v) => v === null || str(v),
  name: text,
  type: (v) => typeof v === 'string' && v.length <= 200,
  size: posInt,
  width: (v) => v === undefined || posInt(v),
  height: (v) => v === undefined || posInt(v),
  createdAt: time,
})

function parseJson(name: string, text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text))
  } catch (error) {
    return fail([bundleIssue('badJson', { name, detail: error instanceof Error ? error.message.slice(0, 120) : 'parse error' })])
  }
}

/**
 * Checks every record of a list; `key` names a record (its id), which must be unique in the list:
 * two records under one id would make the import fail halfway with a database error.
 */
function checkList<T>(name: string, list: unknown, check: Check, at: string, key?: (o: Obj) => unknown): Result<T[]> {
  if (!Array.isArray(list)) return fail([bundleIssue('badRecord', { name, detail: `${at || '/'} is not a list` }, at)])
  const seen = new Set<string>()
  for (let i = 0; i < list.length; i++) {
    const rec: unknown = list[i]
    const bad = isObj(rec) ? check(rec) : '(not an object)'
    if (bad) return fail([bundleIssue('badRecord', { name, detail: `${at}/${i}: ${bad}` }, `${at}/${i}`)])
    if (key === undefined) continue
    const id = JSON.stringify(key(rec as Obj))
    if (seen.has(id)) return fail([bundleIssue('duplicateId', { name, id: JSON.parse(id) as string }, `${at}/${i}`)])
    seen.add(id)
  }
  return ok(list as T[])
}

export interface BundleTexts {
  templates: string
  responses: string
  tasks: string
  attachments: string
}

/** `responses.jsonl`: one response per non-empty line. */
function parseLines(text: string): Result<unknown[]> {
  const out: unknown[] = []
  let n = 0
  for (const line of text.split('\n')) {
    n++
    if (line.trim() === '') continue
    const parsed = parseJson(`${ENTRY.responses}:${n}`, line)
    if (!parsed.ok) return parsed
    out.push(parsed.value)
  }
  return ok(out)
}

/** Parses and shape-checks the JSON entries; the counts must match the manifest's. */
export function parseBundleContent(manifest: BundleManifest, texts: BundleTexts): Result<BundleContent> {
  const t = parseJson(ENTRY.templates, texts.templates)
  if (!t.ok) return t
  if (!isObj(t.value)) return fail([bundleIssue('badRecord', { name: ENTRY.templates, detail: 'not an object' })])
  const templates = checkList<BundleTemplate>(ENTRY.templates, t.value.templates, templateCheck, '/templates', (o) => o.id)
  if (!templates.ok) return templates
  const versions = checkList<BundleTemplateVersion>(ENTRY.templates, t.value.versions, versionCheck, '/versions', (o) => `${String(o.templateId)}@${String(o.version)}`)
  if (!versions.ok) return versions
  const lines = parseLines(texts.responses)
  if (!lines.ok) return lines
  const responses = checkList<BundleResponse>(ENTRY.responses, lines.value, responseCheck, '', (o) => (o.response as Obj).id)
  if (!responses.ok) return responses
  const tasksJson = parseJson(ENTRY.tasks, texts.tasks)
  if (!tasksJson.ok) return tasksJson
  const tasks = checkList<BundleTask>(ENTRY.tasks, tasksJson.value, taskCheck, '', (o) => o.id)
  if (!tasks.ok) return tasks
  const attJson = parseJson(ENTRY.attachments, texts.attachments)
  if (!attJson.ok) return attJson
  const attachments = checkList<BundleAttachment>(ENTRY.attachments, attJson.value, attachmentCheck, '', (o) => o.id)
  if (!attachments.ok) return attachments

  const answers = responses.value.reduce((n, r) => n + (isObj(r.response.answers) ? Object.keys(r.response.answers).length : 0), 0)
  const actual = {
    templates: templates.value.length,
    templateVersions: versions.value.length,
    responses: responses.value.length,
    answers,
    tasks: tasks.value.length,
    attachments: attachments.value.length,
  }
  const issues: Issue[] = []
  for (const [key, count] of Object.entries(actual) as Array<[keyof typeof actual, number]>) {
    if (manifest.counts[key] !== count) {
      issues.push(bundleIssue('countMismatch', { name: key, expected: manifest.counts[key], actual: count }))
    }
  }
  if (issues.length > 0) return fail(issues)
  return ok({
    manifest,
    templates: templates.value,
    versions: versions.value,
    responses: responses.value,
    tasks: tasks.value,
    attachments: attachments.value,
  })
}
