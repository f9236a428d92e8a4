/** Template-level scoring: `scoring.max` where the method needs it, weights that add up. */
import type { Issue } from '@/core/result'
import { makeIssue } from '../issues'
import type { TemplateIndex } from '@/core/scoring'

export function checkScoring(index: TemplateIndex): Issue[] {
  const scoring = index.template.scoring
  const issues: Issue[] = []
  const weighted = scoring?.method === 'weighted'
  if (scoring && scoring.max === undefined) {
    if (weighted) issues.push(makeIssue('scoring.maxRequired', '/scoring', { feature: 'method: weighted' }))
    if (scoring.normalize === true) issues.push(makeIssue('scoring.maxRequired', '/scoring', { feature: 'normalize' }))
  }
  // Weights apply to the top-level sections that carry points (bonus sections add outside them).
  let sumHundredths = 0
  let complete = true
  for (const entry of index.sections) {
    const { section, pointer } = entry
    if (!weighted) {
      if (section.weight !== undefined) issues.push(makeIssue('scoring.weightIgnored', `${pointer}/weight`))
      continue
    }
    if (entry.depth !== 0 || section.bonus === true) {
      if (section.weight !== undefined) issues.push(makeIssue('scoring.weightIgnored', `${pointer}/weight`))
      continue
    }
    if (section.weight === undefined) {
      complete = false
      issues.push(makeIssue('scoring.weightMissing', pointer, { id: section.id }))
    } else {
      sumHundredths += Math.round(section.weight * 100)
    }
  }
  if (weighted && complete && scoring?.max !== undefined && sumHundredths !== Math.round(scoring.max * 100)) {
    issues.push(makeIssue('scoring.weightSum', '/scoring/max', { sum: sumHundredths / 100, max: scoring.max }))
  }
  return issues
}
