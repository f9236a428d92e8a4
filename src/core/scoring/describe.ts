/**
 * `describeStep`: a scoring step in words, in zh-CN or en, so anyone can check why a room got
 * 82.5 (复核、申诉). Every rule code the engine writes has a renderer; the table is checked
 * against `STEP_RULES` by the compiler.
 */
import type { Step } from '../format/types'
import type { Lang } from '../result'
import { fromH, toH } from './hundredths'

export const STEP_RULES = [
  'option', 'options', 'deduct', 'deductEach', 'threshold', 'belowTarget', 'score',
  'itemCap', 'floor', 'na', 'hidden', 'unanswered', 'default', 'zero', 'veto', 'bonus',
  'sectionMax', 'sectionCap', 'bonusCap',
  'sum', 'weighted', 'weightDropped', 'normalize', 'addBonus', 'maxCap', 'zeroTotal',
] as const
export type StepRule = (typeof STEP_RULES)[number]

type Render = (s: Step) => Record<Lang, string>

/** A figure as text; negative numbers get a real minus sign. */
function n(s: Step, key: string): string {
  const v = s[key]
  if (typeof v === 'number') return v < 0 ? `−${-v}` : String(v)
  if (Array.isArray(v)) return v.join(', ')
  return v === null || v === undefined ? '' : String(v)
}

function list(s: Step, key: string): string[] {
  const v = s[key]
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : []
}

const zhQuote = (xs: string[]): string => xs.map((x) => `「${x}」`).join('')
const enQuote = (xs: string[]): string => xs.map((x) => `“${x}”`).join(', ')
const num = (s: Step, key: string): number => (typeof s[key] === 'number' ? (s[key] as number) : 0)
const minus = (a: number, b: number): number => fromH(toH(a) - toH(b))
const fmt = (x: number): string => (x < 0 ? `−${-x}` : String(x))
/** "1 point", "0.5 points", "2 points": English counts one in the singular only. */
const pts = (s: Step, key: string): string => `${n(s, key)} ${s[key] === 1 ? 'point' : 'points'}`

