/** Which tasks a submitted response opens, with their deadlines and default assignee. */
import type { ScoreResult, Template } from '../format/types'
import { findingsPolicy } from '../format/findings'
import { taskDrafts } from '../stats/rectification'
import type { Task } from './task'

/** Subject fields that name the person answerable for a subject, when a template has one. */
const PERSON_FIELDS = ['responsible', 'owner', 'person', 'teacher', 'name', 'leader'] as const

/** The subject's responsible person, from the first person-like field that has a value. */
export function defaultAssignee(subject: Readonly<Record<string, string | number>>): string | undefined {
  for (const f of PERSON_FIELDS) {
    const v = subject[f]
    if (v !== undefined && String(v).trim() !== '') return String(v).trim()
  }
  return undefined
}

export interface OpenTasksInput {
  responseId: string
  templateId: string
  subject: Readonly<Record<string, string | number>>
  result: ScoreResult
  /**
   * The frozen version the response was filled with: its `rectification` sets the deadline, its
   * `findings` / `kind` whether findings open tasks at all (a conduct list's do not).
   */
  template: Pick<Template, 'rectification' | 'kind' | 'findings'>
  submittedAt: string
  now: string
  /** Ids come from outside, so the rule stays deterministic under test. */
  newId: () => string
  /**
   * The person the register names responsible for the subject (#14: a room's floor counsellor),
   * when the response was started on a register subject; it wins over a person-like field.
   */
  responsible?: string
}

/**
 * One open task per finding of a submitted response, when the template's findings open tasks
 * (`findingsPolicy`); the deadline is the submission time plus the
 * template's `rectification.defaultDays` (7 by default). The assignee is the register's
 * responsible person for the subject, else the subject's person-like field.
 */
export function openTasks(input: OpenTasksInput): Task[] {
  if (!findingsPolicy(input.template).tasks) return []
  const assignee = input.responsible?.trim() || defaultAssignee(input.subject)
  return taskDrafts(input.template, input.result, input.submittedAt).map((d) => ({
    id: input.newId(),
    responseId: input.responseId,
    itemId: d.itemId,
    sectionId: d.sectionId,
    templateId: input.templateId,
    subject: { ...input.subject },
    title: d.title,
    status: 'open',
    deadline: d.deadline,
    ...(assignee !== undefined && { assignee }),
    ...(d.note !== undefined && { note: d.note }),
    createdAt: input.now,
    updatedAt: input.now,
  }))
}
