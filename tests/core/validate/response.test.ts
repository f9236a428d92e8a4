import { describe, expect, it } from 'vitest'
import { validateResponse } from '@/core/validate'
import type { Template } from '@/core/format/types'
import type { Issue } from '@/core/result'
import { count, num, response, score, section, single, text, validTemplate, type Json } from './builders'

/** A template with one item of each answerable kind. */
const TEMPLATE: Template = validTemplate({
  sections: [
    section('s1', [
      single('q1', { na: false }),
      single('q2', { options: [{ id: 'ok', label: '合格' }, { id: 'na', label: '不适用', na: true }] }),
      single('m', { type: 'multi', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }),
      count('c', { maxCount: 5 }),
      score('sc', { min: 1 }),
      num('n', { minValue: 0, maxValue: 100, integer: true }),
      text('t', { maxLength: 10, pattern: '\\d{3}' }),
      { id: 'd', type: 'date', title: 'D', minDate: '2026-01-01' },
      { id: 'p', type: 'photo', title: 'P', maxCount: 2 },
      { id: 'sig', type: 'signature', title: 'S' },
      { id: 'i', type: 'info', title: 'Read me' },
      single('opt', { na: true }),
    ]),
  ],
})

function issuesOf(json: unknown, template: Template = TEMPLATE): Issue[] {
  const result = validateResponse(template, json)
  return result.ok ? result.warnings : result.issues
}

const answers = (a: Json): Json => response({ answers: a })

describe('validateResponse', () => {
  it('accepts a minimal hand-written response: templateId, templateVersion and answers', () => {
    const json = response()
    expect(validateResponse(TEMPLATE, json)).toEqual({ ok: true, value: json, warnings: [] })
  })

  it('accepts a full response with every answer kind', () => {
    const json = response({
      id: '5b0f8e0e-1c1e-4b8a-9d6a-2f0c1d2e3f40', role: 'self', status: 'draft',
      startedAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:10:00+08:00', inspector: '王老师',
      answers: {
        q1: { value: 'yes', note: '良好', attachments: ['att-1'], updatedAt: '2026-03-01T08:01:00Z' },
        q2: { value: 'na' }, m: { value: ['a', 'b'] }, c: { value: 2 }, sc: { value: 4.5 }, n: { value: 90 },
        t: { value: '123' }, d: { value: '2026-02-28' }, p: { value: ['ph1', 'ph2'] }, sig: { value: 'sig-1' }, opt: { na: true },
      },
    })
    expect(issuesOf(json)).toEqual([])
  })

  it.each<[string, Json, string, string]>([
    ['a response without answers', { templateId: 'dorm', templateVersion: 1 }, 'schema.required', ''],
    ['a bad timestamp', response({ updatedAt: 'yesterday' }), 'schema.format', '/updatedAt'],
    ['an unknown status', response({ status: 'done' }), 'schema.enum', '/status'],
    ['another template', response({ templateId: 'other' }), 'response.templateMismatch', '/templateId'],
    ['another version', response({ templateVersion: 2 }), 'response.versionMismatch', '/templateVersion'],
    ['a newer format', response({ formatVersion: 9 }), 'document.formatVersion', '/formatVersion'],
    ['an answer to an unknown item', answers({ zz: { value: 'x' } }), 'answer.unknownItem', '/answers/zz'],
    ['an item id with a slash, escaped in the pointer', answers({ 'a/b': { value: 'x' } }), 'answer.unknownItem', '/answers/a~1b'],
    ['an answer key far too long', answers({ ['k'.repeat(70)]: { value: 'x' } }), 'schema.propertyName', '/answers'],
    ['an answer to an info item', answers({ i: { value: 'x' } }), 'answer.notAnswerable', '/answers/i'],
    ['an unknown option', answers({ q1: { value: 'maybe' } }), 'value.unknownOption', '/answers/q1/value'],
    ['an option id given as an array', answers({ q1: { value: ['yes'] } }), 'value.type', '/answers/q1/value'],
    ['a multi option chosen twice', answers({ m: { value: ['a', 'a'] } }), 'value.duplicateOption', '/answers/m/value/1'],
    ['a multi with an unknown option', answers({ m: { value: ['a', 'z'] } }), 'value.unknownOption', '/answers/m/value/1'],
    ['a count given as text', answers({ c: { value: '2' } }), 'value.type', '/answers/c/value'],
    ['a fractional count', answers({ c: { value: 1.5 } }), 'value.notInteger', '/answers/c/value'],
    ['a negative count', answers({ c: { value: -1 } }), 'value.outOfRange', '/answers/c/value'],
    ['a count above maxCount', answers({ c: { value: 6 } }), 'value.outOfRange', '/answers/c/value'],
    ['a score below min', answers({ sc: { value: 0.5 } }), 'value.outOfRange', '/answers/sc/value'],
    ['a score off its step', answers({ sc: { value: 1.25 } }), 'value.offStep', '/answers/sc/value'],
    ['a number out of range', answers({ n: { value: 101 } }), 'value.outOfRange', '/answers/n/value'],
    ['a fraction where a whole number is wanted', answers({ n: { value: 9.5 } }), 'value.notInteger', '/answers/n/value'],
    ['text too long', answers({ t: { value: '12345678901' } }), 'value.tooLong', '/answers/t/value'],
    ['text not matching the pattern', answers({ t: { value: '12a' } }), 'value.pattern', '/answers/t/value'],
    ['an impossible date', answers({ d: { value: '2026-02-30' } }), 'value.date', '/answers/d/value'],
    ['a date before minDate', answers({ d: { value: '2025-12-31' } }), 'value.dateRange', '/answers/d/value'],
    ['too many photos', answers({ p: { value: ['1', '2', '3'] } }), 'value.attachmentCount', '/answers/p/value'],
    ['N/A on an item that does not allow it', answers({ q1: { na: true } }), 'answer.naNotAllowed', '/answers/q1/na'],
  ])('rejects %s', (_name, json, code, pointer) => {
    expect(validateResponse(TEMPLATE, json).ok).toBe(false)
    expect(issuesOf(json)).toContainEqual(expect.objectContaining({ code, pointer }))
  })

  it('allows N/A where the item allows it or an option means N/A', () => {
    expect(issuesOf(answers({ opt: { na: true }, q2: { na: true } }))).toEqual([])
  })

  it('checks a pattern safely: an over-long answer is not run through it', () => {
    const long = validTemplate({ sections: [section('s1', [text('t', { pattern: '\\d+' })])] })
    expect(issuesOf(answers({ t: { value: '1'.repeat(5000) } }), long)).toEqual([expect.objectContaining({ code: 'value.patternUncheckable' })])
  })

  it('ignores a broken pattern in answers (the template reports it)', () => {
    const broken = validTemplate({ sections: [section('s1', [text('t', { pattern: '([' })])] })
    expect(issuesOf(answers({ t: { value: 'x' } }), broken)).toEqual([])
  })
})

