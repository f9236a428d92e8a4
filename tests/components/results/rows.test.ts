import { describe, expect, it } from 'vitest'
import { comparisonOf, evidenceOf, itemLines, sidesOf } from '@/components/results/rows'
import { scoreResponse } from '@/core/scoring'
import type { Response, Role, Template } from '@/core/format/types'
import type { ResponseRow } from '@/db'
import type { AttachmentMeta, ResponseDetail, Side } from '@/stores/responses'
import redFlagJson from '../../../schemas/samples/red-flag-party-branch.json'
import selfJson from '../../fixtures/red-flag-party-branch/self-red-flag.json'
import reviewJson from '../../fixtures/red-flag-party-branch/review-red-flag.json'

const redFlag = redFlagJson as unknown as Template

function side(response: Response, role: Role, id: string): Side {
  const result = scoreResponse(redFlag, response)
  const row: ResponseRow = {
    id, templateId: redFlag.id, templateVersion: 1, templateTitle: redFlag.title, role, subject: response.subject ?? {},
    status: 'submitted', inspector: '', startedAt: '2026-11-27T01:00:00Z', updatedAt: '2026-11-27T02:00:00Z', submittedAt: '2026-11-27T02:00:00Z', result,
  }
  return { row, response, result }
}
const meta = (id: string, responseId: string): AttachmentMeta => ({ id, responseId, itemId: 'study-plan', name: `${id}.png`, type: 'image/png', size: 1, createdAt: '' })
const detailOf = (main: Side, counterpart: Side | null, attachments: AttachmentMeta[] = []): ResponseDetail => ({
  ...main, template: redFlag, counterpart, attachments: new Map(attachments.map((a) => [a.id, a])),
})

describe('record rows', () => {
  it('lists an inspection (检查) on its own side, so its record is never empty', () => {
    const d = detailOf(side(structuredClone(selfJson) as unknown as Response, 'inspection', 'i'), null)
    expect(sidesOf(d).self?.row.id).toBe('i')
    expect(itemLines(d).length).toBeGreaterThan(30)
    expect(comparisonOf(d)).toBeNull()
  })

  it('gives each side its own evidence, and the core comparison with the bonus of each side', () => {
    const self = side(structuredClone(selfJson) as unknown as Response, 'self', 's')
    const review = side(structuredClone(reviewJson) as unknown as Response, 'review', 'r')
    self.response.answers['study-plan'] = { value: 'complete', attachments: ['s1'] }
    review.response.answers['study-plan'] = { value: 'complete', attachments: ['r1', 'gone'] }
    const d = detailOf(review, self, [meta('s1', 's'), meta('r1', 'r')])
    const line = itemLines(d).find((l) => l.item.id === 'study-plan')!
    expect(evidenceOf(line, line.self, d.attachments).map((a) => a.id)).toEqual(['s1'])
    expect(evidenceOf(line, line.review, d.attachments).map((a) => a.id)).toEqual(['r1'])
    const bonus = comparisonOf(d)?.sections.find((s) => s.id === 'bonus')
    // Self: 市级 3 + 推广 2 + 2 篇 → 7, capped at 5; review: 校级 1 + 2 + 1 = 4.
    expect(bonus).toMatchObject({ self: 5, review: 4, selfBonus: 5, reviewBonus: 4, difference: -1 })
  })
})
