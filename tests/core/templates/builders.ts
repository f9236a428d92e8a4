/** Tiny builders for template-record rule tests. */
import type { Item, Template } from '@/core/format/types'
import type { TemplateRecord } from '@/core/templates/record'

export const NOW = '2026-03-01T00:00:00.000Z'
export const EARLIER = '2026-01-01T00:00:00.000Z'

export function single(id: string): Item {
  return { id, type: 'single', title: `Item ${id}`, options: [{ id: 'ok', label: '符合', points: 2 }, { id: 'bad', label: '不符合', points: 0 }] }
}

export function template(id = 't', version = 1, items: Item[] = [single('q1')]): Template {
  return { id, version, title: `${id} v${version}`, sections: [{ id: 's1', title: 'S', items }] }
}

export function record(extra: Partial<TemplateRecord> = {}): TemplateRecord {
  return { id: 't', title: 't', status: 'draft', latestVersion: 0, draft: template('t', 1), source: 'user', createdAt: EARLIER, updatedAt: EARLIER, ...extra }
}
