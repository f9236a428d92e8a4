/**
 * Conditions must be safe (checkRule) and must name things that exist: items for
 * visibleIf/requiredIf, `total`/`percent`/`sections` for band `when`. Cycles: check-cycles.ts.
 */
import { checkRule, collectVarRefs } from '@/core/conditions'
import type { JsonLogicRule } from '@/core/format/types'
import type { Issue } from '@/core/result'
import { makeIssue, type IssueParams } from '../issues'
import { ruleSites } from './rule-sites'
import type { TemplateIndex } from '@/core/scoring'

const BAND_DATA = new Set(['total', 'percent', 'sections'])

/** The operator of the operation at `path` inside a rule (for the message). */
function operatorAt(rule: JsonLogicRule, path: string): string {
  let node: unknown = rule
  for (const raw of path.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (typeof node !== 'object' || node === null) return '?'
    node = (node as Record<string, unknown>)[segment]
  }
  return typeof node === 'object' && node !== null ? (Object.keys(node)[0] ?? '?') : '?'
}

export function checkRules(index: TemplateIndex): Issue[] {
  const issues: Issue[] = []
  for (const site of ruleSites(index)) {
    for (const problem of checkRule(site.rule)) {
      const params: IssueParams = problem.code === 'rule.unknownOperator' ? { operator: operatorAt(site.rule, problem.path) } : {}
      issues.push(makeIssue(problem.code, site.pointer + problem.path, params, site.itemId))
    }
    for (const ref of collectVarRefs(site.rule)) {
      const at = site.pointer + ref.path
      if (site.reads === 'band') {
        if (!BAND_DATA.has(ref.id)) issues.push(makeIssue('rule.unknownBandVar', at, { id: ref.id }))
      } else if (ref.id === site.itemId) {
        issues.push(makeIssue('rule.selfReference', at, { id: ref.id }, site.itemId))
      } else if (!index.itemsById.has(ref.id)) {
        issues.push(makeIssue('rule.unknownItem', at, { id: ref.id }, site.itemId))
      }
    }
  }
  return issues
}
