/**
 * Every error leaves the server as `{ error: Issue }` with a message in every language: our own
 * ApiHttpError as it is, Fastify's (validation, oversized or malformed bodies) translated, and
 * anything else as a 500 that says nothing about the inside (the log keeps the details).
 */
import type { FastifyError, FastifyInstance } from 'fastify'
import type { Issue, LocalizedText } from '@/core/result'
import type { ApiError } from '@/core/sync/protocol'
import { ApiHttpError } from './errors'

function issue(code: string, message: LocalizedText, pointer = '', params?: Issue['params']): Issue {
  return { code, pointer, severity: 'error', message, ...(params && { params }) }
}

const PART_ZH: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' }

/** Fastify's known client errors (its FST_ codes), in words. */
function fastifyIssue(error: FastifyError): Issue | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return issue('bodyTooLarge', { 'zh-CN': '请求内容过大，已拒绝。', en: 'The request body is too large.' })
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return issue('invalidJson', { 'zh-CN': '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' })
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return issue('emptyBody', { 'zh-CN': '请求内容为空。', en: 'The request body is empty.' })
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return issue('unsupportedMediaType', { 'zh-CN': '不支持此内容类型。', en: 'This content type is not supported.' })
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return issue('badContentLength', { 'zh-CN': '请求内容长度与 Content-Length 不符。', en: 'The body does not match its Content-Length.' })
    default:
      return undefined
  }
}

function validationIssue(error: FastifyError): Issue {
  const first = error.validation?.[0]
  const part = error.validationContext ?? 'body'
  const path = first?.instancePath ?? ''
  // A missing property is reported on its parent: point at the property itself.
  const missing = first?.keyword === 'required' ? String((first.params as { missingProperty?: string }).missingProperty ?? '') : ''
  const unknown = first?.keyword === 'additionalProperties' ? String((first.params as { additionalProperty?: string }).additionalProperty ?? '') : ''
  const pointer = path + (missing || unknown ? `/${missing || unknown}` : '')
  const detail = first?.message ?? 'is invalid'
  const where = `${part}${pointer}`
  return issue(
    'invalidRequest',
    {
      'zh-CN': `${PART_ZH[part] ?? '请求'}不符合要求${pointer ? `（${pointer}）` : ''}${unknown ? '：含有不允许的字段' : missing ? '：缺少必填字段' : ''}。`,
      en: `Invalid request: ${where} ${unknown ? 'is not an allowed property' : detail}.`,
    },
    pointer,
    { part, keyword: first?.keyword ?? 'invalid' },
  )
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError>(async (error, request, reply) => {
    const send = (status: number, body: Issue) => reply.code(status).type('application/json').send({ error: body } satisfies ApiError)
    if (error instanceof ApiHttpError) {
      const retry = error.issue.params?.retryAfterSeconds
      if (typeof retry === 'number') reply.header('retry-after', String(retry))
      if (error.issues) return reply.code(error.status).type('application/json').send({ error: error.issue, issues: [...error.issues] } satisfies ApiError)
      return send(error.status, error.issue)
    }
    if (error.validation) return send(400, validationIssue(error))
    const status = error.statusCode ?? 500
    const known = fastifyIssue(error)
    if (known) return send(status, known)
    if (status >= 400 && status < 500) {
      return send(status, issue('badRequest', { 'zh-CN': '请求无效。', en: `Bad request (${status}).` }))
    }
    request.log.error({ err: error }, 'unhandled error')
    return send(500, issue('internal', { 'zh-CN': '服务器内部错误，请稍后重试。', en: 'Internal server error. Please try again later.' }))
  })
}
