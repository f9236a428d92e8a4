/**
 * Deterministic synthetic templates and responses for benchmarks (scoring, filling, bundles).
 * Shapes follow the real rubrics: mostly three-option items, deductive and additive, some
 * counts and score items, and a tenth of the items shown only when an earlier item is answered
 * a certain way. The same (n, opts) and seed always give the same documents.
 *
 * Documents are returned as parsed JSON, the way the app receives them (files, IndexedDB):
 * objects built here from template strings have non-internalized keys, which makes V8's keyed
 * lookups several times slower and would measure an artefact instead of the engine.
 */

const asLoaded = <T>(doc: T): T => JSON.parse(JSON.stringify(doc)) as T
import type { Answer, Item, Response, Section, Template } from '../src/core/format/types'

export interface GenerateOptions {
  /** Items per section (default 10). */
  sectionSize?: number
  /** Share of items with a `visibleIf` on an earlier item (default 0.1). */
  visibleIfRatio?: number
  /** Seed of the template's randomness (default 1). */
  seed?: number
  /** Template id (default `gen-<n>`). */
  id?: string
}

/** mulberry32: tiny, fast, good enough to vary benchmark data reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function makeItem(i: number, rand: () => number, earlier: readonly Item[], visibleIfRatio: number): Item {
  const id = `q${i + 1}`
  const title = `检查项 ${i + 1}`
  let item: Item
  if (i % 9 === 4) {
    item = { id, type: 'count', title, max: 3, deductEach: 0.5, unitLabel: '处', flag: true }
  } else if (i % 11 === 7) {
    item = { id, type: 'score', title, min: 0, max: 5, step: 0.5 }
  } else if (rand() < 0.5) {
    item = {
      id, type: 'single', title, max: 4, na: true,
      options: [
        { id: 'a', label: '符合', deduct: 0 },
        { id: 'b', label: '基本符合', deduct: 1.5 },
        { id: 'c', label: '不符合', deduct: 4, flag: true },
      ],
    }
  } else {
    item = {
      id, type: 'single', title,
      options: [
        { id: 'a', label: '好', points: 3 },
        { id: 'b', label: '一般', points: 1.5 },
        { id: 'c', label: '差', points: 0 },
      ],
    }
  }
  const choices = earlier.filter((e) => e.type === 'single')
  if (choices.length > 0 && rand() < visibleIfRatio) {
    const on = choices[Math.floor(rand() * choices.length)] as Item
    item.visibleIf = { '!=': [{ var: on.id }, 'a'] }
  }
  return item
}

/** A scored template of `n` items in sections of `sectionSize`, with grade bands and a bonus section. */
export function generateTemplate(n: number, opts: GenerateOptions = {}): Template {
  const { sectionSize = 10, visibleIfRatio = 0.1, seed = 1, id = `gen-${n}` } = opts
  const rand = prng(seed)
  const items: Item[] = []
  for (let i = 0; i < n; i++) items.push(makeItem(i, rand, items, visibleIfRatio))
  const sections: Section[] = []
  for (let s = 0; s * sectionSize < n; s++) {
    sections.push({ id: `s${s + 1}`, title: `第${s + 1}部分`, items: items.slice(s * sectionSize, (s + 1) * sectionSize) })
  }
  sections.push({
    id: 'bonus', title: '加分项', bonus: true, bonusMax: 5,
    items: [{
      id: 'award', type: 'single', title: '获奖',
      options: [{ id: 'none', label: '无', points: 0 }, { id: 'school', label: '校级', points: 1 }, { id: 'city', label: '市级以上', points: 3 }],
    }],
  })
  return asLoaded<Template>({
    id, version: 1, title: `Generated ${n}`, locale: 'zh-CN', sections,
    scoring: {
      method: 'sum', normalize: true, max: 100, bonusMax: 5, basis: 'points',
      bands: [
        { id: 'excellent', label: '优秀', min: 90 },
        { id: 'good', label: '良好', min: 75 },
        { id: 'pass', label: '合格', min: 60 },
        { id: 'fail', label: '不合格', min: 0 },
      ],
    },
  })
}

function answerFor(item: Item, rand: () => number): Answer | undefined {
  const r = rand()
  switch (item.type) {
    case 'single':
      if (item.na && r < 0.05) return { na: true }
      // Mostly good answers, as in a real round: about 70 % the first option.
      return { value: (r < 0.7 ? item.options[0] : item.options[1 + Math.floor(rand() * (item.options.length - 1))])?.id ?? '' }
    case 'multi':
      return { value: item.options.filter(() => rand() < 0.3).map((o) => o.id) }
    case 'count':
      return { value: r < 0.75 ? 0 : 1 + Math.floor(rand() * 3) }
    case 'score':
      return { value: Math.round(rand() * (item.max / 0.5)) * 0.5 }
    case 'number':
      return { value: Math.round(rand() * 100) }
    default:
      return undefined
  }
}

/** A submitted-looking response to `template`, every scored item answered (a few N/A). */
export function generateResponse(template: Template, seed: number): Response {
  const rand = prng(seed)
  const answers: Record<string, Answer> = {}
  const visit = (sections: readonly Section[]): void => {
    for (const s of sections) {
      for (const item of s.items) {
        const a = answerFor(item, rand)
        if (a !== undefined) answers[item.id] = { ...a, updatedAt: '2026-01-01T00:00:00.000Z' }
      }
      visit(s.sections ?? [])
    }
  }
  visit(template.sections)
  return asLoaded<Response>({
    id: `00000000-0000-4000-8000-${String(seed).padStart(12, '0')}`,
    templateId: template.id,
    templateVersion: template.version,
    role: 'self',
    status: 'submitted',
    startedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    submittedAt: '2026-01-01T00:00:00.000Z',
    subject: { building: `${1 + (seed % 9)}号楼`, room: String(100 + (seed % 50)) },
    answers,
  })
}