const RENDER = {
  option: (s) => ({ 'zh-CN': `选「${n(s, 'label')}」得${n(s, 'points')}分`, en: `“${n(s, 'label')}”: ${pts(s, 'points')}` }),
  options: (s) => {
    const labels = list(s, 'labels')
    return labels.length === 0
      ? { 'zh-CN': '未选任何项，得0分', en: 'nothing chosen: 0 points' }
      : { 'zh-CN': `选${zhQuote(labels)}共得${n(s, 'points')}分`, en: `${enQuote(labels)}: ${pts(s, 'points')}` }
  },
  deduct: (s) => {
    const labels = list(s, 'labels')
    const left = fmt(minus(num(s, 'max'), num(s, 'deducted')))
    if (num(s, 'deducted') === 0) {
      return labels.length === 0
        ? { 'zh-CN': '未选任何扣分项，不扣分', en: 'nothing deducted' }
        : { 'zh-CN': `${zhQuote(labels)}不扣分`, en: `${enQuote(labels)}: nothing deducted` }
    }
    return {
      'zh-CN': `${zhQuote(labels)}扣${n(s, 'deducted')}分（${n(s, 'max')} − ${n(s, 'deducted')} = ${left}）`,
      en: `${enQuote(labels)}: −${n(s, 'deducted')} (${n(s, 'max')} − ${n(s, 'deducted')} = ${left})`,
    }
  },
  deductEach: (s) => ({
    'zh-CN': `${s.unitLabel ? `${n(s, 'count')}${n(s, 'unitLabel')}` : `缺${n(s, 'count')}次`} × ${n(s, 'each')} = 扣${n(s, 'deducted')}分`,
    en: `${n(s, 'count')} × ${n(s, 'each')} = −${n(s, 'deducted')}`,
  }),
  threshold: (s) =>
    s.min === null
      ? { 'zh-CN': `${n(s, 'value')}未达到任何档次，得0分`, en: `${n(s, 'value')} reaches no threshold: 0 points` }
      : { 'zh-CN': `${n(s, 'value')} ≥ ${n(s, 'min')}，得${n(s, 'points')}分`, en: `${n(s, 'value')} ≥ ${n(s, 'min')}: ${pts(s, 'points')}` },
  belowTarget: (s) => {
    if (num(s, 'value') >= num(s, 'target')) {
      return { 'zh-CN': `${n(s, 'value')}达到目标${n(s, 'target')}，不扣分`, en: `${n(s, 'value')} meets the target ${n(s, 'target')}: nothing deducted` }
    }
    return {
      'zh-CN': `${n(s, 'value')}低于目标${n(s, 'target')}：每低${n(s, 'unit')}扣${n(s, 'each')}分，${n(s, 'units')} × ${n(s, 'each')} = 扣${n(s, 'deducted')}分`,
      en: `${n(s, 'value')} is below the target ${n(s, 'target')}: ${n(s, 'units')} full ${n(s, 'unit')} × ${n(s, 'each')} = −${n(s, 'deducted')}`,
    }
  },
  score: (s) => ({ 'zh-CN': `评分${n(s, 'value')}分`, en: `scored ${n(s, 'value')}` }),
  itemCap: (s) => ({ 'zh-CN': `不超过本项满分：${n(s, 'from')} → ${n(s, 'to')}`, en: `capped at the item max: ${n(s, 'from')} → ${n(s, 'to')}` }),
  floor: (s) => ({ 'zh-CN': `扣完为止：${n(s, 'from')} → ${n(s, 'to')}`, en: `not below 0: ${n(s, 'from')} → ${n(s, 'to')}` }),
  na: () => ({ 'zh-CN': '不适用：不计入得分和满分', en: 'not applicable: left out of score and max' }),
  hidden: () => ({ 'zh-CN': '未显示：不计入得分和满分', en: 'not shown: left out of score and max' }),
  unanswered: () => ({ 'zh-CN': '未作答：计0分，满分照计', en: 'unanswered: 0 points, the max still counts' }),
  // A choice's default is an option id: say its labels (template-index adds them), never the id.
  default: (s) => {
    const labels = list(s, 'labels')
    return labels.length > 0
      ? { 'zh-CN': `按默认答案${zhQuote(labels)}计`, en: `default answer ${enQuote(labels)} used` }
      : { 'zh-CN': `按默认答案「${n(s, 'value')}」计`, en: `default answer “${n(s, 'value')}” used` }
  },
  zero: (s) => {
    const by = s.itemId ? `（${n(s, 'itemId')}）` : ''
    const byEn = s.itemId ? ` (${n(s, 'itemId')})` : ''
    switch (s.scope) {
      case 'item':
        return { 'zh-CN': '红线：本项不得分', en: 'red line: this item scores 0' }
      case 'section':
        return { 'zh-CN': `红线${by}：本部分记0分`, en: `red line${byEn}: the section scores 0` }
      default:
        return { 'zh-CN': `红线${by}：总分记0分`, en: `red line${byEn}: the total is 0` }
    }
  },
  veto: (s) =>
    s.ceiling === null || s.ceiling === undefined
      ? { 'zh-CN': '一票否决', en: 'veto' }
      : s.capped === true
        ? { 'zh-CN': `等次上限：最高为「${n(s, 'ceiling')}」`, en: `grade capped: at most “${n(s, 'ceiling')}”` }
        : { 'zh-CN': `一票否决：等级最高为「${n(s, 'ceiling')}」`, en: `veto: the grade is at most “${n(s, 'ceiling')}”` },
  bonus: () => ({ 'zh-CN': '加分项：不计入满分', en: 'bonus: adds nothing to the max' }),
  sectionMax: (s) => ({ 'zh-CN': `本部分满分封顶：${n(s, 'from')} → ${n(s, 'to')}`, en: `section max capped: ${n(s, 'from')} → ${n(s, 'to')}` }),
  sectionCap: (s) => ({ 'zh-CN': `不超过本部分满分：${n(s, 'from')} → ${n(s, 'to')}`, en: `capped at the section max: ${n(s, 'from')} → ${n(s, 'to')}` }),
  bonusCap: (s) => ({ 'zh-CN': `加分封顶${n(s, 'cap')}分：${n(s, 'from')} → ${n(s, 'to')}`, en: `bonus capped at ${n(s, 'cap')}: ${n(s, 'from')} → ${n(s, 'to')}` }),
  sum: (s) => ({ 'zh-CN': `各部分合计：${n(s, 'score')} / ${n(s, 'max')}`, en: `sections add up to ${n(s, 'score')} of ${n(s, 'max')}` }),
  weighted: (s) => ({
    'zh-CN': `「${n(s, 'sectionId')}」${n(s, 'score')} / ${n(s, 'max')} × 权重${n(s, 'weight')} = ${n(s, 'value')}`,
    en: `“${n(s, 'sectionId')}” ${n(s, 'score')} / ${n(s, 'max')} × weight ${n(s, 'weight')} = ${n(s, 'value')}`,
  }),
  weightDropped: (s) => ({
    'zh-CN': `「${n(s, 'sectionId')}」无适用项，权重${n(s, 'weight')}不计入满分`,
    en: `“${n(s, 'sectionId')}” has nothing applicable: its weight ${n(s, 'weight')} leaves the max`,
  }),
  normalize: (s) =>
    num(s, 'applicableMax') === 0
      ? { 'zh-CN': '折算：适用满分为0，记0分', en: 'normalized: the applicable max is 0, so 0' }
      : {
          'zh-CN': `折算：${n(s, 'raw')} / ${n(s, 'applicableMax')} × ${n(s, 'scale')} = ${n(s, 'value')}`,
          en: `normalized: ${n(s, 'raw')} / ${n(s, 'applicableMax')} × ${n(s, 'scale')} = ${n(s, 'value')}`,
        },
  addBonus: (s) => ({ 'zh-CN': `加分：${n(s, 'base')} + ${n(s, 'bonus')} = ${n(s, 'value')}`, en: `bonus: ${n(s, 'base')} + ${n(s, 'bonus')} = ${n(s, 'value')}` }),
  maxCap: (s) => ({ 'zh-CN': `不超过满分：${n(s, 'from')} → ${n(s, 'to')}`, en: `capped at the max: ${n(s, 'from')} → ${n(s, 'to')}` }),
  zeroTotal: (s) => ({ 'zh-CN': `红线（${n(s, 'itemId')}）：总分记0分`, en: `red line (${n(s, 'itemId')}): the total is 0` }),
} satisfies Record<StepRule, Render>

const isStepRule = (rule: string): rule is StepRule => Object.prototype.hasOwnProperty.call(RENDER, rule)

/**
 * Renders a step in words, e.g. `{ rule: 'deductEach', count: 2, each: 0.5, deducted: 1 }` →
 * "缺2次 × 0.5 = 扣1分" / "2 × 0.5 = −1". A step from a newer engine falls back to its figures.
 */
export function describeStep(step: Step, lang: Lang): string {
  if (isStepRule(step.rule)) return RENDER[step.rule](step)[lang]
  const figures = Object.keys(step)
    .filter((k) => k !== 'rule')
    .map((k) => `${k}=${n(step, k)}`)
  return `${step.rule}${figures.length ? `: ${figures.join(', ')}` : ''}`
}
