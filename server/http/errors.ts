/**
 * Errors the API answers with: an HTTP status and the core's Issue (a code, a message in every
 * language, and where the problem is), sent as `{ error: Issue }`.
 */
import type { Issue, LocalizedText } from '@/core/result'

/** One error of a refused request body, at `at` (a JSON pointer into it), in Chinese and English. */
export function bodyIssue(code: string, at: string, zh: string, en: string, params?: Issue['params']): Issue {
  return { code, pointer: at, severity: 'error', message: { 'zh-CN': zh, en }, ...(params && { params }) }
}

export class ApiHttpError extends Error {
  override readonly name = 'ApiHttpError'
  readonly issue: Issue
  /** Every issue, when the refusal has several (sent as `issues`); the first is `issue`. */
  readonly issues?: readonly Issue[]
  constructor(
    readonly status: number,
    code: string,
    message: LocalizedText,
    where: { pointer?: string; itemId?: string; params?: Issue['params'] } = {},
  ) {
    super(message.en)
    this.issue = { code, pointer: where.pointer ?? '', severity: 'error', message, ...(where.itemId !== undefined && { itemId: where.itemId }), ...(where.params && { params: where.params }) }
  }

  /** A refusal carrying core's issues as they are (at least one). */
  static of(status: number, issues: readonly [Issue, ...Issue[]]): ApiHttpError {
    const [first] = issues
    const error = new ApiHttpError(status, first.code, first.message, { pointer: first.pointer, ...(first.itemId !== undefined && { itemId: first.itemId }), ...(first.params && { params: first.params }) })
    return Object.assign(error, { issues })
  }
}
