/** The semantic checks on a schema-valid template, each in a file of its own. */
import type { Template } from '@/core/format/types'
import type { Issue } from '@/core/result'
import { checkBands } from './check-bands'
import { checkCycles } from './check-cycles'
import { checkIds } from './check-ids'
import { checkItems } from './check-items'
import { checkPoints } from './check-points'
import { checkRuleBudget } from './check-rule-budget'
import { checkRules } from './check-rules'
import { checkScoring } from './check-scoring'
import { checkStructure } from './check-structure'
import { indexTemplate, type TemplateIndex } from '@/core/scoring'

const CHECKS: ReadonlyArray<(index: TemplateIndex) => Issue[]> = [
  checkIds,
  checkStructure,
  checkRules,
  checkRuleBudget,
  checkCycles,
  checkScoring,
  checkBands,
  checkItems,
  checkPoints,
]

/**
 * Runs every check over the scoring index, the one walk of the template tree (it tolerates the
 * duplicate ids, deep nesting and cycles these checks report).
 */
export function semanticIssues(template: Template): Issue[] {
  const index = indexTemplate(template)
  return CHECKS.flatMap((check) => check(index))
}
