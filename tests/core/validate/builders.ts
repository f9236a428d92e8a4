/** Tiny builders for validation tests: a valid template to break one field at a time. */
import type { Template } from '@/core/format/types'

/** Loosely typed JSON, because the tests build invalid documents on purpose. */
export type Json = Record<string, unknown>

export const single = (id: string, extra: Json = {}): Json => ({
  id,
  type: 'single',
  title: `Item ${id}`,
  options: [
    { id: 'yes', label: '符合', points: 2 },
    { id: 'no', label: '不符合', points: 0 },
  ],
  ...extra,
})

export const count = (id: string, extra: Json = {}): Json => ({ id, type: 'count', title: `Item ${id}`, max: 4, deductEach: 1, ...extra })
export const score = (id: string, extra: Json = {}): Json => ({ id, type: 'score', title: `Item ${id}`, max: 5, step: 0.5, ...extra })
export const num = (id: string, extra: Json = {}): Json => ({ id, type: 'number', title: `Item ${id}`, ...extra })
export const text = (id: string, extra: Json = {}): Json => ({ id, type: 'text', title: `Item ${id}`, ...extra })

export const section = (id: string, items: Json[], extra: Json = {}): Json => ({ id, title: `Section ${id}`, items, ...extra })

/** A valid template: section s1 with q1 (single, points) and q2 (count, deductive), two bands. */
export function template(extra: Json = {}): Json {
  return {
    id: 'dorm',
    version: 1,
    title: '宿舍检查',
    sections: [section('s1', [single('q1'), count('q2')])],
    scoring: { bands: [{ id: 'good', label: '良好', min: 5 }, { id: 'bad', label: '不合格', min: 0 }] },
    ...extra,
  }
}

/** `template()` typed as what validation would return, for response tests. */
export function validTemplate(extra: Json = {}): Template {
  return template(extra) as unknown as Template
}

/** A minimal hand-written response to `template()`. */
export function response(extra: Json = {}): Json {
  return { templateId: 'dorm', templateVersion: 1, answers: { q1: { value: 'yes' } }, ...extra }
}
