/**
 * Attachment bytes: `PUT /api/blobs/<sha256>` (raw bytes, application/octet-stream), `HEAD` to ask
 * whether the server has them, `GET` to read them.
 *
 * An upload is accepted only when attachment metadata already pushed refers to its hash: devices
 * push answers and attachment metadata first and upload photos after (answers never wait for
 * photos), and the server never becomes a file host for bytes no record needs. The bytes must hash
 * to the address: a cut or damaged upload is refused whole (400 hashMismatch) and nothing is stored.
 */
import type { FastifyInstance } from 'fastify'
import { API, SYNC_LIMITS } from '@/core/sync'
import type { Queryable } from '../db/types'
import { requireAccount } from '../http/account'
import { ApiHttpError } from '../http/errors'
import { syncMessage, type SyncIssueCode } from '../sync/issues'
import { SHA256_HEX, type BlobStore } from './store'
import { bytesMatch } from './verify'

const OCTETS = 'application/octet-stream'

const fail = (status: number, code: SyncIssueCode, pointer = ''): ApiHttpError => new ApiHttpError(status, code, syncMessage(code), { pointer })

function address(params: unknown): string {
  const sha256 = (params as { sha256?: unknown }).sha256
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) throw fail(400, 'badHash', '/sha256')
  return sha256
}

export async function blobRoutes(app: FastifyInstance, ctx: { db: Queryable; blobs: BlobStore }): Promise<void> {
  if (!app.hasContentTypeParser(OCTETS)) {
    app.addContentTypeParser(OCTETS, { parseAs: 'buffer', bodyLimit: SYNC_LIMITS.maxBlobBytes }, (_request, body, done) => done(null, body))
  }
  const route = `${API.blobs}/:sha256`

  app.put(route, { bodyLimit: SYNC_LIMITS.maxBlobBytes }, async (request, reply) => {
    requireAccount(request)
    const sha256 = address(request.params)
    const referenced = await ctx.db.query('select 1 from attachments where sha256 = $1 limit 1', [sha256])
    if (referenced.length === 0) throw fail(409, 'blobNotReferenced', '/sha256')
    const body = request.body
    if (!(body instanceof Uint8Array)) throw fail(415, 'badBlobType')
    if (!bytesMatch(sha256, body)) throw fail(400, 'hashMismatch')
    const status = await ctx.blobs.put(sha256, body)
    return reply.code(status === 'stored' ? 201 : 200).send({ sha256, status })
  })

  app.head(route, async (request, reply) => {
    requireAccount(request)
    return reply.code((await ctx.blobs.has(address(request.params))) ? 200 : 404).send()
  })

  app.get(route, { exposeHeadRoute: false }, async (request, reply) => {
    requireAccount(request)
    const bytes = await ctx.blobs.get(address(request.params))
    if (!bytes) throw fail(404, 'blobNotFound')
    // Content-addressed: the bytes at this address never change.
    return reply.type(OCTETS).header('cache-control', 'private, max-age=31536000, immutable').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  })
}
