/** Every number that is points: at most two decimals (format.md rule 10); deductions never negative. */
import type { Issue } from '@/core/result'
import { makeIssue } from '../issues'
import { hasTwoDecimalsAtMost } from '../numbers'
import type { TemplateIndex } from '@/core/scoring'

interface PointsField {
  value: number | undefined
  pointer: string
  itemId?: string
  /** A deduction: must not be negative either. */
  deduction?: boolean
}

function pointsFields(index: TemplateIndex): PointsField[] {
  const fields: PointsField[] = []
  const scoring = index.template.scoring
  fields.push({ value: scoring?.max, pointer: '/scoring/max' }, { value: scoring?.bonusMax, pointer: '/scoring/bonusMax' })
  for (const { section, pointer } of index.sections) {
    fields.push(
      { value: section.max, pointer: `${pointer}/max` },
      { value: section.bonusMax, pointer: `${pointer}/bonusMax` },
      { value: section.weight, pointer: `${pointer}/weight` },
    )
  }
  for (const { item, pointer } of index.items) {
    const itemId = item.id
    const add = (value: number | undefined, at: string, deduction = false): void => {
      fields.push({ value, pointer: `${pointer}${at}`, itemId, deduction })
    }
    switch (item.type) {
      case 'single':
      case 'multi':
        add(item.max, '/max')
        item.options.forEach((o, i) => {
          add(o.points, `/options/${i}/points`)
          add(o.deduct, `/options/${i}/deduct`, true)
        })
        break
      case 'count':
        add(item.max, '/max')
        add(item.deductEach, '/deductEach', true)
        break
      case 'score':
        add(item.min, '/min')
        add(item.max, '/max')
        add(item.step, '/step')
        break
      case 'number':
        add(item.max, '/max')
        add(item.deductEach, '/deductEach', true)
        item.thresholds?.forEach((t, i) => add(t.points, `/thresholds/${i}/points`))
        break
      default:
        break
    }
  }
  return fields
}

export function checkPoints(index: TemplateIndex): Issue[] {
  const issues: Issue[] = []
  for (const { value, pointer, itemId, deduction } of pointsFields(index)) {
    if (value === undefined) continue
    if (!hasTwoDecimalsAtMost(value)) issues.push(makeIssue('points.decimals', pointer, { value }, itemId))
    if (deduction && value < 0) issues.push(makeIssue('points.negativeDeduct', pointer, { value }, itemId))
  }
  return issues
}
