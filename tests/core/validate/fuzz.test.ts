import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MESSAGES, validateResponse, validateTemplate } from '@/core/validate'
import type { Template } from '@/core/format/types'
import type { Issue, Result } from '@/core/result'
import { count, num, response, score, section, single, template, text, type Json } from './builders'

/** A valid template that uses most features, so mutations hit most checks. */
function richTemplate(): Json {
  return template({
    subject: { fields: [{ id: 'room', label: '房间', required: true }, { id: 'b', label: '楼', type: 'select', options: ['1', '2'] }] },
    scoring: { method: 'sum', max: 20, normalize: true, bonusMax: 2, bands: [{ id: 'good', label: '良好', min: 15, when: { all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 60] }] } }, { id: 'bad', label: '差', min: 0 }] },
    sections: [
      section('s1', [
        single('q1', { options: [{ id: 'yes', label: '是', points: 2 }, { id: 'no', label: '否', points: 0, flag: true, veto: 'bad' }], evidence: { required: 'onFlag', min: 1, accept: ['image/*'] } }),
        count('q2', { maxCount: 9, default: 0, visibleIf: { '==': [{ var: 'q1' }, 'no'] } }),
        score('q3', { requiredIf: { in: ['yes', [{ var: 'q1' }]] } }),
        num('q4', { max: 3, target: 90, unit: 10, deductEach: 1 }),
      ], { sections: [section('s1a', [text('t', { pattern: '[a-z]+', maxLength: 20 })], { max: 5 })] }),
      section('bonus', [single('b1', { options: [{ id: 'y', label: '有', points: 1 }] })], { bonus: true, bonusMax: 1 }),
    ],
  })
}

function expectWellFormed<T>(result: Result<T>): void {
  const issues: Issue[] = result.ok ? result.warnings : result.issues
  if (!result.ok) expect(issues.length).toBeGreaterThan(0)
  for (const issue of issues) {
    expect(Object.keys(MESSAGES)).toContain(issue.code)
    expect(issue.code).not.toBe('validate.internal')
    expect(issue.pointer === '' || issue.pointer.startsWith('/')).toBe(true)
    expect(issue.message['zh-CN'].length).toBeGreaterThan(0)
    expect(issue.message.en.length).toBeGreaterThan(0)
    if (result.ok) expect(issue.severity).toBe('warning')
  }
}

type Path = Array<string | number>

/** Every container (object or array) in a document, with its path. */
function containers(node: unknown, path: Path = [], out: Array<[Path, object]> = []): Array<[Path, object]> {
  if (typeof node !== 'object' || node === null) return out
  out.push([path, node])
  const entries: Array<[string | number, unknown]> = Array.isArray(node) ? Array.from(node, (v: unknown, i) => [i, v]) : Object.entries(node)
  for (const [key, child] of entries) containers(child, [...path, key], out)
  return out
}

const mutation = fc.record({
  at: fc.nat(),
  pick: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'add'),
  key: fc.constantFrom('id', 'type', 'max', 'points', 'deduct', 'visibleIf', 'veto', 'default', 'weight', 'x', '__proto__'),
  value: fc.jsonValue({ maxDepth: 3 }),
})

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never

function mutate(doc: Json, steps: Mutation[]): Json {
  const copy = structuredClone(doc)
  for (const step of steps) {
    const all = containers(copy)
    const [, target] = all[step.at % all.length] as [Path, Record<string | number, unknown>]
    const keys = Object.keys(target)
    const key = step.kind === 'add' || keys.length === 0 ? step.key : (keys[step.pick % keys.length] as string)
    if (step.kind === 'delete' && Array.isArray(target)) target.splice(Number(key), 1)
    else if (step.kind === 'delete') delete target[key]
    else Object.defineProperty(target, key, { value: step.value, enumerable: true, writable: true, configurable: true })
  }
  return copy
}

describe('validators on arbitrary input', () => {
  it('the rich base template is valid, so mutations start from a valid document', () => {
    const result = validateTemplate(richTemplate())
    expect(result.ok ? result.warnings : result.issues).toEqual([])
  })

  it('validateTemplate returns issues and never throws on random JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (json) => expectWellFormed(validateTemplate(json))), { numRuns: 300 })
  })

  it('validateResponse returns issues and never throws on random JSON', () => {
    const tpl = richTemplate() as unknown as Template
    fc.assert(fc.property(fc.jsonValue(), (json) => expectWellFormed(validateResponse(tpl, json))), { numRuns: 300 })
  })

  it('validateTemplate returns issues and never throws on mutated valid templates', () => {
    const base = richTemplate()
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (steps) => expectWellFormed(validateTemplate(mutate(base, steps)))),
      { numRuns: 500 },
    )
  })

  it('validateResponse returns issues and never throws on mutated valid responses', () => {
    const tpl = richTemplate() as unknown as Template
    const base = response({
      status: 'submitted',
      subject: { room: '301', b: '1' },
      answers: { q1: { value: 'no', attachments: ['a1'] }, q2: { value: 1 }, q3: { value: 2.5 }, q4: { value: 85 }, t: { value: 'abc' }, b1: { value: 'y' } },
    })
    expect(validateResponse(tpl, base).ok).toBe(true)
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (steps) => expectWellFormed(validateResponse(tpl, mutate(base, steps)))),
      { numRuns: 500 },
    )
  })
})
