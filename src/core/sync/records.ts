/**
 * The records sync moves, as both sides store them. Plain data: the device keeps them in
 * IndexedDB, the server in PostgreSQL `jsonb`, and the rules in `decide.ts` read them the same way.
 */
import type { Answer, ResponseStatus, Role } from '../format/types'
import type { BundleAttachment, BundleTemplateVersion } from '../exchange/bundle/format'
import type { TemplateRecord } from '../templates/record'
import type { Task } from '../tasks/task'

/** An answer as synced: every answer written since sync exists carries the clock of its edit. */
export type SyncAnswer = Answer & { hlc: string }

/**
 * A response without its answers or anything derived from them (score, band, subject indexes:
 * each side computes those itself from the template, and never trusts the other's).
 */
export interface ResponseHeader {
  id: string
  templateId: string
  templateVersion: number
  templateTitle: string
  role: Role
  reviewOf?: string
  corrects?: string
  subject: Record<string, string | number>
  /** The register subject (server `subjects`) the response is about, when picked from the register. */
  subjectId?: string
  /** The evaluation cycle (#15) the self-assessment or review belongs to. */
  cycleId?: string
  status: ResponseStatus
  inspector: string
  startedAt: string
  updatedAt: string
  submittedAt?: string
  signature?: string
  /** The device that created the response. */
  deviceId?: string
  /** The clock of the header's last change. */
  hlc: string
  /** A tombstone: the response was deleted (see `headerRank`). */
  deleted?: true
}

export type SyncTemplate = TemplateRecord & { hlc: string }
export type SyncTask = Task & { hlc: string }
/** Attachment metadata; the bytes travel separately, addressed by `sha256`. */
export type SyncAttachment = BundleAttachment & {
  sha256: string
  /** A tombstone: the attachment was deleted from its draft (see `decideAttachment`). */
  deleted?: true
}
export type SyncTemplateVersion = BundleTemplateVersion

/** The header's fields, in a fixed list: a row with more (a score, indexes) is cut to these. */
export const HEADER_FIELDS = [
  'id',
  'templateId',
  'templateVersion',
  'templateTitle',
  'role',
  'reviewOf',
  'corrects',
  'subject',
  'subjectId',
  'cycleId',
  'status',
  'inspector',
  'startedAt',
  'updatedAt',
  'submittedAt',
  'signature',
  'deviceId',
  'hlc',
  'deleted',
] as const satisfies ReadonlyArray<keyof ResponseHeader>

/** The header of any object shaped like one (a stored row with its derived fields). */
export function headerOf(row: Omit<ResponseHeader, 'hlc'> & { hlc?: string }, hlc: string = row.hlc ?? ''): ResponseHeader {
  const out: Record<string, unknown> = {}
  for (const key of HEADER_FIELDS) if (row[key] !== undefined) out[key] = row[key]
  out.hlc = hlc
  return out as unknown as ResponseHeader
}
