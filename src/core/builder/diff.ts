/**
 * What changed between two versions of a template, for the publish dialog: items added, removed
 * and changed (by id, since ids carry over), sections added and removed, and the max before and
 * after (the max of an empty response: every visible item counted, rule 5).
 */
import type { Item, Section, Template } from '../format/types'
import { scoreResponse } from '../scoring'
import { indexTemplate } from '../scoring/template-index'

export interface ItemChange {
  id: string
  title: string
  /** Top-level fields that differ, e.g. ['title', 'options']; 'section' when it moved. */
  fields: string[]
}

export interface TemplateDiff {
  added: Array<{ id: string; title: string }>
  removed: Array<{ id: string; title: string }>
  changed: ItemChange[]
  sectionsAdded: string[]
  sectionsRemoved: string[]
  /** Top-level template fields that differ (title, scoring, subject …). */
  templateFields: string[]
  maxBefore: number
  maxAfter: number
}

interface Placed {
  item: Item
  sectionId: string
}

function index(template: Template): { items: Map<string, Placed>; sections: Map<string, Section> } {
  const nodes = indexTemplate(template)
  const items = new Map<string, Placed>()
  const sections = new Map<string, Section>()
  // Set in template order, so a duplicate id (an invalid template) keeps its last place, as before.
  for (const s of nodes.sections) sections.set(s.section.id, s.section)
  for (const i of nodes.items) items.set(i.id, { item: i.item, sectionId: i.sectionId })
  return { items, sections }
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b)

function changedFields(a: object, b: object, ignore: ReadonlySet<string>): string[] {
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)])
  return [...keys].filter((k) => !ignore.has(k) && !same(ra[k], rb[k])).sort()
}

const NO_IGNORE: ReadonlySet<string> = new Set(['id'])
const TEMPLATE_IGNORE: ReadonlySet<string> = new Set(['sections', 'version', '$schema'])

export function templateMax(template: Template): number {
  return scoreResponse(template, { templateId: template.id, templateVersion: template.version, answers: {} }).max
}

export function diffTemplates(before: Template | null, after: Template): TemplateDiff {
  const a = before ? index(before) : { items: new Map<string, Placed>(), sections: new Map<string, Section>() }
  const b = index(after)
  const added: TemplateDiff['added'] = []
  const changed: ItemChange[] = []
  for (const [id, { item, sectionId }] of b.items) {
    const old = a.items.get(id)
    if (!old) {
      added.push({ id, title: item.title })
      continue
    }
    const fields = changedFields(old.item, item, NO_IGNORE)
    if (old.sectionId !== sectionId) fields.push('section')
    if (fields.length > 0) changed.push({ id, title: item.title, fields })
  }
  const removed = [...a.items].filter(([id]) => !b.items.has(id)).map(([id, p]) => ({ id, title: p.item.title }))
  return {
    added,
    removed,
    changed,
    sectionsAdded: [...b.sections.keys()].filter((id) => !a.sections.has(id)),
    sectionsRemoved: [...a.sections.keys()].filter((id) => !b.sections.has(id)),
    templateFields: before ? changedFields(before, after, TEMPLATE_IGNORE) : [],
    maxBefore: before ? templateMax(before) : 0,
    maxAfter: templateMax(after),
  }
}

export function isEmptyDiff(d: TemplateDiff): boolean {
  return (
    d.added.length + d.removed.length + d.changed.length + d.sectionsAdded.length + d.sectionsRemoved.length + d.templateFields.length === 0 &&
    d.maxBefore === d.maxAfter
  )
}
