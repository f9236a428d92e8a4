/** Every place a template holds a JSON Logic rule, with its pointer and what the rule may read. */
import type { JsonLogicRule } from '@/core/format/types'
import type { TemplateIndex } from '@/core/scoring'

export interface RuleSite {
  rule: JsonLogicRule
  pointer: string
  /** `items`: visibleIf/requiredIf over answers; `band`: band `when` over the section results. */
  reads: 'items' | 'band'
  /** The item that owns the rule, if any. */
  itemId?: string
}

export function ruleSites(index: TemplateIndex): RuleSite[] {
  const sites: RuleSite[] = []
  for (const { section, pointer } of index.sections) {
    if (section.visibleIf !== undefined) sites.push({ rule: section.visibleIf, pointer: `${pointer}/visibleIf`, reads: 'items' })
  }
  for (const { item, pointer } of index.items) {
    if (item.visibleIf !== undefined) sites.push({ rule: item.visibleIf, pointer: `${pointer}/visibleIf`, reads: 'items', itemId: item.id })
    if (item.type !== 'info' && item.requiredIf !== undefined) {
      sites.push({ rule: item.requiredIf, pointer: `${pointer}/requiredIf`, reads: 'items', itemId: item.id })
    }
  }
  index.template.scoring?.bands?.forEach((band, i) => {
    if (band.when !== undefined) sites.push({ rule: band.when, pointer: `/scoring/bands/${i}/when`, reads: 'band' })
  })
  return sites
}
