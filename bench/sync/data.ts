/** Synthetic sync traffic: a 30-item template and responses on it, as a device's outbox would send them. */
import type { Answer, Template } from '../../src/core/format/types'
import type { MutationInput, ResponseHeader, SyncAnswer } from '../../src/core/sync'
import { generateResponse, generateTemplate } from '../generate'
import type { SimDevice } from './client'

export const ITEMS = 30

export function benchTemplate(): Template {
  // Every item answered: no visibleIf, so each response carries exactly ITEMS answers.
  return generateTemplate(ITEMS, { id: 'bench-sync', visibleIfRatio: 0 })
}

export function publishMutations(device: SimDevice, template: Template): MutationInput[] {
  const now = new Date().toISOString()
  return [
    {
      id: crypto.randomUUID(),
      kind: 'template',
      template: { id: template.id, title: template.title, status: 'published', latestVersion: template.version, source: 'user', createdAt: now, updatedAt: now, hlc: device.tick() },
    },
    { id: crypto.randomUUID(), kind: 'templateVersion', version: { templateId: template.id, version: template.version, template, publishedAt: now } },
  ]
}

function header(device: SimDevice, template: Template, n: number, status: 'draft' | 'submitted'): ResponseHeader {
  const now = new Date().toISOString()
  return {
    id: crypto.randomUUID(),
    templateId: template.id,
    templateVersion: template.version,
    templateTitle: template.title,
    role: 'inspection',
    subject: { building: `${1 + (n % 12)}号楼`, room: String(100 + (n % 600)) },
    status,
    inspector: 'bench',
    startedAt: now,
    updatedAt: now,
    ...(status === 'submitted' && { submittedAt: now }),
    deviceId: device.deviceId,
    hlc: device.tick(),
  }
}

const synced = (device: SimDevice, answers: Record<string, Answer>): Record<string, SyncAnswer> =>
  Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, { ...a, updatedAt: undefined, hlc: device.tick() }]))

/** A draft: its header, then one mutation per answer (what filling on a tablet produces). */
export function draftMutations(device: SimDevice, template: Template, n: number): MutationInput[] {
  const h = header(device, template, n, 'draft')
  const answers = synced(device, generateResponse(template, n + 1).answers)
  return [
    { id: crypto.randomUUID(), kind: 'response', response: h },
    ...Object.entries(answers).map(([itemId, answer]) => ({ id: crypto.randomUUID(), kind: 'answer' as const, responseId: h.id, itemId, answer })),
  ]
}

/** A submitted response, answers inside (one mutation). */
export function submitMutation(device: SimDevice, template: Template, n: number): MutationInput {
  const h = header(device, template, n, 'submitted')
  return { id: crypto.randomUUID(), kind: 'submit', response: h, answers: synced(device, generateResponse(template, n + 1).answers) }
}

export function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
