/** Rubric tables (CSV/XLSX rows) → template drafts: columns, rule wording, rows. */
export { rubricTableToTemplate, type RubricImport, type RowPreview, type RowProblem } from './table'
export { parseRuleText, RULE_TOKENS, DECIDING_TOKENS, type ParsedRule, type RuleClause, type RuleToken } from './rule'
export { parseAmount } from './numerals'
export { titleOf, type TitleSources } from './title'
export { RUBRIC_COLUMNS, HEADER_WORDS, columnOf, headerMap, type RubricColumn } from './columns'
export { RUBRIC_EXAMPLE_ROWS } from './example'
