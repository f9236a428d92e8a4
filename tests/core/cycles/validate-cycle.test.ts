/**
 * The cycle document: schemas/cycle.schema.json through the same Ajv step as templates, the checks
 * a schema cannot express, and the cycle against its template. Every issue carries a pointer.
 */
import { describe, expect, it } from 'vitest'
import { checkCycleTemplate, evaluateCycle, validateCycle, type Cycle } from '@/core/cycles'
import type { Issue } from '@/core/result'
import { readJson } from '../../fixtures/load'
import { cycle, review, template } from './builders'

const where = (issues: Issue[]) => issues.map((i) => [i.code, i.pointer, i.severity])

function issuesOf(json: unknown): Issue[] {
  const r = validateCycle(json)
  return r.ok ? r.warnings : r.issues
}

describe('validateCycle: the sample cycles', () => {
  it.each(['mini', 'red-flag-panel'])('accepts tests/fixtures/cycles/%s/cycle.json without a warning', (name) => {
    const r = validateCycle(readJson(`tests/fixtures/cycles/${name}/cycle.json`))
    expect(r.ok && r.warnings).toEqual([])
  })

  it('accepts the smallest cycle: id, title, template and subjectKey', () => {
    expect(validateCycle(cycle()).ok).toBe(true)
  })
})

describe('validateCycle: schema errors point at the property', () => {
  it.each<[string, unknown, string, string]>([
    ['not an object', [], 'schema.type', ''],
    ['no subjectKey', { id: 'c', title: 'C', template: { id: 't', version: 1 } }, 'schema.required', ''],
    ['an empty subjectKey', cycle({ subjectKey: [] }), 'schema.minItems', '/subjectKey'],
    ['a reserved field name', cycle({ subjectKey: ['__proto__'] }), 'schema.reserved', '/subjectKey/0'],
    ['an unknown method', { ...cycle(), panel: { aggregate: 'average' } }, 'schema.enum', '/panel/aggregate'],
    ['a negative trim', cycle({ panel: { aggregate: 'trimmedMean', trim: -1 } }), 'schema.minimum', '/panel/trim'],
    ['an unknown veto rule', { ...cycle(), panel: { veto: 'all' } }, 'schema.enum', '/panel/veto'],
    ['a zero spread threshold', cycle({ panel: { disagreement: { itemSpreadPercent: 0 } } }), 'schema.exclusiveMinimum', '/panel/disagreement/itemSpreadPercent'],
    ['a typo in the panel', { ...cycle(), panel: { vetoo: 'any' } }, 'schema.unknownProperty', '/panel'],
    ['a quota over 100 %', cycle({ quotas: [{ band: 'top', maxPercent: 120 }] }), 'schema.maximum', '/quotas/0/maxPercent'],
    ['a quota without its band', { ...cycle(), quotas: [{ maxPercent: 30 }] }, 'schema.required', '/quotas/0'],
    ['a deadline that is not a date-time', cycle({ deadlines: { self: '下周五' } }), 'schema.format', '/deadlines/self'],
    ['a template version of 0', { ...cycle(), template: { id: 't', version: 0 } }, 'schema.minimum', '/template/version'],
    ['a subject value that is not text or a number', { ...cycle(), subjects: [{ unit: true }] }, 'schema.type', '/subjects/0/unit'],
  ])('rejects %s', (_name, json, code, pointer) => {
    const r = validateCycle(json)
    expect(r.ok).toBe(false)
    expect(issuesOf(json).map((i) => [i.code, i.pointer])).toContainEqual([code, pointer])
  })

  it('words every issue in Chinese and in English', () => {
    const [issue] = issuesOf(cycle({ quotas: [{ band: 'top', maxPercent: 120 }] }))
    expect(issue?.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
    expect(issue?.message.en).toMatch(/[A-Za-z]{3}/)
  })
})

describe('validateCycle: what a schema cannot say', () => {
  it.each<[string, Cycle, Array<[string, string, string]>]>([
    ['the same subject twice (after trimming)', cycle({ subjects: [{ unit: 'U' }, { unit: ' U ' }] }), [['cycle.duplicateSubject', '/subjects/1', 'error']]],
    ['a subject without its key field', cycle({ subjects: [{ year: '2026' }] }), [['cycle.subjectMissingKey', '/subjects/0', 'error']]],
    ['a review deadline before the self deadline', cycle({ deadlines: { self: '2026-06-02T00:00:00Z', review: '2026-06-01T00:00:00Z' } }), [['cycle.deadlineOrder', '/deadlines/review', 'error']]],
    ['trim without trimmedMean (a warning)', cycle({ panel: { aggregate: 'median', trim: 2 } }), [['cycle.trimIgnored', '/panel/trim', 'warning']]],
  ])('reports %s', (_name, json, expected) => {
    expect(where(issuesOf(json))).toEqual(expected)
  })

  it('passes a cycle with warnings only', () => {
    expect(validateCycle(cycle({ panel: { trim: 1 } })).ok).toBe(true)
  })
})

describe('checkCycleTemplate: the cycle against its template', () => {
  it.each<[string, Cycle, Array<[string, string, string]>]>([
    ['another template version', cycle({ template: { id: 'panel-test', version: 2 } }), [['cycle.templateMismatch', '/template/version', 'error']]],
    ['another template', cycle({ template: { id: 'dorm', version: 1 } }), [['cycle.templateMismatch', '/template/id', 'error']]],
    ['a key field the template lacks', cycle({ subjectKey: ['unit', 'room'] }), [['cycle.unknownSubjectField', '/subjectKey/1', 'error']]],
    ['a quota on an unknown band', cycle({ quotas: [{ band: '红旗', maxPercent: 30 }] }), [['cycle.unknownQuotaBand', '/quotas/0/band', 'error']]],
    ['two quotas on one band (by id and by label)', cycle({ quotas: [{ band: 'top', maxPercent: 30 }, { band: '优秀', maxPercent: 20 }] }), [['cycle.duplicateQuota', '/quotas/1/band', 'error']]],
    ['a quota on the lowest band', cycle({ quotas: [{ band: '不合格', maxPercent: 30 }] }), [['cycle.quotaLowestBand', '/quotas/0/band', 'warning']]],
    ['a fitting cycle', cycle({ subjectKey: ['unit', 'year'], quotas: [{ band: 'top', maxPercent: 30 }] }), []],
  ])('%s', (_name, c, expected) => {
    expect(where(checkCycleTemplate(c, template))).toEqual(expected)
  })

  it('makes evaluateCycle fail with the same issues, and pass warnings on', () => {
    const failed = evaluateCycle(cycle({ template: { id: 'panel-test', version: 2 } }), template, [review('U', 'a', 40, 40)])
    expect(failed.ok || where(failed.issues)).toEqual([['cycle.templateMismatch', '/template/version', 'error']])
    const warned = evaluateCycle(cycle({ quotas: [{ band: 'low', maxPercent: 30 }] }), template, [review('U', 'a', 40, 40)])
    expect(warned.ok && where(warned.warnings)).toEqual([['cycle.quotaLowestBand', '/quotas/0/band', 'warning']])
  })
})
