/** Tiny builders for sync records and outbox batches, on the dorm-room sample template. */
import { encodeHlc, type Mutation, type MutationInput, type PushRequest, type ResponseHeader, type SyncAnswer, type SyncAttachment, type SyncTask, type SyncTemplateVersion } from '@/core/sync'
import type { AnswerValue, Template } from '@/core/format/types'
import { sample } from '../../../fixtures/load'

/** 2026-03-01 08:00 UTC: every clock in these tests counts from here. */
export const T0 = Date.UTC(2026, 2, 1, 8)
/** The server's wall time during a test: an hour after T0. */
export const NOW = new Date(T0 + 3_600_000)

export const dorm: Template = sample('dorm-room-safety')

/** A clock reading `minutes` after T0 on `node`. */
export const clock = (minutes: number, node: string, count = 0): string => encodeHlc({ wall: T0 + minutes * 60_000, count, node })

export const iso = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString()

export function dormVersion(template: Template = dorm): SyncTemplateVersion {
  return { templateId: template.id, version: template.version, template, publishedAt: iso(0) }
}

export function header(id: string, hlc: string, fields: Partial<ResponseHeader> = {}): ResponseHeader {
  return {
    id,
    templateId: dorm.id,
    templateVersion: dorm.version,
    templateTitle: dorm.title,
    role: 'inspection',
    subject: { building: '3号楼', floor: 3, room: '301' },
    status: 'draft',
    inspector: '张老师',
    startedAt: iso(0),
    updatedAt: iso(1),
    hlc,
    ...fields,
  }
}

export const answer = (value: AnswerValue, hlc: string, extra: Partial<SyncAnswer> = {}): SyncAnswer => ({ value, hlc, ...extra })

export function submitted(h: ResponseHeader): ResponseHeader {
  return { ...h, status: 'submitted', submittedAt: h.updatedAt }
}

export function task(id: string, responseId: string, hlc: string, fields: Partial<SyncTask> = {}): SyncTask {
  return {
    id,
    responseId,
    itemId: 'power-strip',
    templateId: dorm.id,
    subject: { building: '3号楼', room: '301' },
    title: '私拉乱接电线',
    status: 'open',
    deadline: '2026-03-08',
    createdAt: iso(2),
    updatedAt: iso(2),
    hlc,
    ...fields,
  }
}

export function attachment(id: string, responseId: string, sha256: string, size: number): SyncAttachment {
  return { id, responseId, itemId: 'power-strip', name: `${id}.jpg`, type: 'image/jpeg', size, createdAt: iso(3), sha256 }
}

/** A device's outbox: numbers mutations as the device does, and cuts batches. */
export class Outbox {
  private seq = 0
  constructor(readonly deviceId: string) {}

  /** Numbers the inputs (seq continues across batches) and wraps them as one push. */
  batch(...inputs: MutationInput[]): PushRequest {
    return { deviceId: this.deviceId, batchId: crypto.randomUUID(), mutations: inputs.map((m) => ({ ...m, seq: ++this.seq }) as Mutation) }
  }
}

const mid = (): string => crypto.randomUUID()
export const m = {
  version: (version: SyncTemplateVersion = dormVersion()): MutationInput => ({ id: mid(), kind: 'templateVersion', version }),
  response: (response: ResponseHeader): MutationInput => ({ id: mid(), kind: 'response', response }),
  answer: (responseId: string, itemId: string, a: SyncAnswer): MutationInput => ({ id: mid(), kind: 'answer', responseId, itemId, answer: a }),
  submit: (response: ResponseHeader, answers: Record<string, SyncAnswer>): MutationInput => ({ id: mid(), kind: 'submit', response, answers }),
  task: (t: SyncTask): MutationInput => ({ id: mid(), kind: 'task', task: t }),
  attachment: (a: SyncAttachment): MutationInput => ({ id: mid(), kind: 'attachment', attachment: a }),
}
