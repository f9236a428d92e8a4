/**
 * Every shipped sample is valid, fits the `Template` type at compile time, and says which parts are
 * editable examples. The per-sample score tests live beside this file (samples-*.test.ts).
 */
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Template } from '@/core/format/types'
import { validateResponse, validateTemplate } from '@/core/validate'
import dorm from '../../schemas/samples/dorm-room-safety.json'
import floor from '../../schemas/samples/floor-common-area.json'
import talk from '../../schemas/samples/heart-to-heart-talk.json'
import branch from '../../schemas/samples/red-flag-party-branch.json'
import conduct from '../../schemas/samples/teacher-conduct-negative-list.json'
import { fixture, readJson } from '../fixtures/load'

/**
 * `Template` with its string and boolean literals widened, because TypeScript types an imported
 * JSON file's `"type": "count"` as `string`. Everything else — property names, required fields,
 * nesting, numbers versus strings — is still checked when a sample is passed to `typed` below.
 */
type Widen<T> = T extends string
  ? string
  : T extends boolean
    ? boolean
    : T extends number
      ? number
      : T extends readonly (infer U)[]
        ? Widen<U>[]
        : T extends object
          ? { [K in keyof T]: Widen<T[K]> }
          : T
// JSON Logic rules are free-form JSON; widening a recursive type would not terminate.
type WidenTemplate = Widen<Omit<Template, 'sections' | 'scoring'>> & { sections: WidenSection[]; scoring?: WidenScoring }
type Scoring = NonNullable<Template['scoring']>
type WidenScoring = Widen<Omit<Scoring, 'bands'>> & {
  bands?: Array<Widen<Omit<NonNullable<Scoring['bands']>[number], 'when'>> & { when?: unknown }>
}
type Section = Template['sections'][number]
type WidenSection = Widen<Omit<Section, 'sections' | 'items' | 'visibleIf'>> & {
  items: WidenItem[]
  sections?: WidenSection[]
  visibleIf?: unknown
}
type Item = Section['items'][number]
type WidenItem = Item extends infer I
  ? I extends Item
    ? Widen<Omit<I, 'visibleIf' | 'requiredIf'>> & { visibleIf?: unknown; requiredIf?: unknown }
    : never
  : never

/** The compile-time check happens at the call: a sample whose shape drifts from `Template` fails vue-tsc. */
function typed(json: WidenTemplate): Template {
  const result = validateTemplate(json)
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.pointer}: ${i.message.en}`).join('\n'))
  return result.value
}

const SAMPLES: Record<string, WidenTemplate> = {
  'dorm-room-safety': dorm,
  'floor-common-area': floor,
  'heart-to-heart-talk': talk,
  'red-flag-party-branch': branch,
  'teacher-conduct-negative-list': conduct,
}

describe('shipped samples', () => {
  it('are exactly the five known files, so a new sample is not shipped untested', () => {
    const files = readdirSync(new URL('../../schemas/samples/', import.meta.url)).filter((f) => f.endsWith('.json'))
    expect(files.sort()).toEqual(Object.keys(SAMPLES).map((id) => `${id}.json`))
  })

  it.each(Object.entries(SAMPLES))('%s validates with no errors and no warnings, and its id matches its file', (id, json) => {
    const result = validateTemplate(readJson(`schemas/samples/${id}.json`))
    expect(result.ok ? result.warnings : result.issues).toEqual([])
    expect(typed(json).id).toBe(id)
    expect(typed(json).version).toBe(1)
    expect(typed(json).formatVersion).toBe(1)
  })

  it.each(Object.entries(SAMPLES))('%s says which parts are editable examples (可编辑示例)', (_id, json) => {
    expect(json.description).toContain('可编辑示例')
  })

  it('keeps the teacher list at five areas of six items, answered 无 / 较轻 / 较重及以上', () => {
    const t = typed(conduct)
    const scored = t.sections.filter((s) => s.items.every((i) => i.type === 'single'))
    expect(scored.map((s) => s.items.length)).toEqual([6, 6, 6, 6, 6])
    for (const item of scored.flatMap((s) => s.items)) {
      expect(item.type === 'single' && item.options.map((o) => o.id)).toEqual(['none', 'minor', 'major'])
    }
  })

  it('gives the dorm check 20–30 items, each with a compliant default so a round only taps exceptions', () => {
    const items = typed(dorm).sections.flatMap((s) => s.items)
    expect(items.length).toBeGreaterThanOrEqual(20)
    expect(items.length).toBeLessThanOrEqual(30)
    expect(items.filter((i) => !('default' in i) || i.default === undefined).map((i) => i.id)).toEqual([])
  })

  it('leaves the talk record without scoring: a plain form', () => {
    expect(typed(talk).scoring).toBeUndefined()
  })
})

describe('hand-written fixtures', () => {
  const cases: Array<[string, Template, string[]]> = [
    ['red-flag-party-branch', typed(branch), ['self-red-flag', 'review-red-flag', 'weak-discipline-na-group', 'vetoed-incomplete', 'low-with-floors']],
    ['dorm-room-safety', typed(dorm), ['clean-room-defaults', 'winter-findings', 'red-line-in-use', 'winter-off-hidden-answer']],
    ['floor-common-area', typed(floor), ['all-yes', 'not-applicable-normalized', 'incomplete']],
    ['teacher-conduct-negative-list', typed(conduct), ['all-clear', 'one-minor', 'minor-and-major', 'unanswered-item']],
  ]
  it.each(cases)('for %s are valid responses to their sample', (folder, template, names) => {
    for (const name of names) {
      const result = validateResponse(template, fixture(folder, name))
      expect(result.ok ? [] : result.issues, `${folder}/${name}`).toEqual([])
    }
  })

  it('include a valid weighted variant template and responses to it', () => {
    const template = validateTemplate(readJson('tests/fixtures/star-rating-weighted/template.json'))
    expect(template.ok ? template.warnings : template.issues).toEqual([])
    if (!template.ok) return
    for (const name of ['half-up-weighting', 'bonus-capped-at-max', 'section-zeroed', 'negative-penalty-floored']) {
      const result = validateResponse(template.value, fixture('star-rating-weighted', name))
      expect(result.ok ? [] : result.issues, name).toEqual([])
    }
  })
})
