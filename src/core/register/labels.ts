/**
 * Printing room labels: the subjects handed to the label page (untrusted: they arrive through
 * history state or session storage) checked one by one, and cut into A4 sheets.
 */
import { fail, ok, pointer, type Issue, type Result } from '../result'
import { SUBJECT_KINDS, type RegisterSubject, type SubjectKind } from './types'
import { isSubjectId } from './qr'

/** Labels on one A4 sheet: 3 columns × 8 rows. */
export const LABELS_PER_SHEET = 24
/** More labels than this in one print is refused: a browser would stall laying them out. */
export const MAX_LABELS = 2400
/** A label's texts longer than this are not a room's name. */
const MAX_TEXT = 200

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT

function subjectAt(v: unknown): RegisterSubject | null {
  if (!isRecord(v)) return null
  const { id, kind, scopeId, fields, label, responsible } = v
  if (!isText(id) || !isSubjectId(id) || !isText(kind) || !(SUBJECT_KINDS as readonly string[]).includes(kind)) return null
  if (!id.startsWith(`${kind}:`) || !isText(scopeId) || !isText(label) || label.trim() === '' || !isRecord(fields)) return null
  const entries = Object.entries(fields)
  if (entries.length > 20 || !entries.every(([k, f]) => isText(k) && isText(f))) return null
  if (responsible !== undefined && !isText(responsible)) return null
  return {
    id,
    kind: kind as SubjectKind,
    scopeId,
    fields: Object.fromEntries(entries) as Record<string, string>,
    label,
    ...(responsible !== undefined && { responsible }),
  }
}

/**
 * The subjects in an untrusted value (parsed JSON), copied field by field so nothing but the
 * known fields survives. Any malformed entry refuses the whole list, naming the entry.
 */
export function readLabelSubjects(value: unknown): Result<RegisterSubject[]> {
  if (!Array.isArray(value)) return fail([{ code: 'labels.notList', pointer: '', severity: 'error', message: { 'zh-CN': '没有可打印的房间列表', en: 'No list of rooms to print' } }])
  if (value.length > MAX_LABELS) {
    return fail([{ code: 'labels.tooMany', pointer: '', severity: 'error', message: { 'zh-CN': `一次最多打印 ${MAX_LABELS} 张标签`, en: `At most ${MAX_LABELS} labels at a time` }, params: { max: MAX_LABELS } }])
  }
  const issues: Issue[] = []
  const subjects: RegisterSubject[] = []
  value.forEach((v, i) => {
    const s = subjectAt(v)
    if (s) subjects.push(s)
    else issues.push({ code: 'labels.badSubject', pointer: pointer(i), severity: 'error', message: { 'zh-CN': `第 ${i + 1} 项不是有效的房间`, en: `Entry ${i + 1} is not a valid room` }, params: { index: i + 1 } })
  })
  return issues.length > 0 ? fail(issues) : ok(subjects)
}

/** The subjects cut into sheets of `perSheet`, in order; no empty sheet. */
export function labelSheets<T>(subjects: readonly T[], perSheet = LABELS_PER_SHEET): T[][] {
  const size = Math.max(1, Math.floor(perSheet))
  const sheets: T[][] = []
  for (let i = 0; i < subjects.length; i += size) sheets.push(subjects.slice(i, i + size))
  return sheets
}
