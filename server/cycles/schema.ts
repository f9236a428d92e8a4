/**
 * The request shapes of /api/cycles. Only the envelope: the cycle document itself (everything but
 * `scopeId`, `subjectIds` and `subjects`, which the server derives) is core's validateCycle, whose
 * JSON Schema refuses unknown properties with a pointer and a bilingual message, and what the
 * register and the accounts hold is check.ts.
 */
import { recordId } from '../http/schemas'

/**
 * Cycle ids travel in the path (`/api/cycles/<id>`) and in every response header of the cycle
 * (`cycleId`, at most 64 characters on push): the cycle schema's pattern, no longer than that.
 */
export const CYCLE_ID_MAX = 64
export const cycleId = { type: 'string', minLength: 1, maxLength: CYCLE_ID_MAX, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' } as const

/** The cycle schema's own limit on subjects (`subjects`, maxItems). */
export const MAX_CYCLE_SUBJECTS = 5000

export const cycleBody = {
  type: 'object',
  required: ['id', 'scopeId', 'subjectIds'],
  properties: {
    id: cycleId,
    scopeId: recordId(200),
    subjectIds: { type: 'array', maxItems: MAX_CYCLE_SUBJECTS, items: recordId(200) },
  },
} as const

export const cycleParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: cycleId } } as const

/** A body of the largest cycle with room to spare (5,000 subjects and their key fields). */
export const CYCLE_BODY_BYTES = 4 * 1024 ** 2
