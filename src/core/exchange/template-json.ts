/**
 * Template JSON files: reading one (parse, then the core validator, never throwing) and writing
 * one (pretty JSON with the schema address, so editors show hints).
 */
import type { Template } from '../format/types'
import { fail, type Issue, type Result } from '../result'
import { validateTemplate } from '../validate'

export const TEMPLATE_SCHEMA_URL = 'https://qingdan.app/schemas/checklist.schema.json'

/** Line and column (1-based) of a character offset, for a parse error a person can find. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

function parseIssue(text: string, error: unknown): Issue {
  const detail = error instanceof Error ? error.message : String(error)
  const at = /position (\d+)/.exec(detail)
  // A cut-off file has no position in V8's message ("Unexpected end of JSON input"): it is at the end.
  const offset = at ? Number(at[1]) : /end of (JSON )?input/i.test(detail) ? text.length : null
  const where = offset === null ? null : lineColumn(text, offset)
  const zhWhere = where ? `（第 ${where.line} 行第 ${where.column} 列）` : ''
  const enWhere = where ? ` (line ${where.line}, column ${where.column})` : ''
  return {
    code: 'json.parse',
    pointer: '',
    severity: 'error',
    message: { 'zh-CN': `不是有效的 JSON${zhWhere}：${detail}`, en: `Not valid JSON${enWhere}: ${detail}` },
    ...(where ? { params: { line: where.line, column: where.column } } : {}),
  }
}

/** Parses and validates a template file's text. Warnings come back with a valid template. */
export function readTemplateJson(text: string): Result<Template> {
  let json: unknown
  try {
    // A UTF-8 BOM (Windows Notepad) is not JSON but is no reason to refuse a file.
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return fail([parseIssue(text, error)])
  }
  return validateTemplate(json)
}

/** The file text of a template: its schema address first, two-space indentation, a final newline. */
export function writeTemplateJson(template: Template): string {
  const { $schema: _ignored, ...rest } = template
  return JSON.stringify({ $schema: TEMPLATE_SCHEMA_URL, ...rest }, null, 2) + '\n'
}

/** `dorm-room-safety-v3.json`: id and version, safe on every file system. */
export function templateFileName(template: Pick<Template, 'id' | 'version'>): string {
  return `${template.id.replace(/[^\w.-]+/g, '_')}-v${template.version}.json`
}
