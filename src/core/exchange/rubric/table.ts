/**
 * A rubric table (rows of cells from CSV or XLSX) → a template draft and, per row, what was
 * understood and what the person must still check. Pure: the file reading lives in the browser
 * layer; nothing is stored until the person confirms the preview.
 *
 * Sections and sub-sections (一级/二级指标) come from their columns; an empty cell means "same as
 * the row above", which is also how merged cells arrive from a spreadsheet reader.
 */
import type { EvidenceRule, Item, ItemType, Section, Template } from '../../format/types'
import { ITEM_TYPES } from '../../format/types'
import type { LocalizedText } from '../../result'
import { validateTemplate } from '../../validate'
import { nextId, slugFor } from '../../builder/ids'
import { presetOptions } from '../../builder/presets'
import { headerMap, type RubricColumn } from './columns'
import { clausesAsOptions, itemFromClauses } from './clause-options'
import { importIssueMessage } from './issue-messages'
import { parseRuleText, type ParsedRule, type RuleToken } from './rule'
import { titleOf, type TitleSources } from './title'

export interface RowProblem {
  /** 1-based row number in the table, as a spreadsheet shows it. */
  row: number
  severity: 'error' | 'warning'
  message: LocalizedText
}

export interface RowPreview {
  row: number
  section: string
  subsection: string
  itemId: string
  title: string
  type: ItemType
  max: number | undefined
  recognized: RuleToken[]
  /**
   * 需人工确认: the rule has clauses one item cannot hold (e.g. a per-occurrence deduction beside
   * a one-off one); the item follows the first and a person must finish it in the builder.
   */
  needsReview: boolean
}

export interface RubricImport {
  template: Template
  rows: RowPreview[]
  problems: RowProblem[]
}

const TYPE_WORDS: Record<string, ItemType> = {
  单选: 'single', 是否: 'single', 判断: 'single', 多选: 'multi', 计数: 'count', 次数: 'count', 扣分: 'count',
  评分: 'score', 打分: 'score', 分数: 'score', 数值: 'number', 数字: 'number', 文本: 'text', 文字: 'text',
  日期: 'date', 照片: 'photo', 拍照: 'photo', 文件: 'file', 附件: 'file', 签名: 'signature', 说明: 'info',
}

function typeOf(word: string): ItemType | null | undefined {
  const w = word.trim().toLowerCase()
  if (w === '') return undefined
  if ((ITEM_TYPES as readonly string[]).includes(w)) return w as ItemType
  return TYPE_WORDS[w] ?? null
}

function evidenceOf(word: string): EvidenceRule | undefined {
  const w = word.trim().toLowerCase()
  if (w === '' || /^(否|无|不需要?|no|none|never)$/.test(w)) return undefined
  const rule: EvidenceRule = { required: /问题|不符合|发现|扣分|flag/.test(w) ? 'onFlag' : 'always' }
  if (/照片|拍照|图片|photo|image/.test(w)) rule.accept = ['image/*']
  return rule
}

const problem = (row: number, severity: RowProblem['severity'], zh: string, en: string): RowProblem => ({
  row,
  severity,
  message: { 'zh-CN': zh, en },
})

