/**
 * The fill page and `validateResponse` must agree on what may be submitted: both ask the answer
 * model, and this checks it on random templates (visibility, requiredIf, defaults, N/A, evidence)
 * and random answers, following the fill page's path (a tap's states derived against the
 * previous tap's, as the store does).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deriveItemStates, submitBlockers } from '@/core/answers'
import type { Answer, Role, Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { validateResponse, validateTemplate } from '@/core/validate'
import { answersFor, templates } from '../random-templates'

/** A template, an earlier tap's answers, the answers at submit, and the response's role. */
const cases = templates.chain((t) =>
  fc.tuple(answersFor(t), answersFor(t), fc.constantFrom<Role>('inspection', 'self', 'review')).map(([earlier, answers, role]) => ({ t, earlier, answers, role })),
)

const response = (t: Template, answers: Record<string, Answer>, role: Role = 'inspection') => ({ templateId: t.id, templateVersion: t.version, role, answers })

/** The fill page's blockers: states of the last tap derived against the previous tap's. */
function fillBlockers(t: Template, earlier: Record<string, Answer>, answers: Record<string, Answer>, role: Role) {
  const before = deriveItemStates(t, earlier, scoreResponse(t, response(t, earlier)))
  const states = deriveItemStates(t, answers, scoreResponse(t, response(t, answers)), before)
  return submitBlockers(t, states, role)
}

describe('the fill page and validateResponse agree', () => {
  it('generates valid templates, so only the answers decide', () => {
    fc.assert(
      fc.property(templates, (t) => {
        const r = validateTemplate(t)
        expect(r.ok ? [] : r.issues).toEqual([])
      }),
      { numRuns: 100 },
    )
  })

  it('a submitted response is valid exactly when the fill page shows no blockers, for the same items', () => {
    fc.assert(
      fc.property(cases, ({ t, earlier, answers, role }) => {
        const blockers = fillBlockers(t, earlier, answers, role)
        const verdict = validateResponse(t, { ...response(t, answers, role), status: 'submitted' })
        expect(verdict.ok).toBe(blockers.length === 0)
        const issues = verdict.ok ? verdict.warnings : verdict.issues
        expect(issues.filter((i) => i.severity === 'error').map((i) => [i.itemId, i.code])).toEqual(
          blockers.map((b) => [b.itemId, b.reason === 'required' ? 'answer.required' : 'answer.evidenceMissing']),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('lets a draft through whatever blocks it', () => {
    fc.assert(
      fc.property(cases, ({ t, answers }) => {
        expect(validateResponse(t, { ...response(t, answers), status: 'draft' }).ok).toBe(true)
      }),
      { numRuns: 100 },
    )
  })
})
