/**
 * The JSON shape of a PlanInput (POST/PUT /api/plans). Only the shape: what the days, the
 * schedule and the subjects mean is core's checkPlan, and what the register and the accounts
 * hold is server/plans/check.ts. Every object refuses unknown properties.
 */
import { PLAN_LIMITS } from '@/core/plans/check'
import { cleanText, recordId, uuid } from '../http/schemas'

/** Plan ids travel in the path (`/api/plans/<id>`): no `/`, no spaces. */
export const planId = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[\\p{L}\\p{N}._:-]+$' } as const
const subjectId = recordId(200)
// Calendar text; whether it names a real day is checkPlan's (with a message that says so).
const day = { type: 'string', minLength: 1, maxLength: 10 } as const
const when = (type: string, required: string[]) => ({ if: { properties: { type: { const: type } } }, then: { required } })

const schedule = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: ['once', 'weekly', 'monthly'] },
    date: day,
    days: { type: 'array', maxItems: 7, items: { type: 'integer', minimum: 1, maximum: 7 } },
    day: { type: 'integer', minimum: 1, maximum: 31 },
  },
  allOf: [when('once', ['date']), when('weekly', ['days']), when('monthly', ['day'])],
} as const

const override = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: { type: { type: 'string', enum: ['reassign', 'cancel'] }, date: day, subjectId, assignee: uuid },
  allOf: [when('reassign', ['subjectId', 'assignee']), when('cancel', ['date'])],
} as const

export const planBody = {
  type: 'object',
  required: ['id', 'title', 'templateId', 'scopeId', 'subjectIds', 'assignees', 'schedule', 'dueTime', 'from', 'to'],
  additionalProperties: false,
  properties: {
    id: planId,
    title: cleanText(PLAN_LIMITS.maxTitle),
    templateId: recordId(200),
    scopeId: recordId(200),
    subjectIds: { type: 'array', maxItems: PLAN_LIMITS.maxSubjects, items: subjectId },
    assignees: { type: 'object', maxProperties: PLAN_LIMITS.maxSubjects, propertyNames: subjectId, additionalProperties: uuid },
    schedule,
    dueTime: { type: 'string', maxLength: 5 },
    from: day,
    to: day,
    overrides: { type: 'array', maxItems: PLAN_LIMITS.maxOverrides, items: override },
    cancelled: { type: 'boolean' },
  },
} as const

export const planParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: planId } } as const

/** A body of the largest plan with room to spare (5,000 subjects, each assigned, with overrides). */
export const PLAN_BODY_BYTES = 2 * 1024 ** 2
