/**
 * The import preview speaks to someone who wrote a spreadsheet, not a template file: validator
 * messages that name format fields (scoring.bands, deductEach) are reworded here for the issues
 * an imported table can actually produce. Others keep the validator's own message.
 */
import type { Issue, LocalizedText } from '../../result'
import type { IssueCode } from '../../validate'

const IMPORT_MESSAGES = {
  'veto.noBands': {
    'zh-CN': '此项含一票否决，但模板还没有等级（如 优秀/合格/不合格）；导入后请在设计器的模板设置中添加等级，否则一票否决不起作用。',
    en: 'This item has a veto, but the template has no grades yet (such as Excellent / Pass / Fail); add them in the builder’s template settings after importing, or the veto has no effect.',
  },
  'item.maxRequired': {
    'zh-CN': '这是一道扣分题，但没有分值；请在表格的“分值”列或设计器中填写本题满分。',
    en: 'This item deducts points but has no max; fill in its max in the table’s 分值 column or in the builder.',
  },
} as const satisfies Partial<Record<IssueCode, LocalizedText>>

const has = (code: string): code is keyof typeof IMPORT_MESSAGES => Object.hasOwn(IMPORT_MESSAGES, code)

export function importIssueMessage(issue: Issue): LocalizedText {
  return has(issue.code) ? IMPORT_MESSAGES[issue.code] : issue.message
}
