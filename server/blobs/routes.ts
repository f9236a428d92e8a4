/**
 * Attachment bytes: `PUT /api/blobs/<sha256>` (raw bytes, application/octet-stream), `HEAD` to ask
 * whether the server has them, `GET` to read them.
 *
 * An upload is accepted only when attachment metadata already pushed refers to its hash: devices
 * push answers and attachment metadata first and upload photos after (answers never wait for
 * photos), and the server never becomes a file host for bytes no record needs. The bytes must hash
 * to the address: a cut or damaged upload is refused whole (400 hashMismatch) and nothing is stored.
 *
 * Scopes: bytes are read through an attachment of a response the account may read (else 404, as
 * if absent: an address outside one's scopes says nothing), and uploaded through one it may write
 * (else 403 outOfScope).
 */
import type { FastifyInstance } from 'fastify'
import { API, SYNC_LIMITS } from '@/core/sync'
import type { ResponseHeader } from '@/core/sync'
import { allows, writeAction, type ReadFilter } from '../access/check'
import { loadAccess, type Access } from '../access/load'
import type { Queryable } from '../db/types'
import { requireAccount } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { syncMessage, type SyncIssueCode } from '../sync/issues'
import { visibleScopes } from '../sync/scope'
import { SHA256_HEX, type BlobStore } from './store'
import { bytesMatch } from './verify'

const OCTETS = 'application/octet-stream'

const fail = (status: number, code: SyncIssueCode, pointer = ''): ApiHttpError => new ApiHttpError(status, code, syncMessage(code), { pointer })

function address(params: unknown): string {
  const sha256 = (params as { sha256?: unknown }).sha256
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) throw fail(400, 'badHash', '/sha256')
  return sha256
}

/** Whether an attachment with these bytes is on a response in `filter`'s reach. */
async function reachable(q: Queryable, sha256: string, filter: ReadFilter): Promise<boolean> {
  if (filter.all) return true
  const rows = await q.query(
    'select 1 from attachments a join responses r on r.id = a.response_id where a.sha256 = $1 and r.scope_id = any($2::text[]) limit 1',
    [sha256, filter.scopes],
  )
  return rows.length > 0
}

/** Writing bytes is writing the response: filling it, or reviewing for a review. */
async function writable(q: Queryable, sha256: string, access: Access): Promise<boolean> {
  if (access.kind === 'open' || access.admin) return true
  const rows = await q.query<{ role: ResponseHeader['role']; scope_id: string | null }>(
    "select r.header->>'role' as role, r.scope_id from attachments a join responses r on r.id = a.response_id where a.sha256 = $1",
    [sha256],
  )
  return rows.some((r) => allows(access, writeAction(r.role), r.scope_id))
}

export async function blobRoutes(app: FastifyInstance, ctx: { db: Queryable; blobs: BlobStore }): Promise<void> {
  if (!app.hasContentTypeParser(OCTETS)) {
    app.addContentTypeParser(OCTETS, { parseAs: 'buffer', bodyLimit: SYNC_LIMITS.maxBlobBytes }, (_request, body, done) => done(null, body))
  }
  const route = `${API.blobs}/:sha256`

  app.put(route, { bodyLimit: SYNC_LIMITS.maxBlobBytes }, async (request, reply) => {
    const account = requireAccount(request)
    const sha256 = address(request.params)
    const referenced = await ctx.db.query('select 1 from attachments where sha256 = $1 limit 1', [sha256])
    if (referenced.length === 0) throw fail(409, 'blobNotReferenced', '/sha256')
    if (!(await writable(ctx.db, sha256, await loadAccess(ctx.db, account)))) {
      throw new ApiHttpError(403, 'outOfScope', syncMessage('outOfScope', { id: sha256, action: 'response.fill' }), { pointer: '/sha256' })
    }
    const body = request.body
    if (!(body instanceof Uint8Array)) throw fail(415, 'badBlobType')
    if (!bytesMatch(sha256, body)) throw fail(400, 'hashMismatch')
    const status = await ctx.blobs.put(sha256, body)
    return reply.code(status === 'stored' ? 201 : 200).send({ sha256, status })
  })

  app.head(route, async (request, reply) => {
    const account = requireAccount(request)
    const sha256 = address(request.params)
    const seen = (await reachable(ctx.db, sha256, (await visibleScopes(ctx.db, account)).records)) && (await ctx.blobs.has(sha256))
    return reply.code(seen ? 200 : 404).send()
  })

  app.get(route, { exposeHeadRoute: false }, async (request, reply) => {
    const account = requireAccount(request)
    const sha256 = address(request.params)
    if (!(await reachable(ctx.db, sha256, (await visibleScopes(ctx.db, account)).records))) throw fail(404, 'blobNotFound')
    const bytes = await ctx.blobs.get(sha256)
    if (!bytes) throw fail(404, 'blobNotFound')
    // Content-addressed: the bytes at this address never change.
    return reply.type(OCTETS).header('cache-control', 'private, max-age=31536000, immutable').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  })
}
