import { describe, expect, it } from 'vitest'
import { MAX_DOCUMENT_BYTES, validateTemplate } from '@/core/validate'
import type { Issue } from '@/core/result'
import checklistSchema from '../../../schemas/checklist.schema.json'
import responseSchema from '../../../schemas/response.schema.json'
import cycleSchema from '../../../schemas/cycle.schema.json'
import { section, single, template, type Json } from './builders'

function issuesOf(json: unknown, sizeBytes?: number): Issue[] {
  const result = validateTemplate(json, sizeBytes === undefined ? {} : { sizeBytes })
  return result.ok ? result.warnings : result.issues
}

describe('the JSON Schemas', () => {
  /** Every `properties` entry anywhere in a schema, with its path, for the hint check. */
  function properties(node: unknown, path: string, out: Array<[string, Json]>): Array<[string, Json]> {
    if (Array.isArray(node)) node.forEach((child, i) => properties(child, `${path}/${i}`, out))
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'properties') for (const [name, schema] of Object.entries(child as Json)) out.push([`${path}/properties/${name}`, schema as Json])
        properties(child, `${path}/${key}`, out)
      }
    }
    return out
  }

  it.each([['checklist', checklistSchema], ['response', responseSchema], ['cycle', cycleSchema]] as const)(
    'the %s schema is 2020-12 with an $id and gives every property a Chinese and English description',
    (_name, schema) => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(schema.$id).toMatch(/^https:\/\/qingdan\.app\/schemas\/.+\.schema\.json$/)
      const found = properties(schema, '', [])
      expect(found.length).toBeGreaterThan(20)
      const missing = found.filter(([, s]) => {
        const text = typeof s.description === 'string' ? s.description : ''
        return !/[\u4e00-\u9fff]/.test(text) || !/[A-Za-z]{3}/.test(text)
      })
      expect(missing.map(([path]) => path)).toEqual([])
    },
  )
})

