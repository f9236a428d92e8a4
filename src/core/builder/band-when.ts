/**
 * A band's `when` as the builder shows it: "every first-level indicator reaches N %" (the
 * 红旗党支部 rule) as its own number field, and whatever else the rule says in the visual
 * condition editor. The two are joined with `and` in the stored JSON Logic.
 */
import type { JsonLogicRule, JsonValue } from '../format/types'

export interface BandWhenParts {
  /** Each top-level indicator's percent must reach this; null: no such requirement. */
  sectionFloor: number | null
  /** The rest of the rule, for the condition editor. */
  rest: JsonLogicRule | undefined
}

type JsonObject = { [key: string]: JsonValue }

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The floor N of `{"all":[{"var":"sections"},{">=":[{"var":"percent"},N]}]}`, else null. */
function floorOf(rule: JsonValue): number | null {
  if (!isObject(rule) || Object.keys(rule).length !== 1 || !Array.isArray(rule.all)) return null
  const [over, test] = rule.all
  if (!isObject(over) || over.var !== 'sections' || !isObject(test) || !Array.isArray(test['>='])) return null
  const [left, right] = test['>=']
  return isObject(left) && left.var === 'percent' && typeof right === 'number' && Number.isFinite(right) ? right : null
}

export function sectionFloorRule(floor: number): JsonLogicRule {
  return { all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, floor] }] }
}

export function splitBandWhen(rule: JsonLogicRule | undefined): BandWhenParts {
  if (rule === undefined) return { sectionFloor: null, rest: undefined }
  const alone = floorOf(rule)
  if (alone !== null) return { sectionFloor: alone, rest: undefined }
  if (isObject(rule) && Object.keys(rule).length === 1 && Array.isArray(rule.and)) {
    const at = rule.and.findIndex((part) => floorOf(part) !== null)
    if (at >= 0) {
      const others = rule.and.filter((_, i) => i !== at)
      const rest = others.length === 0 ? undefined : others.length === 1 ? others[0] : { and: others }
      return { sectionFloor: floorOf(rule.and[at] as JsonValue), rest }
    }
  }
  return { sectionFloor: null, rest: rule }
}

export function joinBandWhen({ sectionFloor, rest }: BandWhenParts): JsonLogicRule | undefined {
  if (sectionFloor === null) return rest
  const floor = sectionFloorRule(sectionFloor)
  if (rest === undefined) return floor
  // An `and` group from the editor takes the floor as one more member, so it reads back the same.
  if (isObject(rest) && Object.keys(rest).length === 1 && Array.isArray(rest.and)) return { and: [...rest.and, floor] }
  return { and: [rest, floor] }
}
