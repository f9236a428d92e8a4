/**
 * The sync tables, read and written with parameterised SQL only. `jsonb` values go in as JSON
 * text (`$n::text::jsonb`): node-postgres would turn a JS array into a PostgreSQL array, and
 * PGlite and node-postgres agree on text.
 */
import { fingerprint } from '@/core/exchange/bundle/hash'
import type { Template } from '@/core/format/types'
import type { ResponseHeader, SyncAnswer } from '@/core/sync'
import type { Queryable } from '../db/types'

export const json = (value: unknown): string => JSON.stringify(value)

/**
 * The next change cursor of the writing transaction: `next_cursor()` (migration 005), made from
 * its xid, so cursors need no lock; the pull's horizon (pull.ts) keeps late commits from being
 * stepped over. Every writer of a `cursor` column uses this, nothing else.
 */
export const NEXT_CURSOR = 'next_cursor()'

export interface HeldResponse {
  header: ResponseHeader
  status: ResponseHeader['status']
  deleted: boolean
  /** Null for a response stored before scopes existed, or while none exist. */
  scopeId: string | null
}

export async function heldResponse(tx: Queryable, id: string): Promise<HeldResponse | undefined> {
  const rows = await tx.query<HeldResponse>('select header, status, deleted, scope_id as "scopeId" from responses where id = $1', [id])
  return rows[0]
}

export interface HeldAnswer {
  answer: SyncAnswer
  deviceId: string | null
}

export async function heldAnswers(tx: Queryable, responseId: string): Promise<Map<string, HeldAnswer>> {
  const rows = await tx.query<HeldAnswer & { itemId: string }>(
    'select item_id as "itemId", answer, device_id as "deviceId" from answers where response_id = $1',
    [responseId],
  )
  return new Map(rows.map((r) => [r.itemId, { answer: r.answer, deviceId: r.deviceId }]))
}

export async function writeAnswer(tx: Queryable, responseId: string, itemId: string, answer: SyncAnswer, deviceId: string): Promise<void> {
  await tx.query(
    `insert into answers (response_id, item_id, answer, hlc, device_id, cursor)
     values ($1, $2, $3::text::jsonb, $4, $5, ${NEXT_CURSOR})
     on conflict (response_id, item_id) do update
       set answer = excluded.answer, hlc = excluded.hlc, device_id = excluded.device_id, cursor = excluded.cursor`,
    [responseId, itemId, json(answer), answer.hlc, deviceId],
  )
}

/**
 * An answer that lost a merge, kept in the history. The same content twice is one row
 * (unique on response, item and fingerprint), so a replayed loser adds nothing.
 * Returns true when the row is new.
 */
export async function keepLoser(tx: Queryable, loser: { responseId: string; itemId: string; answer: SyncAnswer; deviceId: string | null }): Promise<boolean> {
  const rows = await tx.query(
    `insert into answer_history (response_id, item_id, answer, hash, device_id)
     values ($1, $2, $3::text::jsonb, $4, $5)
     on conflict (response_id, item_id, hash) do nothing
     returning id`,
    [loser.responseId, loser.itemId, json(loser.answer), fingerprint(loser.answer), loser.deviceId],
  )
  return rows.length > 0
}

/** Published template versions, read once per batch: they never change, so a batch can keep them. */
export class TemplateVersions {
  private readonly cache = new Map<string, Template | undefined>()
  constructor(private readonly tx: Queryable) {}

  /**
   * Every version the mutations name, as a JSON array (`versions`) for a statement that reads it
   * with other things (the push, with its record locks: versions never change once written, so
   * reading them before the locks cannot go stale). `$refs`: TemplateVersions.refs as JSON text.
   */
  static readonly JSON = (refs: string): string => `
    (select coalesce(jsonb_agg(jsonb_build_object('templateId', tv.template_id, 'version', tv.version, 'content', tv.content)), '[]'::jsonb)
       from template_versions tv join jsonb_to_recordset(${refs}::text::jsonb) as k(t text, v int) on tv.template_id = k.t and tv.version = k.v) as versions`

  /** The parameter for JSON: each version named once. */
  static refs(refs: ReadonlyArray<{ templateId: string; version: number }>): string {
    return json([...new Map(refs.map((r) => [`${r.templateId}@${r.version}`, { t: r.templateId, v: r.version }])).values()])
  }

  /** Versions read by a statement with TemplateVersions.JSON. */
  fill(rows: ReadonlyArray<{ templateId: string; version: number; content: Template }>): void {
    for (const r of rows) this.cache.set(`${r.templateId}@${r.version}`, r.content)
  }

  async get(templateId: string, version: number): Promise<Template | undefined> {
    const key = `${templateId}@${version}`
    if (this.cache.has(key)) return this.cache.get(key)
    const rows = await this.tx.query<{ content: Template }>('select content from template_versions where template_id = $1 and version = $2', [templateId, version])
    const template = rows[0]?.content
    this.cache.set(key, template)
    return template
  }

  /** A version published earlier in the same batch. */
  remember(templateId: string, version: number, template: Template): void {
    this.cache.set(`${templateId}@${version}`, template)
  }
}
