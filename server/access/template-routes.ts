/**
 * Where a template is published (issue #14): the scopes whose people receive it. No scope means
 * everywhere, as before scopes. Setting them gives the template and its versions new cursors
 * (under the template's record lock, server/sync/locks.ts), so devices that may now see it receive
 * it although their cursor had passed it. Account administrators only, audited as `publishScopes`.
 */
import type { FastifyInstance } from 'fastify'
import { API } from '@/core/sync/protocol'
import type { Db } from '../db/types'
import { audit } from '../auth/audit'
import { requireAdmin } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { recordId } from '../http/schemas'
import { lockKey, lockRecords } from '../sync/locks'
import { NEXT_CURSOR } from '../sync/sql'

export interface TemplateScopes {
  templateId: string
  scopeIds: string[]
}

const templateParams = { type: 'object', required: ['templateId'], additionalProperties: false, properties: { templateId: { type: 'string', minLength: 1, maxLength: 200 } } } as const
const scopesBody = {
  type: 'object',
  required: ['scopeIds'],
  additionalProperties: false,
  properties: { scopeIds: { type: 'array', maxItems: 500, uniqueItems: true, items: recordId(200) } },
} as const

export async function templateScopeRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }): Promise<void> {
  const path = `${API.templateScopes}/:templateId`

  app.get<{ Params: { templateId: string } }>(path, { schema: { params: templateParams } }, async (request): Promise<TemplateScopes> => {
    requireAdmin(request)
    const { templateId } = request.params
    const rows = await db.query<{ scope_id: string }>('select scope_id from template_scopes where template_id = $1 order by scope_id', [templateId])
    return { templateId, scopeIds: rows.map((r) => r.scope_id) }
  })

  app.put<{ Params: { templateId: string }; Body: { scopeIds: string[] } }>(path, { schema: { params: templateParams, body: scopesBody } }, async (request): Promise<TemplateScopes> => {
    const admin = requireAdmin(request)
    const { templateId } = request.params
    const scopeIds = [...request.body.scopeIds].sort()
    return db.transaction(async (tx) => {
      // A shipped sample has versions only (server/sync/samples.ts): either kind of row will do.
      if ((await tx.query('select 1 from templates where id = $1 union all select 1 from template_versions where template_id = $1', [templateId])).length === 0) {
        throw new ApiHttpError(404, 'templateNotFound', { 'zh-CN': '服务器上没有这个模板。', en: 'The server holds no such template.' }, { pointer: '' })
      }
      const known = new Set((await tx.query<{ id: string }>('select id from scopes where id = any($1::text[])', [scopeIds])).map((r) => r.id))
      const unknown = scopeIds.findIndex((id) => !known.has(id))
      if (unknown >= 0) {
        throw new ApiHttpError(404, 'scopeNotFound', { 'zh-CN': `没有范围“${scopeIds[unknown]}”。`, en: `No scope "${scopeIds[unknown]}".` }, { pointer: `/scopeIds/${unknown}` })
      }
      await lockRecords(tx, [lockKey.template(templateId)])
      await tx.query('delete from template_scopes where template_id = $1', [templateId])
      if (scopeIds.length > 0) {
        await tx.query('insert into template_scopes (template_id, scope_id) select $1, unnest($2::text[])', [templateId, scopeIds])
      }
      await tx.query(`update templates set cursor = ${NEXT_CURSOR} where id = $1`, [templateId])
      await tx.query(`update template_versions set cursor = ${NEXT_CURSOR} where template_id = $1`, [templateId])
      await audit(tx, 'publishScopes', { userId: admin.userId, deviceId: admin.deviceId, at: now(), detail: { templateId, scopeIds } })
      return { templateId, scopeIds }
    })
  })
}