describe('validateTemplate schema errors', () => {
  it.each<[string, unknown, string, string, Record<string, string | number>?]>([
    ['a document that is not an object', [], 'schema.type', '', { expected: 'object' }],
    ['a missing title', { id: 'x', version: 1, sections: [section('s1', [single('q1')])] }, 'schema.required', '', { property: 'title' }],
    ['an unknown top-level property', template({ titel: 'typo' }), 'schema.unknownProperty', '', { property: 'titel' }],
    ['an unknown property on an item', template({ sections: [section('s1', [single('q1', { maxx: 3 })])] }), 'schema.unknownProperty', '/sections/0/items/0', { property: 'maxx' }],
    ['a property of another item type', template({ sections: [section('s1', [single('q1', { deductEach: 1 })])] }), 'schema.unknownProperty', '/sections/0/items/0', { property: 'deductEach' }],
    ['an unknown item type', template({ sections: [section('s1', [{ id: 'q1', type: 'slider', title: 'Q' }])] }), 'schema.enum', '/sections/0/items/0/type'],
    ['a single without options', template({ sections: [section('s1', [{ id: 'q1', type: 'single', title: 'Q' }])] }), 'schema.required', '/sections/0/items/0', { property: 'options' }],
    ['points given as a string', template({ sections: [section('s1', [single('q1', { options: [{ id: 'a', label: 'A', points: '2' }] })])] }), 'schema.type', '/sections/0/items/0/options/0/points', { expected: 'number' }],
    ['an item id with a dot', template({ sections: [section('s1', [single('1.1')])] }), 'schema.pattern', '/sections/0/items/0/id'],
    ['an item id __proto__', JSON.parse(JSON.stringify(template({ sections: [section('s1', [single('PROTO')])] })).replace('PROTO', '__proto__')), 'schema.reserved', '/sections/0/items/0/id'],
    ['veto false', template({ sections: [section('s1', [single('q1', { options: [{ id: 'a', label: 'A', veto: false }] })])] }), 'schema.reserved', '/sections/0/items/0/options/0/veto'],
    ['a version of 0', template({ version: 0 }), 'schema.minimum', '/version', { limit: 1 }],
    ['no sections', template({ sections: [] }), 'schema.minItems', '/sections', { limit: 1 }],
    ['a bad zero scope', template({ sections: [section('s1', [single('q1', { options: [{ id: 'a', label: 'A', zero: 'room' }] })])] }), 'schema.enum', '/sections/0/items/0/options/0/zero'],
    ['a minDate that is no date', template({ sections: [section('s1', [{ id: 'd', type: 'date', title: 'D', minDate: '1.5.2026' }])] }), 'schema.format', '/sections/0/items/0/minDate', { format: 'date' }],
  ])('reports %s', (_name, json, code, pointer, params) => {
    const issue = issuesOf(json).find((i) => i.code === code && i.pointer === pointer)
    expect(issue).toBeDefined()
    if (params) expect(issue?.params).toMatchObject(params)
    expect(issue?.severity).toBe('error')
  })

  it.each([
    ['url(...)', 'url(https://tracker.example/x.png)'],
    ['a CSS expression', 'red;background:url(//x)'],
    ['a var()', 'var(--x)'],
    ['an empty string', ''],
  ])('refuses a colour that is %s: only names and #RGB/#RRGGBB', (_what, color) => {
    const result = validateTemplate(template({ sections: [section('s1', [single('q1', { options: [{ id: 'a', label: 'A', color }] })])] }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => i.pointer)).toContain('/sections/0/items/0/options/0/color')
  })

  it('accepts colour names and hex colours', () => {
    for (const color of ['green', 'DarkRed', '#c62828', '#fff']) {
      expect(validateTemplate(template({ sections: [section('s1', [single('q1', { options: [{ id: 'a', label: 'A', color }] })])] })).ok).toBe(true)
    }
  })

  it('names the reserved value in its message, not "undefined"', () => {
    const json = JSON.parse(JSON.stringify(template({ sections: [section('s1', [single('PROTO')])] })).replace('PROTO', '__proto__')) as unknown
    const result = validateTemplate(json)
    const issue = result.ok ? undefined : result.issues.find((i) => i.code === 'schema.reserved')
    expect(issue?.message['zh-CN']).toContain('不允许的取值 __proto__')
    expect(issue?.message.en).toContain('Value __proto__ is not allowed')
    expect(issue?.message['zh-CN']).not.toContain('undefined')
  })

  it('names the unknown property in both languages', () => {
    const issue = issuesOf(template({ titel: 'typo' }))[0]
    expect(issue?.message['zh-CN']).toContain('titel')
    expect(issue?.message.en).toContain('titel')
  })

  it('names the item of a schema error inside it', () => {
    const issue = issuesOf(template({ sections: [section('s1', [single('q7', { maxx: 3 })])] }))[0]
    expect(issue?.itemId).toBe('q7')
  })

  it('reports one issue for an unknown property, not one per item type branch', () => {
    expect(issuesOf(template({ sections: [section('s1', [single('q1', { maxx: 3 })])] }))).toHaveLength(1)
  })

  it('caps the number of issues and says how many there were', () => {
    const items = Array.from({ length: 400 }, (_, i) => ({ id: `q${i}`, type: 'info' }))
    const issues = issuesOf(template({ sections: [section('s1', items)] }))
    expect(issues).toHaveLength(201)
    expect(issues[200]).toMatchObject({ code: 'validate.truncated', params: { shown: 200, total: 400 } })
  })
})

describe('validateTemplate guards', () => {
  it('refuses a document over 5 MB before looking at it', () => {
    const json = template({ description: 'x'.repeat(MAX_DOCUMENT_BYTES) })
    expect(issuesOf(json)).toEqual([expect.objectContaining({ code: 'document.tooLarge', pointer: '' })])
  })

  it('trusts the caller for the size of the raw file', () => {
    expect(issuesOf(template(), MAX_DOCUMENT_BYTES + 1)).toEqual([expect.objectContaining({ code: 'document.tooLarge' })])
  })

  it('refuses a document nested deeper than 64 levels', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(issuesOf(template({ description: deep }))).toEqual([expect.objectContaining({ code: 'document.tooDeep' })])
  })

  it('refuses a cyclic object passed from code', () => {
    const json = template()
    json.self = json
    expect(issuesOf(json)).toEqual([expect.objectContaining({ code: 'document.tooDeep' })])
  })

  it('refuses values JSON cannot hold, such as BigInt', () => {
    expect(issuesOf(template({ version: 10n }))).toEqual([expect.objectContaining({ code: 'document.unreadable' })])
  })

  it('rejects Infinity and NaN as numbers', () => {
    expect(issuesOf(template({ version: Infinity })).map((i) => i.pointer)).toContain('/version')
    expect(issuesOf(template({ scoring: { max: NaN } })).map((i) => i.pointer)).toContain('/scoring/max')
  })

  it('does not throw on a getter that throws', () => {
    const json = template()
    Object.defineProperty(json, 'title', { enumerable: true, get: () => { throw new Error('boom') } })
    const result = validateTemplate(json)
    expect(result.ok).toBe(false)
  })
})
