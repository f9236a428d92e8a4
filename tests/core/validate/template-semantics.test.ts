import { describe, expect, it } from 'vitest'
import { validateTemplate } from '@/core/validate'
import type { Issue } from '@/core/result'
import { count, num, score, section, single, template, text, type Json } from './builders'

function issuesOf(json: unknown): Issue[] {
  const result = validateTemplate(json)
  return result.ok ? result.warnings : result.issues
}

const q1Veto = (veto: unknown): Json =>
  single('q1', { options: [{ id: 'yes', label: '是', points: 2 }, { id: 'no', label: '否', points: 0, veto }] })

/** [what is wrong, template, code, pointer] — each one an error that fails validation. */
const ERRORS: Array<[string, Json, string, string]> = [
  ['an item id used in two sections', template({ sections: [section('s1', [single('q1')]), section('s2', [single('q1')])] }), 'id.duplicateItem', '/sections/1/items/0/id'],
  ['a section id used twice', template({ sections: [section('s1', [single('q1')]), section('s1', [single('q2')])] }), 'id.duplicateSection', '/sections/1/id'],
  ['an option id used twice in one item', template({ sections: [section('s1', [single('q1', { options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] })])] }), 'id.duplicateOption', '/sections/0/items/0/options/1/id'],
  ['a subject field id used twice', template({ subject: { fields: [{ id: 'room', label: '房间' }, { id: 'room', label: '寝室' }] } }), 'id.duplicateSubjectField', '/subject/fields/1/id'],
  ['a visibleIf naming an unknown item', template({ sections: [section('s1', [single('q1'), single('q2', { visibleIf: { '==': [{ var: 'nope' }, 'yes'] } })])] }), 'rule.unknownItem', '/sections/0/items/1/visibleIf/==/0/var'],
  ['a requiredIf naming an unknown item', template({ sections: [section('s1', [single('q1', { requiredIf: { var: 'q9' } })])] }), 'rule.unknownItem', '/sections/0/items/0/requiredIf/var'],
  ['a section visibleIf naming an unknown item', template({ sections: [section('s1', [single('q1')], { visibleIf: { var: 'ghost' } })] }), 'rule.unknownItem', '/sections/0/visibleIf/var'],
  ['an item whose visibleIf reads itself', template({ sections: [section('s1', [single('q1', { visibleIf: { '==': [{ var: 'q1' }, 'yes'] } })])] }), 'rule.selfReference', '/sections/0/items/0/visibleIf/==/0/var'],
  ['an item whose requiredIf reads itself', template({ sections: [section('s1', [single('q1', { requiredIf: { var: 'q1' } })])] }), 'rule.selfReference', '/sections/0/items/0/requiredIf/var'],
  ['two items showing each other', template({ sections: [section('s1', [single('q1', { visibleIf: { var: 'q2' } }), single('q2', { visibleIf: { var: 'q1' } })])] }), 'rule.cycle', '/sections/0/items/1/visibleIf'],
  ['a three-item loop', template({ sections: [section('s1', [single('a', { visibleIf: { var: 'c' } }), single('b', { visibleIf: { var: 'a' } }), single('c', { visibleIf: { var: 'b' } })])] }), 'rule.cycle', '/sections/0/items/1/visibleIf'],
  ['a section shown by an item inside it', template({ sections: [section('s1', [single('q1')], { visibleIf: { var: 'q1' } })] }), 'rule.cycle', '/sections/0/visibleIf'],
  ['a rule using method', template({ sections: [section('s1', [single('q1'), single('q2', { visibleIf: { method: [{ var: 'q1' }, 'toString'] } })])] }), 'rule.method', '/sections/0/items/1/visibleIf'],
  ['a rule reading constructor', template({ sections: [section('s1', [single('q1'), single('q2', { visibleIf: { var: 'q1.constructor' } })])] }), 'rule.forbiddenVar', '/sections/0/items/1/visibleIf/var'],
  ['a rule with an unknown operator', template({ sections: [section('s1', [single('q1'), single('q2', { visibleIf: { and: [{ eval: 'x' }] } })])] }), 'rule.unknownOperator', '/sections/0/items/1/visibleIf/and/0'],
  ['a rule object with two operators', template({ sections: [section('s1', [single('q1'), single('q2', { visibleIf: { '==': [1, 1], '!=': [1, 2] } })])] }), 'rule.malformed', '/sections/0/items/1/visibleIf'],
  ['a band when reading an item', template({ scoring: { bands: [{ label: '红旗', min: 90, when: { '>=': [{ var: 'q1' }, 1] } }, { label: '合格', min: 0 }] } }), 'rule.unknownBandVar', '/scoring/bands/0/when/>=/0/var'],
  ['weighted scoring with a section without weight', template({ scoring: { method: 'weighted', max: 100 }, sections: [section('s1', [single('q1')], { weight: 100 }), section('s2', [single('q2')])] }), 'scoring.weightMissing', '/sections/1'],
  ['weights not summing to scoring.max', template({ scoring: { method: 'weighted', max: 100 }, sections: [section('s1', [single('q1')], { weight: 60 }), section('s2', [single('q2')], { weight: 30 })] }), 'scoring.weightSum', '/scoring/max'],
  ['weighted scoring without scoring.max', template({ scoring: { method: 'weighted' }, sections: [section('s1', [single('q1')], { weight: 100 })] }), 'scoring.maxRequired', '/scoring'],
  ['normalize without scoring.max', template({ scoring: { normalize: true } }), 'scoring.maxRequired', '/scoring'],
  ['bands not listed best first', template({ scoring: { bands: [{ label: '合格', min: 60 }, { label: '优秀', min: 90 }] } }), 'band.order', '/scoring/bands/1/min'],
  ['two bands with one id', template({ scoring: { bands: [{ id: 'a', label: '优秀', min: 90 }, { id: 'a', label: '合格', min: 60 }] } }), 'band.duplicateId', '/scoring/bands/1/id'],
  ['two bands with one label', template({ scoring: { bands: [{ label: '合格', min: 90 }, { label: '合格', min: 60 }] } }), 'band.duplicateLabel', '/scoring/bands/1/label'],
  ['a veto naming an unknown band', template({ sections: [section('s1', [q1Veto('terrible')])] }), 'veto.unknownBand', '/sections/0/items/0/options/1/veto'],
  ['a veto on a count naming an unknown band', template({ sections: [section('s1', [count('q2', { veto: 'nope' })])] }), 'veto.unknownBand', '/sections/0/items/0/veto'],
  ['a default naming an unknown option', template({ sections: [section('s1', [single('q1', { default: 'maybe' })])] }), 'value.unknownOption', '/sections/0/items/0/default'],
  ['a multi default naming an unknown option', template({ sections: [section('s1', [single('q1', { type: 'multi', default: ['yes', 'x'] })])] }), 'value.unknownOption', '/sections/0/items/0/default/1'],
  ['a count default below zero', template({ sections: [section('s1', [count('q2', { default: -1 })])] }), 'value.outOfRange', '/sections/0/items/0/default'],
  ['a count default above maxCount', template({ sections: [section('s1', [count('q2', { maxCount: 3, default: 4 })])] }), 'value.outOfRange', '/sections/0/items/0/default'],
  ['a score default above max', template({ sections: [section('s1', [score('q3', { default: 6 })])] }), 'value.outOfRange', '/sections/0/items/0/default'],
  ['a score default off its step', template({ sections: [section('s1', [score('q3', { default: 2.25 })])] }), 'value.offStep', '/sections/0/items/0/default'],
  ['a number default outside its range', template({ sections: [section('s1', [num('q4', { minValue: 0, maxValue: 100, default: 120 })])] }), 'value.outOfRange', '/sections/0/items/0/default'],
  ['a text default not matching its pattern', template({ sections: [section('s1', [text('q5', { pattern: '\\d{11}', default: 'abc' })])] }), 'value.pattern', '/sections/0/items/0/default'],
  ['a date default that is no date (caught by the schema format)', template({ sections: [section('s1', [{ id: 'd', type: 'date', title: 'D', default: '2026-02-30' }])] }), 'schema.format', '/sections/0/items/0/default'],
  ['a date default before minDate', template({ sections: [section('s1', [{ id: 'd', type: 'date', title: 'D', minDate: '2026-03-01', default: '2026-02-28' }])] }), 'value.dateRange', '/sections/0/items/0/default'],
  ['a formatVersion newer than this build', template({ formatVersion: 2 }), 'document.formatVersion', '/formatVersion'],
  ['a score with min above max', template({ sections: [section('s1', [score('q3', { min: 6 })])] }), 'score.range', '/sections/0/items/0/min'],
  ['a score with step 0', template({ sections: [section('s1', [score('q3', { step: 0 })])] }), 'score.step', '/sections/0/items/0/step'],
  ['a single without options', template({ sections: [section('s1', [single('q1', { options: [] })])] }), 'options.empty', '/sections/0/items/0/options'],
  ['options mixing points and deduct', template({ sections: [section('s1', [single('q1', { max: 2, options: [{ id: 'a', label: 'A', points: 2 }, { id: 'b', label: 'B', deduct: 1 }] })])] }), 'options.mixedScoring', '/sections/0/items/0/options/1/deduct'],
  ['deductive options without an item max', template({ sections: [section('s1', [single('q1', { options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B', deduct: 1 }] })])] }), 'item.maxRequired', '/sections/0/items/0'],
  ['a count with deductEach and no max', template({ sections: [section('s1', [count('q2', { max: undefined })])] }), 'item.maxRequired', '/sections/0/items/0'],
  ['a number with both thresholds and target', template({ sections: [section('s1', [num('q4', { max: 5, thresholds: [{ min: 0, points: 1 }], target: 90, unit: 10, deductEach: 1 })])] }), 'number.thresholdsAndTarget', '/sections/0/items/0/target'],
  ['a target without unit', template({ sections: [section('s1', [num('q4', { max: 5, target: 90, deductEach: 1 })])] }), 'number.targetIncomplete', '/sections/0/items/0/target'],
  ['two thresholds at one min', template({ sections: [section('s1', [num('q4', { thresholds: [{ min: 90, points: 4 }, { min: 80, points: 3 }, { min: 90, points: 2 }] })])] }), 'number.thresholdDuplicate', '/sections/0/items/0/thresholds/2/min'],
  ['a unit of zero', template({ sections: [section('s1', [num('q4', { max: 5, target: 90, unit: 0, deductEach: 1 })])] }), 'number.unit', '/sections/0/items/0/unit'],
  ['a number range upside down', template({ sections: [section('s1', [num('q4', { minValue: 10, maxValue: 1 })])] }), 'number.range', '/sections/0/items/0/minValue'],
  ['points with three decimals', template({ sections: [section('s1', [single('q1', { options: [{ id: 'a', label: 'A', points: 0.125 }] })])] }), 'points.decimals', '/sections/0/items/0/options/0/points'],
  ['a deductEach with three decimals', template({ sections: [section('s1', [count('q2', { deductEach: 0.333 })])] }), 'points.decimals', '/sections/0/items/0/deductEach'],
  ['a negative deduct', template({ sections: [section('s1', [single('q1', { max: 2, options: [{ id: 'a', label: 'A', deduct: -1 }] })])] }), 'points.negativeDeduct', '/sections/0/items/0/options/0/deduct'],
  ['a negative deductEach', template({ sections: [section('s1', [count('q2', { deductEach: -0.5 })])] }), 'points.negativeDeduct', '/sections/0/items/0/deductEach'],
  ['sections nested two levels', template({ sections: [section('s1', [single('q1')], { sections: [section('s2', [], { sections: [section('s3', [single('q2')])] })] })] }), 'section.tooDeep', '/sections/0/sections/0/sections/0'],
  ['evidence min of 0', template({ sections: [section('s1', [single('q1', { evidence: { required: 'always', min: 0 } })])] }), 'evidence.min', '/sections/0/items/0/evidence/min'],
  ['an invalid regular expression', template({ sections: [section('s1', [text('q5', { pattern: '([a-z' })])] }), 'text.pattern', '/sections/0/items/0/pattern'],
  ['a pattern with lookahead, which RE2 cannot run in linear time', template({ sections: [section('s1', [text('q5', { pattern: '(?=a)a' })])] }), 'text.patternUnsupported', '/sections/0/items/0/pattern'],
  ['a pattern with a backreference', template({ sections: [section('s1', [text('q5', { pattern: '(a)\\1' })])] }), 'text.patternUnsupported', '/sections/0/items/0/pattern'],
  ['a pattern too big to run cheaply', template({ sections: [section('s1', [text('q5', { pattern: '.{0,1000}.{0,1000}' })])] }), 'text.patternTooComplex', '/sections/0/items/0/pattern'],
  ['text minLength above maxLength', template({ sections: [section('s1', [text('q5', { minLength: 5, maxLength: 2 })])] }), 'text.lengthRange', '/sections/0/items/0/minLength'],
  ['minDate after maxDate', template({ sections: [section('s1', [{ id: 'd', type: 'date', title: 'D', minDate: '2026-05-01', maxDate: '2026-01-01' }])] }), 'date.range', '/sections/0/items/0/minDate'],
  ['photo minCount above maxCount', template({ sections: [section('s1', [{ id: 'p', type: 'photo', title: 'P', minCount: 3, maxCount: 1 }])] }), 'attachment.countRange', '/sections/0/items/0/minCount'],
  ['a select subject field without options', template({ subject: { fields: [{ id: 'building', label: '楼栋', type: 'select' }] } }), 'subject.optionsRequired', '/subject/fields/0'],
]

/** [what is questionable, template, code, pointer] — warnings that keep the template usable. */
const WARNINGS: Array<[string, Json, string, string]> = [
  ['a veto in a template without bands', template({ scoring: {}, sections: [section('s1', [q1Veto(true)])] }), 'veto.noBands', '/sections/0/items/0/options/1/veto'],
  ['a bonus item inside a bonus section', template({ sections: [section('s1', [single('q1')]), section('extra', [single('q2', { bonus: true })], { bonus: true })] }), 'bonus.nested', '/sections/1/items/0/bonus'],
  ['a bonus section inside a bonus section', template({ sections: [section('s1', [single('q1')]), section('extra', [], { bonus: true, sections: [section('x', [single('q2')], { bonus: true })] })] }), 'bonus.nested', '/sections/1/sections/0/bonus'],
  ['a weight without weighted scoring', template({ sections: [section('s1', [single('q1')], { weight: 50 })] }), 'scoring.weightIgnored', '/sections/0/weight'],
  ['an empty section', template({ sections: [section('s1', [single('q1')]), section('s2', [])] }), 'section.empty', '/sections/1/items'],
  ['a band above 100 percent', template({ scoring: { basis: 'percent', bands: [{ label: '优秀', min: 120 }] } }), 'band.percentRange', '/scoring/bands/0/min'],
  ['a computed var path', template({ sections: [section('s1', [single('q1'), single('q2', { visibleIf: { var: { cat: ['q', '1'] } } })])] }), 'rule.dynamicVar', '/sections/0/items/1/visibleIf/var'],
  ['options on a text subject field', template({ subject: { fields: [{ id: 'room', label: '房间', options: ['101'] }] } }), 'subject.optionsIgnored', '/subject/fields/0/options'],
]

describe('validateTemplate semantic checks', () => {
  it('accepts the valid base template without warnings', () => {
    expect(validateTemplate(template())).toEqual({ ok: true, value: template(), warnings: [] })
  })

  it.each(ERRORS)('rejects %s', (_name, json, code, pointer) => {
    const result = validateTemplate(json)
    expect(result.ok).toBe(false)
    expect(issuesOf(json)).toContainEqual(expect.objectContaining({ code, pointer, severity: 'error' }))
  })

  it.each(WARNINGS)('warns about %s but accepts it', (_name, json, code, pointer) => {
    const result = validateTemplate(json)
    expect(result.ok).toBe(true)
    expect(issuesOf(json)).toContainEqual(expect.objectContaining({ code, pointer, severity: 'warning' }))
  })

  it('names the item an issue is about', () => {
    const issues = issuesOf(template({ sections: [section('s1', [single('q1', { default: 'maybe' })])] }))
    expect(issues[0]).toMatchObject({ itemId: 'q1', params: { id: 'maybe' } })
    expect(issues[0]?.message['zh-CN']).toContain('maybe')
    expect(issues[0]?.message.en).toContain('maybe')
  })

  it('reports a cycle with the items that form it', () => {
    const issues = issuesOf(template({ sections: [section('s1', [single('a', { visibleIf: { var: 'b' } }), single('b', { visibleIf: { var: 'a' } })])] }))
    expect(issues.filter((i) => i.code === 'rule.cycle')).toEqual([expect.objectContaining({ params: { cycle: 'a → b → a' } })])
  })

  it('accepts conditions on earlier and later items when they form no cycle', () => {
    const json = template({ sections: [section('s1', [single('a', { visibleIf: { var: 'c' } }), single('b', { visibleIf: { var: 'a' } }), single('c')])] })
    expect(validateTemplate(json).ok).toBe(true)
  })

  it('accepts a band when over every section, as format.md shows it', () => {
    const when = { all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 80] }] }
    expect(validateTemplate(template({ scoring: { bands: [{ label: '红旗', min: 90, when }, { label: '合格', min: 0 }] } })).ok).toBe(true)
  })

  it('accepts thresholds listed best first, as real rubrics write them (90→4, 80→3, 60→1)', () => {
    const json = template({ sections: [section('s1', [num('q4', { thresholds: [{ min: 90, points: 4 }, { min: 80, points: 3 }, { min: 60, points: 1 }] })])] })
    expect(issuesOf(json)).toEqual([])
    expect(validateTemplate(json).ok).toBe(true)
  })

  it('accepts weights that sum to scoring.max in hundredths', () => {
    const json = template({ scoring: { method: 'weighted', max: 1 }, sections: [section('s1', [single('q1')], { weight: 0.7 }), section('s2', [single('q2')], { weight: 0.3 })] })
    expect(validateTemplate(json).ok).toBe(true)
  })

  it('accepts a veto naming a band by its label when the band has no id', () => {
    const json = template({ scoring: { bands: [{ label: '优秀', min: 90 }, { label: '不合格', min: 0 }] }, sections: [section('s1', [q1Veto('不合格')])] })
    expect(validateTemplate(json).ok).toBe(true)
  })

  it('refuses more than 5,000 items across the template', () => {
    const items = (prefix: string) => Array.from({ length: 2501 }, (_, i) => ({ id: `${prefix}${i}`, type: 'info', title: 'i' }))
    const issues = issuesOf(template({ sections: [section('a', items('a')), section('b', items('b'))] }))
    expect(issues).toContainEqual(expect.objectContaining({ code: 'template.tooManyItems', pointer: '/sections' }))
  })
})
