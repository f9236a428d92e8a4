/** evidenceCompleteness: the 台账 of a response, item by item, and its completeness figure (issue #15 item 4). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evidenceCompleteness } from '@/core/cycles'
import type { Answer, Response, Template } from '@/core/format/types'
import { validateTemplate } from '@/core/validate'
import { redFlagFixture } from './builders'

const yesNo = [{ id: 'yes', label: '是', points: 1 }, { id: 'no', label: '否', points: 0, flag: true }]

const template: Template = {
  id: 'ledger',
  version: 1,
  title: '台账',
  sections: [
    {
      id: 's1',
      title: '甲',
      items: [
        { id: 'always', type: 'single', title: '学习计划', options: yesNo, evidence: { required: 'always', min: 2, accept: ['image/*', 'application/pdf'] } },
        { id: 'on-flag', type: 'single', title: '整改', options: yesNo, evidence: { required: 'onFlag' } },
        { id: 'never', type: 'single', title: '可选', options: yesNo, evidence: { required: 'never' } },
        { id: 'plain', type: 'single', title: '无要求', options: yesNo },
      ],
    },
    {
      id: 's2',
      title: '乙',
      items: [
        { id: 'gate', type: 'single', title: '开展了吗', options: yesNo },
        { id: 'hidden', type: 'single', title: '开展情况', options: yesNo, visibleIf: { '==': [{ var: 'gate' }, 'yes'] }, evidence: { required: 'always' } },
        { id: 'na', type: 'single', title: '可不适用', options: yesNo, na: true, evidence: { required: 'always' } },
        { id: 'photo', type: 'photo', title: '现场照片' },
      ],
    },
  ],
}

const files = (n: number): string[] => Array.from({ length: n }, (_, i) => `att-${i}`)

function response(answers: Record<string, Answer>): Response {
  return { templateId: 'ledger', templateVersion: 1, role: 'self', answers }
}

describe('evidenceCompleteness: which items need evidence now, and what is present', () => {
  it('uses a valid template', () => {
    expect(validateTemplate(template).ok).toBe(true)
  })

  it.each([
    ['nothing answered: the always rules; the item behind an unanswered gate is hidden', {}, { always: 2, 'on-flag': 0, never: 0, hidden: 0, na: 1 }],
    ['onFlag asks when the answer is flagged', { 'on-flag': { value: 'no' } }, { always: 2, 'on-flag': 1, never: 0, hidden: 0, na: 1 }],
    ['onFlag asks nothing when not flagged', { 'on-flag': { value: 'yes' } }, { always: 2, 'on-flag': 0, never: 0, hidden: 0, na: 1 }],
    ['an item shown by its condition needs its evidence', { gate: { value: 'yes' } }, { always: 2, 'on-flag': 0, never: 0, hidden: 1, na: 1 }],
    ['an item answered N/A needs none', { na: { na: true } }, { always: 2, 'on-flag': 0, never: 0, hidden: 0, na: 0 }],
  ] as Array<[string, Record<string, Answer>, Record<string, number>]>)('%s', (_name, answers, needed) => {
    const e = evidenceCompleteness(template, response(answers))
    expect(Object.fromEntries(e.items.map((i) => [i.itemId, i.needed]))).toEqual(needed)
    expect(e.required).toBe(Object.values(needed).filter((n) => n > 0).length)
  })

  it('lists items with a rule or with attachments, in template order, with title, section and accept', () => {
    const e = evidenceCompleteness(template, response({ plain: { value: 'yes', attachments: ['p'] }, photo: { value: ['ph-1', 'ph-2'] } }))
    expect(e.items.map((i) => i.itemId)).toEqual(['always', 'on-flag', 'never', 'plain', 'hidden', 'na', 'photo'])
    expect(e.items[0]).toEqual({ itemId: 'always', title: '学习计划', sectionId: 's1', needed: 2, present: 0, accept: ['image/*', 'application/pdf'], complete: false })
    expect(e.items.find((i) => i.itemId === 'plain')).toEqual({ itemId: 'plain', title: '无要求', sectionId: 's1', needed: 0, present: 1, complete: true })
    // A photo item's own photos are its evidence.
    expect(e.items.find((i) => i.itemId === 'photo')).toMatchObject({ sectionId: 's2', needed: 0, present: 2, complete: true })
  })

  it.each([
    ['nothing present', {}, 0, 2, 0],
    ['one of two attachments is not enough', { always: { value: 'yes', attachments: files(1) } }, 0, 2, 0],
    ['the same attachment twice counts once', { always: { value: 'yes', attachments: ['a', 'a'] } }, 0, 2, 0],
    ['two of two', { always: { value: 'yes', attachments: files(2) } }, 1, 2, 50],
    ['every required item complete', { always: { value: 'yes', attachments: files(3) }, na: { value: 'yes', attachments: files(1) } }, 2, 2, 100],
    ['thirds round half-up to hundredths', { always: { value: 'yes', attachments: files(2) }, 'on-flag': { value: 'no' }, na: { value: 'no' } }, 1, 3, 33.33],
    ['two thirds', { always: { value: 'yes', attachments: files(2) }, 'on-flag': { value: 'no', attachments: files(1) }, na: { value: 'no' } }, 2, 3, 66.67],
    ['nothing required has no percent', { na: { na: true }, always: { na: true } }, 0, 0, null],
  ] as Array<[string, Record<string, Answer>, number, number, number | null]>)('%s → %s of %s', (_name, answers, complete, required, percent) => {
    const e = evidenceCompleteness(template, response(answers))
    expect([e.complete, e.required, e.percent]).toEqual([complete, required, percent])
  })
})

describe('evidenceCompleteness on the 红旗 template', () => {
  const { template: redFlag, responses } = redFlagFixture()

  it('is complete for the fixture’s self-assessment, whose every evidence item has a file', () => {
    const e = evidenceCompleteness(redFlag, responses.find((r) => r.role === 'self') as Response)
    // first-topic, study-plan, secretary-lecture, org-life, activity-room, members-meeting, committee-meeting, theme-day, pioneer-post
    expect(e.items.map((i) => i.itemId)).toEqual([
      'first-topic', 'study-plan', 'secretary-lecture', 'org-life', 'activity-room', 'members-meeting', 'committee-meeting', 'theme-day', 'pioneer-post',
    ])
    expect([e.required, e.complete, e.percent]).toEqual([9, 9, 100])
  })

  it('counts what is missing once the files are taken away from three items', () => {
    const self = responses.find((r) => r.role === 'self') as Response
    const answers = { ...self.answers }
    for (const id of ['study-plan', 'activity-room', 'theme-day']) answers[id] = { ...answers[id], attachments: [] }
    const e = evidenceCompleteness(redFlag, { ...self, answers })
    // 6 of 9 → 66.666… → 66.67
    expect([e.required, e.complete, e.percent]).toEqual([9, 6, 66.67])
    expect(e.items.filter((i) => !i.complete).map((i) => i.itemId)).toEqual(['study-plan', 'activity-room', 'theme-day'])
  })
})

describe('evidenceCompleteness: properties', () => {
  const answerArb = fc.oneof(
    fc.constant(undefined),
    fc.constant<Answer>({ na: true }),
    fc.record({ value: fc.constantFrom('yes', 'no'), attachments: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 4 }) }),
  )
  const answersArb = fc
    .record(Object.fromEntries(['always', 'on-flag', 'never', 'plain', 'gate', 'hidden', 'na'].map((id) => [id, answerArb])))
    .map((record) => Object.fromEntries(Object.entries(record).filter((e): e is [string, Answer] => e[1] !== undefined)))

  it('the percent lies between 0 and 100, and is null exactly when nothing is required', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const e = evidenceCompleteness(template, response(answers))
        expect(e.complete).toBeLessThanOrEqual(e.required)
        expect(e.required).toBe(e.items.filter((i) => i.needed > 0).length)
        expect(e.complete).toBe(e.items.filter((i) => i.needed > 0 && i.complete).length)
        for (const i of e.items) expect(i.complete).toBe(i.present >= i.needed)
        if (e.required === 0) expect(e.percent).toBeNull()
        else {
          expect(e.percent).toBeGreaterThanOrEqual(0)
          expect(e.percent).toBeLessThanOrEqual(100)
          expect(e.percent === 100).toBe(e.complete === e.required)
        }
      }),
    )
  })
})
