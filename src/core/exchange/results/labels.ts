import type { Lang } from '../../result'
import type { VerdictKind } from '../../scoring/verdict'
import type { Role } from '../../format/types'

/** Column headings of result exports, in every language (zh-CN first: the ledger's language). */
export const HEADINGS = {
  index: { 'zh-CN': '序号', en: 'No.' },
  id: { 'zh-CN': '记录编号', en: 'Response id' },
  template: { 'zh-CN': '模板', en: 'Template' },
  version: { 'zh-CN': '版本', en: 'Version' },
  role: { 'zh-CN': '类型', en: 'Role' },
  inspector: { 'zh-CN': '检查人', en: 'Inspector' },
  submittedAt: { 'zh-CN': '提交时间', en: 'Submitted at' },
  total: { 'zh-CN': '得分', en: 'Total' },
  max: { 'zh-CN': '满分', en: 'Max' },
  percent: { 'zh-CN': '得分率(%)', en: 'Percent' },
  band: { 'zh-CN': '等次', en: 'Band' },
  vetoed: { 'zh-CN': '一票否决/等次上限', en: 'Veto / grade cap' },
  redLines: { 'zh-CN': '红线', en: 'Red lines' },
  findings: { 'zh-CN': '隐患数', en: 'Findings' },
  findingTitles: { 'zh-CN': '隐患', en: 'Finding items' },
  section: { 'zh-CN': '分项', en: 'Section' },
  itemId: { 'zh-CN': '条目编号', en: 'Item id' },
  item: { 'zh-CN': '项目', en: 'Item' },
  answer: { 'zh-CN': '回答', en: 'Answer' },
  na: { 'zh-CN': '不适用', en: 'N/A' },
  score: { 'zh-CN': '分值', en: 'Score' },
  itemMax: { 'zh-CN': '满分', en: 'Max' },
  flagged: { 'zh-CN': '隐患', en: 'Finding' },
  note: { 'zh-CN': '备注', en: 'Note' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  // The per-building report's aggregates and row kinds.
  floor: { 'zh-CN': '楼层', en: 'Floor' },
  level: { 'zh-CN': '行类型', en: 'Row' },
  count: { 'zh-CN': '检查数', en: 'Checks' },
  mean: { 'zh-CN': '平均分', en: 'Mean' },
  min: { 'zh-CN': '最低分', en: 'Lowest' },
  meanPercent: { 'zh-CN': '平均得分率(%)', en: 'Mean percent' },
  flaggedCount: { 'zh-CN': '有隐患', en: 'With findings' },
  openTasks: { 'zh-CN': '未完成整改', en: 'Open rectifications' },
} as const satisfies Record<string, Record<Lang, string>>

export const ROLE_LABELS = {
  inspection: { 'zh-CN': '检查', en: 'Inspection' },
  self: { 'zh-CN': '自查', en: 'Self-assessment' },
  review: { 'zh-CN': '考核', en: 'Review' },
} as const satisfies Record<Role, Record<Lang, string>>

export const YES_NO = { yes: { 'zh-CN': '是', en: 'yes' }, no: { 'zh-CN': '否', en: 'no' } } as const

export function yesNo(value: boolean, lang: Lang): string {
  return YES_NO[value ? 'yes' : 'no'][lang]
}

/** Row kinds of the per-building report: one result, a floor's subtotal, a building's total, all. */
export const LEVEL_LABELS = {
  detail: { 'zh-CN': '明细', en: 'Result' },
  floor: { 'zh-CN': '楼层小计', en: 'Floor subtotal' },
  building: { 'zh-CN': '楼栋合计', en: 'Building total' },
  all: { 'zh-CN': '总计', en: 'Grand total' },
} as const satisfies Record<string, Record<Lang, string>>

/** Headings of the per-item columns: the item's answer and its points. */
export function itemColumnHeadings(title: string, lang: Lang): [answer: string, points: string] {
  return lang === 'zh-CN' ? [`${title}（回答）`, `${title}（得分）`] : [`${title} (answer)`, `${title} (points)`]
}

/** What capped the grade, named for what it is (`verdictOf`): 一票否决, 等次上限, or 否. */
export const VERDICT_LABELS = {
  veto: { 'zh-CN': '一票否决', en: 'veto' },
  ceiling: { 'zh-CN': '等次上限', en: 'grade capped' },
} as const satisfies Record<VerdictKind, Record<Lang, string>>

export function verdictCell(summary: { vetoed: boolean; verdict?: VerdictKind }, lang: Lang): string {
  const kind = summary.verdict ?? (summary.vetoed ? 'veto' : undefined)
  return kind ? VERDICT_LABELS[kind][lang] : YES_NO.no[lang]
}
