/** Validation of templates and responses: JSON Schema (Ajv) plus semantic checks, as Results. */
export { validateTemplate, type ValidateOptions } from './validate-template'
export { validateResponse } from './validate-response'
export { formatIssue } from './format-issue'
export { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_DEPTH } from './guard'
export { MAX_TEMPLATE_ITEMS } from './template/check-ids'
export { MAX_ISSUES } from './issues'
export { MESSAGES, WARNING_CODES, type IssueCode } from './messages'