/** Builds the item for one row from its type (given or guessed from the rule) and parsed rule. */
function buildItem(id: string, title: string, given: ItemType | undefined, max: number | undefined, p: ParsedRule): Item {
  const type: ItemType =
    given ??
    (p.deductEach !== undefined || p.bonusPoints !== undefined ? 'count' : p.judged ? 'score' : 'single')
  const m = max ?? p.deductOnce ?? p.bonusPoints ?? 0
  switch (type) {
    case 'count': {
      const item: Item = { id, type, title, flag: true }
      if (max !== undefined) item.max = max
      if (p.deductEach !== undefined) item.deductEach = p.deductEach
      else if (p.deductOnce !== undefined) item.deductEach = p.deductOnce
      if (p.unitLabel) item.unitLabel = p.unitLabel
      if (p.veto) item.veto = true
      if (p.zeroTotal) item.zero = 'total'
      if (p.bonusPoints !== undefined && p.deductEach === undefined) {
        // 每…加1分: an additive count is written as a bonus score the person enters.
        return { id, type: 'score', title, min: 0, max: m || p.bonusPoints, step: p.bonusPoints, bonus: true }
      }
      return item
    }
    case 'single': {
      // 不得分 (or no figure at all) takes the whole max; 扣2分 takes 2, never more than the max.
      const noDeduct = p.zeroItem || p.deductOnce === undefined ? m : Math.min(p.deductOnce, m)
      const options = presetOptions('passFail', 0).map((o) => ({ id: o.id, label: o.label }))
      const [pass, failOpt] = options
      if (!pass || !failOpt) throw new Error('preset passFail lost its options')
      Object.assign(pass, { deduct: 0 })
      Object.assign(failOpt, { deduct: noDeduct, flag: true }, p.veto ? { veto: true } : {}, p.zeroTotal ? { zero: 'total' } : {})
      const item: Item = { id, type, title, options }
      item.max = m
      return item
    }
    case 'score':
      return { id, type, title, min: 0, max: m, step: 0.5, ...(p.bonusPoints !== undefined ? { bonus: true } : {}) }
    case 'multi':
      return { id, type, title, options: [{ id: 'a', label: '选项A', points: m }] }
    case 'number':
      return { id, type, title, ...(m > 0 ? { thresholds: [{ min: 0, points: 0 }] } : {}) }
    case 'text':
    case 'date':
    case 'photo':
    case 'file':
    case 'signature':
      return { id, type, title }
    case 'info':
      return { id, type, title }
    default: {
      const never: never = type
      return never
    }
  }
}

/**
 * The rule as its first clause alone, plus what qualifies the whole (扣完为止, 酌情): a flagged
 * row's item follows the clause the warning names, not a mix of fields from several clauses.
 */
function firstClauseOnly(p: ParsedRule): ParsedRule {
  const [first] = p.clauses
  if (!first) return p
  const { text: _text, condition: _condition, recognized, ...fields } = first
  const judged = p.judged ? { judged: p.judged } : {}
  return { ...fields, ...judged, recognized, clauses: [first], leftover: '' }
}

const cell = (row: readonly string[], map: Partial<Record<RubricColumn, number>>, col: RubricColumn): string => {
  const i = map[col]
  return i === undefined ? '' : (row[i] ?? '').trim()
}

/**
 * Turns table rows (the header row first, possibly after title rows) into a template draft.
 * The title comes from a heading row above the header, else the sheet's name, else `from`
 * (a bare string is the file name).
 */
