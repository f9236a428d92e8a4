import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import fc from 'fast-check'
import type { ValidateFunction } from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import { cycleSchemaValidator, responseSchemaValidator, templateSchemaValidator } from '@/core/validate/ajv'
import { standaloneValidatorsSource } from '../../../scripts/ajv-standalone'
import { readJson } from '../../fixtures/load'

interface Validators {
  templateSchemaValidator(): ValidateFunction
  responseSchemaValidator(): ValidateFunction
  cycleSchemaValidator(): ValidateFunction
}

/** What a caller sees of one validation: the verdict and where each error points. */
function outcome(validate: ValidateFunction, doc: unknown) {
  const valid = validate(doc)
  return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`) }
}

let generated: Validators

beforeAll(async () => {
  // Written under node_modules so that the generated imports of Ajv's runtime helpers resolve.
  const dir = fileURLToPath(new URL('../../../node_modules/.cache/qingdan-test/', import.meta.url))
  mkdirSync(dir, { recursive: true })
  const file = `${dir}validators-${process.pid}.mjs`
  writeFileSync(file, standaloneValidatorsSource())
  generated = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Validators
})

describe('build-time (standalone) schema validators', () => {
  const samples = readdirSync(fileURLToPath(new URL('../../../schemas/samples/', import.meta.url)))

  it.each(samples)('accept the shipped sample %s like the runtime compile', (name) => {
    const doc = readJson(`schemas/samples/${name}`)
    const expected = outcome(templateSchemaValidator(), doc)
    expect(expected.valid).toBe(true)
    expect(outcome(generated.templateSchemaValidator(), doc)).toEqual(expected)
  })

  it('reject a broken template with the same errors as the runtime compile', () => {
    const doc = { id: 'x', version: 0, title: '', sections: [{ id: 's', title: 'S', items: [{ id: 'q', type: 'single', title: 'Q', options: 'no', extra: 1 }] }] }
    const expected = outcome(templateSchemaValidator(), doc)
    expect(expected.valid).toBe(false)
    expect(outcome(generated.templateSchemaValidator(), doc)).toEqual(expected)
  })

  it('check dates and long strings (format and ucs2 helpers) like the runtime compile', () => {
    const doc = { templateId: 't', templateVersion: 1, startedAt: 'yesterday', answers: { q: { value: '𠀀'.repeat(3) } } }
    const expected = outcome(responseSchemaValidator(), doc)
    expect(expected.errors.join()).toContain('format')
    expect(outcome(generated.responseSchemaValidator(), doc)).toEqual(expected)
  })

  it.each(['mini', 'red-flag-panel'])('accept the cycle fixture %s and reject a broken cycle like the runtime compile', (name) => {
    const doc = readJson(`tests/fixtures/cycles/${name}/cycle.json`)
    const expected = outcome(cycleSchemaValidator(), doc)
    expect(expected.valid).toBe(true)
    expect(outcome(generated.cycleSchemaValidator(), doc)).toEqual(expected)
    const broken = { ...(doc as object), panel: { aggregate: 'avg' }, deadlines: { self: 'soon' } }
    const rejected = outcome(cycleSchemaValidator(), broken)
    expect(rejected.errors).toEqual(['/panel/aggregate enum', '/deadlines/self format'])
    expect(outcome(generated.cycleSchemaValidator(), broken)).toEqual(rejected)
  })

  it('agree with the runtime compile on random documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) => {
        expect(outcome(generated.templateSchemaValidator(), doc)).toEqual(outcome(templateSchemaValidator(), doc))
        expect(outcome(generated.responseSchemaValidator(), doc)).toEqual(outcome(responseSchemaValidator(), doc))
        expect(outcome(generated.cycleSchemaValidator(), doc)).toEqual(outcome(cycleSchemaValidator(), doc))
      }),
      { numRuns: 200 },
    )
  })
})