describe('validateResponse on submitted responses', () => {
  const REQUIRED: Template = validTemplate({
    sections: [
      section('s1', [
        single('q1', { required: true }),
        single('q2', { required: true, visibleIf: { '==': [{ var: 'q1' }, 'yes'] } }),
        text('why', { requiredIf: { '==': [{ var: 'q1' }, 'no'] } }),
        single('q3', { required: true, default: 'yes' }),
        single('q4', { required: true, na: true }),
        single('q5', { required: true, visibleIf: { '==': [{ var: 'q2' }, 'yes'] } }),
        text('late', { requiredIf: { '==': [{ var: 'q6' }, 'yes'] } }),
        single('q6', { visibleIf: { '==': [{ var: 'q1' }, 'yes'] } }),
      ]),
    ],
  })
  const submitted = (a: Json): Json => response({ status: 'submitted', answers: a })
  const required = (json: Json): string[] => issuesOf(json, REQUIRED).filter((i) => i.code === 'answer.required').map((i) => i.pointer)

  it('lets a draft leave required items unanswered', () => {
    expect(issuesOf(response({ status: 'draft', answers: {} }), REQUIRED)).toEqual([])
  })

  it('lists every visible required item without an answer', () => {
    expect(required(submitted({}))).toEqual(['/answers/q1', '/answers/q4'])
  })

  it('requires an item once it becomes visible', () => {
    expect(required(submitted({ q1: { value: 'yes' }, q4: { na: true } }))).toEqual(['/answers/q2'])
  })

  it('requires an item whose requiredIf holds', () => {
    expect(required(submitted({ q1: { value: 'no' }, q4: { value: 'no' } }))).toEqual(['/answers/why'])
  })

  it('treats the answer of a hidden item as unanswered in the conditions of others', () => {
    // q2 is hidden (q1 is no), so its stale 'yes' must not reveal q5.
    expect(required(submitted({ q1: { value: 'no' }, q2: { value: 'yes' }, why: { value: '坏了' }, q4: { na: true } }))).toEqual([])
  })

  it('evaluates requiredIf with the answers of later hidden items as unanswered', () => {
    // q6 comes after 'late' and is hidden (q1 is no): its stale 'yes' must not make 'late' required.
    expect(required(submitted({ q1: { value: 'no' }, why: { value: '坏了' }, q4: { na: true }, q6: { value: 'yes' } }))).toEqual([])
    expect(required(submitted({ q1: { value: 'yes' }, q2: { value: 'no' }, q4: { na: true }, q6: { value: 'yes' } }))).toEqual(['/answers/late'])
  })

  it('counts a default as an answer and an empty answer as none', () => {
    expect(required(submitted({ q1: { value: 'yes' }, q2: { value: 'no' }, q4: { value: 'yes' }, q3: {} }))).toEqual([])
    expect(required(submitted({ q1: { value: 'yes' }, q2: { value: 'no' }, q4: { value: 'yes' }, why: { value: '' } }))).toEqual([])
    expect(issuesOf(submitted({ q1: { value: 'no' }, q4: { value: 'yes' }, why: { value: '' } }), REQUIRED)).toContainEqual(
      expect.objectContaining({ code: 'answer.required', pointer: '/answers/why', itemId: 'why' }),
    )
  })
})

