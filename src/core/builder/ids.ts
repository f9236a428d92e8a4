/** New ids for sections, items and options that never collide with the ones already used. */
import type { Template } from '../format/types'
import { indexTemplate } from '../scoring/template-index'

/** Every section and item id of a template: ids share one namespace in conditions and results. */
export function usedIds(template: Template): Set<string> {
  const index = indexTemplate(template)
  const out = new Set<string>()
  for (const s of index.sections) out.add(s.section.id)
  for (const i of index.items) out.add(i.id)
  return out
}

/**
 * `prefix` + one more than the highest number used with it, e.g. `q12`; added to `taken`.
 * Never fills a gap: a deleted item's id may still name answers of an older version, and
 * reusing it would compare unrelated questions across versions.
 */
export function nextId(prefix: string, taken: Set<string>): string {
  let high = 0
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue
    const n = Number(id.slice(prefix.length))
    if (Number.isInteger(n) && n > high) high = n
  }
  let id = `${prefix}${high + 1}`
  for (let n = high + 2; taken.has(id); n++) id = `${prefix}${n}`
  taken.add(id)
  return id
}

/** A slug for a template id from its title: ASCII letters kept, else `tpl-<time>`. */
export function slugFor(title: string, now: number = Date.now()): string {
  const ascii = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return ascii.length >= 3 ? ascii : `tpl-${now.toString(36)}`
}
