/**
 * Titles for a new section or item: "一级指标 2" / "Section 2", "检查项 3" / "Item 3". Never the
 * id ("一级指标 s2" reads like a code), and never a title already used at that place, so two new
 * rows can be told apart in the outline before they are renamed.
 */
import type { Lang } from '../result'
import type { Section, Template } from '../format/types'
import { indexTemplate } from '../scoring/template-index'

export const DEFAULT_NAME_KINDS = ['section', 'subsection', 'item', 'band', 'field'] as const
export type DefaultNameKind = (typeof DEFAULT_NAME_KINDS)[number]

const WORDS = {
  section: { 'zh-CN': '一级指标', en: 'Section' },
  subsection: { 'zh-CN': '二级指标', en: 'Sub-section' },
  item: { 'zh-CN': '检查项', en: 'Item' },
  band: { 'zh-CN': '等级', en: 'Band' },
  field: { 'zh-CN': '字段', en: 'Field' },
} as const satisfies Record<DefaultNameKind, Record<Lang, string>>

/**
 * The language of a template's default names: its own `locale` when it names one we write in
 * (the names become the template's content), else the interface language.
 */
export function nameLang(template: Pick<Template, 'locale'>, uiLang: Lang): Lang {
  const locale = template.locale?.toLowerCase() ?? ''
  if (locale.startsWith('zh')) return 'zh-CN'
  if (locale.startsWith('en')) return 'en'
  return uiLang
}

/** `word n` for the first n ≥ `from` whose title is not in `taken`. */
export function numberedName(kind: DefaultNameKind, lang: Lang, from: number, taken: ReadonlySet<string>): string {
  let n = Math.max(1, from)
  while (taken.has(`${WORDS[kind][lang]} ${n}`)) n++
  return `${WORDS[kind][lang]} ${n}`
}

/**
 * The title of a new section under `parentId` (null: top level), numbered after its siblings
 * (the 3rd top-level section is "一级指标 3").
 */
export function newSectionName(template: Template, parentId: string | null, lang: Lang): string {
  const siblings: readonly Section[] = parentId === null ? template.sections : (findChildren(template.sections, parentId) ?? [])
  const taken = new Set(siblings.map((s) => s.title))
  return numberedName(parentId === null ? 'section' : 'subsection', lang, siblings.length + 1, taken)
}

/** The title of a new item, numbered after every item of the template (the 7th is "检查项 7"). */
export function newItemName(template: Template, lang: Lang): string {
  const items = indexTemplate(template).items
  return numberedName('item', lang, items.length + 1, new Set(items.map((i) => i.item.title)))
}

function findChildren(sections: readonly Section[], id: string): readonly Section[] | undefined {
  for (const s of sections) {
    if (s.id === id) return s.sections ?? []
    const inner = s.sections && findChildren(s.sections, id)
    if (inner) return inner
  }
  return undefined
}
