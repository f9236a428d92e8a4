/** Grade bands best first with unique names, and vetoes that name a band that exists. */
import type { Veto } from '@/core/format/types'
import type { Issue } from '@/core/result'
import { makeIssue } from '../issues'
import type { TemplateIndex } from '@/core/scoring'

interface VetoSite {
  veto: Veto
  pointer: string
  itemId: string
}

function vetoSites(index: TemplateIndex): VetoSite[] {
  const sites: VetoSite[] = []
  for (const { item, pointer } of index.items) {
    if (item.type === 'count' && item.veto !== undefined) sites.push({ veto: item.veto, pointer: `${pointer}/veto`, itemId: item.id })
    if (item.type !== 'single' && item.type !== 'multi') continue
    item.options.forEach((option, i) => {
      if (option.veto !== undefined) sites.push({ veto: option.veto, pointer: `${pointer}/options/${i}/veto`, itemId: item.id })
    })
  }
  return sites
}

export function checkBands(index: TemplateIndex): Issue[] {
  const scoring = index.template.scoring
  const bands = scoring?.bands ?? []
  const issues: Issue[] = []
  const ids = new Set<string>()
  const labels = new Set<string>()
  /** What a veto string may name: a band's id, or its label when it has none (format.md rule 7). */
  const names = new Set<string>()
  bands.forEach((band, i) => {
    const at = `/scoring/bands/${i}`
    const previous = bands[i - 1]
    if (previous && band.min > previous.min) issues.push(makeIssue('band.order', `${at}/min`, { min: band.min, previous: previous.min }))
    if (band.id !== undefined) {
      if (ids.has(band.id)) issues.push(makeIssue('band.duplicateId', `${at}/id`, { id: band.id }))
      ids.add(band.id)
    }
    if (labels.has(band.label)) issues.push(makeIssue('band.duplicateLabel', `${at}/label`, { label: band.label }))
    labels.add(band.label)
    names.add(band.id ?? band.label)
    if (scoring?.basis === 'percent' && (band.min < 0 || band.min > 100)) issues.push(makeIssue('band.percentRange', `${at}/min`))
  })
  for (const site of vetoSites(index)) {
    if (bands.length === 0) issues.push(makeIssue('veto.noBands', site.pointer, {}, site.itemId))
    else if (typeof site.veto === 'string' && !names.has(site.veto)) {
      issues.push(makeIssue('veto.unknownBand', site.pointer, { band: site.veto }, site.itemId))
    }
  }
  return issues
}