describe('validateResponse on submitted responses with evidence rules', () => {
  const EVIDENCE: Template = validTemplate({
    sections: [section('s1', [single('q1', { options: [{ id: 'yes', label: '符合', points: 2 }, { id: 'no', label: '不符合', points: 0, flag: true }], evidence: { required: 'onFlag', min: 2 } })])],
  })
  const submitted = (a: Json): Json => response({ status: 'submitted', answers: a })

  it('rejects a finding without the evidence the fill page asks for, as the fill page does', () => {
    expect(issuesOf(submitted({ q1: { value: 'no', attachments: ['p1'] } }), EVIDENCE)).toEqual([
      expect.objectContaining({ code: 'answer.evidenceMissing', pointer: '/answers/q1', itemId: 'q1', params: { id: 'q1', min: 2 } }),
    ])
    expect(issuesOf(submitted({ q1: { value: 'no', attachments: ['p1', 'p2'] } }), EVIDENCE)).toEqual([])
    expect(issuesOf(submitted({ q1: { value: 'yes' } }), EVIDENCE)).toEqual([])
  })

  it('does not count white space as an answer to a required text', () => {
    const tpl = validTemplate({ sections: [section('s1', [text('why', { required: true })])] })
    expect(issuesOf(submitted({ why: { value: '   ' } }), tpl)).toContainEqual(expect.objectContaining({ code: 'answer.required', itemId: 'why' }))
  })
})

describe('validateResponse subject', () => {
  const WITH_SUBJECT: Template = validTemplate({
    subject: { fields: [{ id: 'building', label: '楼栋', type: 'select', options: ['1', '2'], required: true }, { id: 'room', label: '房间' }] },
  })

  it.each<[string, Json, string, string, 'error' | 'warning']>([
    ['a value that is not a choice', response({ subject: { building: '9' } }), 'subject.notAnOption', '/subject/building', 'error'],
    ['a missing required field on submit', response({ status: 'submitted', subject: { room: '301' } }), 'subject.required', '/subject/building', 'error'],
    ['a field the template does not have', response({ subject: { building: '1', bed: 'A' } }), 'subject.unknownField', '/subject/bed', 'warning'],
  ])('reports %s', (_name, json, code, pointer, severity) => {
    expect(issuesOf(json, WITH_SUBJECT)).toContainEqual(expect.objectContaining({ code, pointer, severity }))
  })

  it('accepts a numeric value for a select choice written as text, and a draft without the subject', () => {
    expect(issuesOf(response({ subject: { building: 2 } }), WITH_SUBJECT)).toEqual([])
    expect(issuesOf(response({ status: 'draft' }), WITH_SUBJECT)).toEqual([])
  })
})
