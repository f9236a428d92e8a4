/**
 * One mutation's record: its shape (every field the server stores or merges on), its clocks, and
 * text PostgreSQL can store. The result is the mutation with only known fields kept, or the first
 * problem as an Issue pointing into the request (`/mutations/3/answer/value`). Checks that need the
 * database (the template an answer belongs to, immutability) come later, in apply/.
 */
import { MAX_TEMPLATE_ITEMS } from '@/core/validate'
import type { Issue } from '@/core/result'
import type { Mutation, ResponseHeader, SyncAnswer, SyncAttachment, SyncTask, SyncTemplate, SyncTemplateVersion } from '@/core/sync'
import { syncIssue } from '../issues'
import { clockIssue } from './clock'
import type { Envelope } from './envelope'
import { findNul, firstBadField, id, isObj, pick, segment, type Obj, type Spec } from './fields'
import { ANSWER_SPEC, ATTACHMENT_SPEC, HEADER_SPEC, TASK_SPEC, TEMPLATE_SPEC, TEMPLATE_VERSION_SPEC, taskInvariant } from './records'

export type CheckedMutation = { ok: true; mutation: Mutation } | { ok: false; issue: Issue }

const bad = (at: string, field: string): Issue => syncIssue('badField', `${at}${segment(field)}`, { field })

/** `o[key]` checked against `spec`, kept fields only; an Issue for the first bad field. */
function record<T>(o: Obj, key: string, spec: Spec, at: string): T | Issue {
  const value = o[key]
  if (!isObj(value)) return bad(at, key)
  const field = firstBadField(value, spec)
  if (field !== undefined) return bad(`${at}${segment(key)}`, field)
  return pick<T>(value, spec)
}

const isIssue = (v: unknown): v is Issue => isObj(v) && typeof v.code === 'string' && isObj(v.message)

function answersOf(o: Obj, at: string, now: number): Record<string, SyncAnswer> | Issue {
  if (!isObj(o.answers)) return bad(at, 'answers')
  const entries = Object.entries(o.answers)
  if (entries.length > MAX_TEMPLATE_ITEMS) return bad(at, 'answers')
  const out: Record<string, SyncAnswer> = {}
  for (const [itemId] of entries) {
    const where = `${at}/answers`
    if (!id(itemId)) return bad(where, itemId)
    const answer = record<SyncAnswer>(o.answers, itemId, ANSWER_SPEC, where)
    if (isIssue(answer)) return answer
    const late = clockIssue(answer.hlc, `${where}${segment(itemId)}/hlc`, now)
    if (late) return { ...late, itemId }
    out[itemId] = answer
  }
  return out
}

/** The record of `env` and the clock inside it; `Issue` for the first problem. */
function build(env: Envelope, at: string, now: number): Mutation | Issue {
  const base = { seq: env.seq, id: env.id }
  const o = env.raw
  switch (env.kind) {
    case 'response': {
      const response = record<ResponseHeader>(o, 'response', HEADER_SPEC, at)
      if (isIssue(response)) return response
      return clockIssue(response.hlc, `${at}/response/hlc`, now) ?? { ...base, kind: 'response', response }
    }
    case 'answer': {
      if (!id(o.responseId)) return bad(at, 'responseId')
      if (!id(o.itemId)) return bad(at, 'itemId')
      const answer = record<SyncAnswer>(o, 'answer', ANSWER_SPEC, at)
      if (isIssue(answer)) return { ...answer, itemId: o.itemId as string }
      const late = clockIssue(answer.hlc, `${at}/answer/hlc`, now)
      if (late) return { ...late, itemId: o.itemId as string }
      return { ...base, kind: 'answer', responseId: o.responseId as string, itemId: o.itemId as string, answer }
    }
    case 'submit': {
      const response = record<ResponseHeader>(o, 'response', HEADER_SPEC, at)
      if (isIssue(response)) return response
      const late = clockIssue(response.hlc, `${at}/response/hlc`, now)
      if (late) return late
      if (response.status !== 'submitted' || response.deleted) return syncIssue('notSubmitted', `${at}/response/status`)
      const answers = answersOf(o, at, now)
      if (isIssue(answers)) return answers
      return { ...base, kind: 'submit', response, answers }
    }
    case 'template': {
      const template = record<SyncTemplate>(o, 'template', TEMPLATE_SPEC, at)
      if (isIssue(template)) return template
      return clockIssue(template.hlc, `${at}/template/hlc`, now) ?? { ...base, kind: 'template', template }
    }
    case 'templateVersion': {
      const version = record<SyncTemplateVersion>(o, 'version', TEMPLATE_VERSION_SPEC, at)
      return isIssue(version) ? version : { ...base, kind: 'templateVersion', version }
    }
    case 'task': {
      const task = record<SyncTask>(o, 'task', TASK_SPEC, at)
      if (isIssue(task)) return task
      const field = taskInvariant(task as unknown as Obj)
      if (field !== undefined) return bad(`${at}/task`, field)
      return clockIssue(task.hlc, `${at}/task/hlc`, now) ?? { ...base, kind: 'task', task }
    }
    case 'attachment': {
      const attachment = record<SyncAttachment>(o, 'attachment', ATTACHMENT_SPEC, at)
      return isIssue(attachment) ? attachment : { ...base, kind: 'attachment', attachment }
    }
    default: {
      const never: never = env.kind
      return never
    }
  }
}

export function checkMutation(env: Envelope, at: string, now: number): CheckedMutation {
  const built = build(env, at, now)
  if (isIssue(built)) return { ok: false, issue: built }
  const nul = findNul(built, at)
  if (nul !== undefined) return { ok: false, issue: syncIssue('badText', nul) }
  return { ok: true, mutation: built }
}
