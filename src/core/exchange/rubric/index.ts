/** Rubric tables (CSV/XLSX rows) → template drafts: columns, rule wording, rows. */
export { rubricTableToTemplate, type RubricImport, type RowPreview, type RowProblem } from './table'
export { parseRuleText, RULE_TOKENS, type ParsedRule, type RuleToken } from './rule'
export { RUBRIC_COLUMNS, HEADER_WORDS, columnOf, headerMap, type RubricColumn } from './columns'
export { RUBRIC_EXAMPLE_ROWS } from './example'
