/**
 * The columns of a rubric table and the header words that name them (the wording of real
 * rubrics: 一级指标 / 二级指标 / 考核内容 / 分值 / 评分标准 / 佐证材料, or English).
 */
export const RUBRIC_COLUMNS = ['section', 'subsection', 'item', 'type', 'max', 'rule', 'evidence'] as const
export type RubricColumn = (typeof RUBRIC_COLUMNS)[number]

export const HEADER_WORDS = {
  section: ['一级指标', '评价项目', '考核项目', '检查项目', '项目', '板块', '类别', '部分', 'section'],
  subsection: ['二级指标', '子项目', '分项', 'subsection', 'sub-section'],
  item: ['三级指标', '考核内容', '检查内容', '评价内容', '指标内容', '考核要点', '内容', '检查项', 'item', 'title'],
  type: ['题型', '类型', 'type'],
  max: ['分值', '满分', '标准分', '分数', 'max', 'points'],
  rule: ['评分标准', '扣分标准', '评分细则', '计分方法', '考核标准', '评分办法', 'rule', 'criteria'],
  evidence: ['佐证材料', '佐证', '证据', '附件', 'evidence'],
} as const satisfies Record<RubricColumn, readonly string[]>

const clean = (s: string): string => s.normalize('NFKC').replace(/[\s*＊]/g, '').toLowerCase()

/** The column a header cell names, or null. Exact words first, then a word contained in it. */
export function columnOf(header: string): RubricColumn | null {
  const h = clean(header)
  if (h === '') return null
  for (const col of RUBRIC_COLUMNS) if (HEADER_WORDS[col].some((w) => clean(w) === h)) return col
  for (const col of RUBRIC_COLUMNS) if (HEADER_WORDS[col].some((w) => h.includes(clean(w)))) return col
  return null
}

/** Column index per column name, or null when the row is not a header (no item column). */
export function headerMap(row: readonly string[]): Partial<Record<RubricColumn, number>> | null {
  const map: Partial<Record<RubricColumn, number>> = {}
  row.forEach((cell, i) => {
    const col = columnOf(cell)
    if (col && map[col] === undefined) map[col] = i
  })
  return map.item !== undefined && Object.keys(map).length >= 2 ? map : null
}
