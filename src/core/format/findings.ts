/**
 * How a template's findings (flagged items, rule 11) are named and whether they open 整改 tasks.
 * A template may say so in `findings`; otherwise its `kind` decides: an inspection's findings are
 * hazards (隐患) fixed with a photo, an evaluation's are points lost (失分项), a conduct list's are
 * problems (问题) handled by a decision, not by a rectification photo. See docs/format-additions.md.
 */
import type { Lang } from '../result'
import type { Template, TemplateKind } from './types'

export interface FindingsPolicy {
  kind: TemplateKind
  /** The heading findings are listed under, in the language asked for. */
  label: string
  /** Whether a submitted response opens one rectification task per finding. */
  tasks: boolean
}

const DEFAULTS = {
  inspection: { label: { 'zh-CN': '隐患', en: 'Hazards' }, tasks: true },
  evaluation: { label: { 'zh-CN': '失分项', en: 'Points lost' }, tasks: false },
  conduct: { label: { 'zh-CN': '问题', en: 'Problems' }, tasks: false },
} as const satisfies Record<TemplateKind, { label: Record<Lang, string>; tasks: boolean }>

/** The template's findings label and task rule; a template without `kind` is an inspection. */
export function findingsPolicy(template: Pick<Template, 'kind' | 'findings'>, lang: Lang = 'zh-CN'): FindingsPolicy {
  const kind = template.kind ?? 'inspection'
  const defaults = DEFAULTS[kind]
  const label = template.findings?.label?.trim()
  return {
    kind,
    label: label ? label : defaults.label[lang],
    tasks: template.findings?.tasks ?? defaults.tasks,
  }
}