export function rubricTableToTemplate(table: readonly (readonly string[])[], from: string | TitleSources): RubricImport {
  const problems: RowProblem[] = []
  const headerAt = table.slice(0, 10).findIndex((r) => headerMap(r) !== null)
  const templateTitle = titleOf(table, headerAt, typeof from === 'string' ? { fileName: from } : from)
  const template: Template = { id: slugFor(templateTitle), version: 1, title: templateTitle, sections: [], scoring: { method: 'sum' } }
  if (headerAt < 0) {
    problems.push(problem(1, 'error', '找不到表头：需要“考核内容”（或 item）列，以及“一级指标”“分值”“评分标准”等列。', 'No header row: a column named 考核内容 (or item) is needed, with columns such as 一级指标, 分值, 评分标准.'))
    return { template, rows: [], problems }
  }
  const map = headerMap(table[headerAt] as readonly string[]) as Partial<Record<RubricColumn, number>>
  const taken = new Set<string>()
  const rows: RowPreview[] = []
  const sections = new Map<string, Section>()
  let section = ''
  let subsection = ''
  for (let r = headerAt + 1; r < table.length; r++) {
    const cells = table[r] as readonly string[]
    const rowNo = r + 1
    if (cells.every((c) => c.trim() === '')) continue
    const sectionCell = cell(cells, map, 'section')
    if (sectionCell !== '' && sectionCell !== section) {
      section = sectionCell
      subsection = ''
    }
    const subCell = cell(cells, map, 'subsection')
    if (subCell !== '') subsection = subCell
    const title = cell(cells, map, 'item') || subCell
    if (title === '') {
      problems.push(problem(rowNo, 'error', '这一行没有考核内容，已跳过。', 'This row has no item text; skipped.'))
      continue
    }
    const sectionTitle = section || '未分类'
    let top = sections.get(sectionTitle)
    if (!top) {
      top = { id: nextId('s', taken), title: sectionTitle, items: [] }
      sections.set(sectionTitle, top)
      template.sections.push(top)
    }
    let target = top
    if (subsection !== '' && map.subsection !== undefined) {
      const key = `${sectionTitle}\u0000${subsection}`
      let sub = sections.get(key)
      if (!sub) {
        sub = { id: nextId('s', taken), title: subsection, items: [] }
        sections.set(key, sub)
        top.sections = [...(top.sections ?? []), sub]
      }
      target = sub
    }
    const maxText = cell(cells, map, 'max').replace(/分$/, '')
    let max: number | undefined
    if (maxText !== '') {
      const n = Number(maxText)
      if (Number.isFinite(n) && n >= 0) max = Math.round(n * 100) / 100
      else problems.push(problem(rowNo, 'warning', `分值“${maxText}”不是数字，已忽略。`, `Max "${maxText}" is not a number; ignored.`))
    }
    const typeText = cell(cells, map, 'type')
    const given = typeOf(typeText)
    if (given === null) problems.push(problem(rowNo, 'warning', `不认识的题型“${typeText}”，已按评分标准推断。`, `Unknown type "${typeText}"; guessed from the rule.`))
    const ruleText = cell(cells, map, 'rule')
    const parsed = parseRuleText(ruleText)
    if (parsed.leftover !== '') {
      problems.push(problem(rowNo, 'warning', `评分标准未能自动识别，请在设计器中补全：${parsed.leftover}`, `Rule not understood; finish it in the builder: ${parsed.leftover}`))
    }
    const id = nextId('q', taken)
    const asOptions = clausesAsOptions(parsed, given ?? undefined)
    const needsReview = parsed.clauses.length > 1 && !asOptions
    if (needsReview) {
      const [first, ...others] = parsed.clauses.map((c) => c.text)
      problems.push(
        problem(
          rowNo,
          'warning',
          `需人工确认：评分标准有 ${parsed.clauses.length} 条规则，一道题只能自动套用第一条（${first ?? ''}），其余请在设计器中补上（可拆成几道题）：${others.join('；')}`,
          `Needs a manual check: the rule has ${parsed.clauses.length} clauses and one item only takes the first (${first ?? ''}); add the others in the builder (perhaps as separate items): ${others.join('; ')}`,
        ),
      )
    }
    const item = asOptions
      ? itemFromClauses(id, title, given === 'single' ? 'single' : 'multi', max, parsed)
      : buildItem(id, title, given ?? undefined, max, needsReview ? firstClauseOnly(parsed) : parsed)
    if (ruleText !== '' && item.type !== 'info') item.criteria = ruleText
    const evidence = evidenceOf(cell(cells, map, 'evidence'))
    if (evidence && item.type !== 'info') item.evidence = evidence
    if (max === undefined && item.type !== 'info' && ['single', 'count', 'score'].includes(item.type) && parsed.deductOnce === undefined && parsed.bonusPoints === undefined) {
      problems.push(problem(rowNo, 'warning', '没有分值：此项暂不计分。', 'No max: the item carries no points yet.'))
    }
    target.items.push(item)
    rows.push({ row: rowNo, section: sectionTitle, subsection, itemId: id, title, type: item.type, max, recognized: parsed.recognized, needsReview })
  }
  if (rows.length === 0) problems.push(problem(headerAt + 1, 'error', '表格中没有任何考核内容。', 'The table has no items.'))
  // Whatever the validator still finds is reported against the row of the item at fault.
  const check = validateTemplate(template)
  const issues = check.ok ? check.warnings : check.issues
  for (const issue of issues) {
    const row = rows.find((p) => p.itemId === issue.itemId)?.row ?? headerAt + 1
    problems.push({ row, severity: issue.severity, message: importIssueMessage(issue) })
  }
  problems.sort((a, b) => a.row - b.row)
  return { template, rows, problems }
}
