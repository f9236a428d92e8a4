import type { Lang } from '../../result'
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
  vetoed: { 'zh-CN': '一票否决', en: 'Vetoed' },
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
