/**
 * A reference server model, in memory, for the device's engine tests: it applies pushes with the
 * same rules (`decide.ts`) the real server uses, skips any `seq` at or below what it applied for
 * a device (a replayed batch is applied once), and lists changes by a change sequence, one entry
 * per record at its latest change (so an edited header comes after its older answers, as it may
 * on the real server). Faults are switches: drop the acknowledgement of the next push (applied,
 * then the connection fails), go offline, refuse chosen mutations.
 */
import type { Issue } from '@/core/result'
import {
  decideAnswer,
  decideAttachment,
  decideByClock,
  decideHeader,
  decideImmutable,
  decideSubmission,
  type Change,
  type Mutation,
  type MutationResult,
  type MutationStatus,
  type Outcome,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type ResponseHeader,
  type SyncAnswer,
  type SyncAttachment,
  type SyncTask,
  type SyncTemplate,
  type SyncTemplateVersion,
} from '@/core/sync'
import { sha256Hex } from '@/core/exchange/bundle/hash'
import { TransportError, type SyncTransport } from '@/sync/transport'

type ChangeBody = Change extends infer C ? (C extends Change ? Omit<C, 'cursor'> : never) : never

const statusOf = (o: Outcome): MutationStatus =>
  o === 'apply' ? 'applied' : o === 'same' ? 'same' : o === 'conflict' ? 'refused' : 'superseded'

export class FakeServer {
  readonly responses = new Map<string, ResponseHeader>()
  readonly answers = new Map<string, Map<string, SyncAnswer>>()
  readonly history: Array<{ responseId: string; itemId: string; answer: SyncAnswer }> = []
  readonly templates = new Map<string, SyncTemplate>()
  readonly versions = new Map<string, SyncTemplateVersion>()
  readonly tasks = new Map<string, SyncTask>()
  readonly attachments = new Map<string, SyncAttachment>()
  readonly blobs = new Map<string, Blob>()
  /** Highest applied seq per device. */
  readonly appliedSeq = new Map<string, number>()
  /** Every seq each device sent, in order, duplicates included. */
  readonly received: Array<{ deviceId: string; seq: number; status: MutationStatus }> = []
  private log = new Map<string, Change>()
  private sequence = 0

  /** Switches for faults. */
  dropNextAck = false
  offline = false
  refuse: (m: Mutation) => Issue | undefined = () => undefined

  private emit(key: string, change: ChangeBody): void {
    this.log.delete(key)
    this.log.set(key, { ...change, cursor: ++this.sequence } as Change)
  }

  private answersOf(id: string): Map<string, SyncAnswer> {
    let map = this.answers.get(id)
    if (!map) this.answers.set(id, (map = new Map()))
    return map
  }

  private emitResponse(header: ResponseHeader): void {
    if (header.status === 'submitted' && !header.deleted) {
      // A submission travels whole: its answers inside, none of them listed apart.
      for (const key of [...this.log.keys()]) if (key.startsWith(`a:${header.id}:`)) this.log.delete(key)
      this.emit(`r:${header.id}`, { kind: 'response', response: header, answers: Object.fromEntries(this.answersOf(header.id)) })
    } else this.emit(`r:${header.id}`, { kind: 'response', response: header })
  }

  private apply(m: Mutation): MutationStatus {
    switch (m.kind) {
      case 'response': {
        const outcome = decideHeader(this.responses.get(m.response.id), m.response)
        if (outcome === 'apply') {
          this.responses.set(m.response.id, m.response)
          this.emitResponse(m.response)
        }
        return statusOf(outcome)
      }
      case 'answer': {
        const slot = this.answersOf(m.responseId)
        const d = decideAnswer(slot.get(m.itemId), m.answer, this.responses.get(m.responseId))
        if (d.loser) this.history.push({ responseId: m.responseId, itemId: m.itemId, answer: d.loser })
        if (d.outcome === 'apply') {
          slot.set(m.itemId, m.answer)
          this.emit(`a:${m.responseId}:${m.itemId}`, { kind: 'answer', responseId: m.responseId, itemId: m.itemId, answer: m.answer })
        }
        return statusOf(d.outcome)
      }
      case 'submit': {
        const id = m.response.id
        const header = this.responses.get(id)
        const d = decideSubmission(header && { header, answers: Object.fromEntries(this.answersOf(id)) }, { header: m.response, answers: m.answers })
        for (const l of d.losers) this.history.push({ responseId: id, itemId: l.itemId, answer: l.answer })
        if (d.outcome === 'apply') {
          this.responses.set(id, m.response)
          this.answers.set(id, new Map(Object.entries(m.answers)))
          this.emitResponse(m.response)
        }
        return statusOf(d.outcome)
      }
      case 'template': {
        const outcome = decideByClock(this.templates.get(m.template.id), m.template)
        if (outcome === 'apply') {
          this.templates.set(m.template.id, m.template)
          this.emit(`t:${m.template.id}`, { kind: 'template', template: m.template })
        }
        return statusOf(outcome)
      }
      case 'templateVersion': {
        const key = `${m.version.templateId}@${m.version.version}`
        const outcome = decideImmutable(this.versions.get(key), m.version, (v) => v.template)
        if (outcome === 'apply') {
          this.versions.set(key, m.version)
          this.emit(`v:${key}`, { kind: 'templateVersion', version: m.version })
        }
        return statusOf(outcome)
      }
      case 'task': {
        const outcome = decideByClock(this.tasks.get(m.task.id), m.task)
        if (outcome === 'apply') {
          this.tasks.set(m.task.id, m.task)
          this.emit(`k:${m.task.id}`, { kind: 'task', task: m.task })
        }
        return statusOf(outcome)
      }
      case 'attachment': {
        const outcome = decideAttachment(this.attachments.get(m.attachment.id), m.attachment)
        if (outcome === 'apply') {
          this.attachments.set(m.attachment.id, m.attachment)
          this.emit(`f:${m.attachment.id}`, { kind: 'attachment', attachment: m.attachment })
        }
        return statusOf(outcome)
      }
    }
  }

  push(request: PushRequest): PushResponse {
    const results: MutationResult[] = []
    let applied = this.appliedSeq.get(request.deviceId) ?? 0
    for (const m of request.mutations) {
      let result: MutationResult
      if (m.seq <= applied) result = { seq: m.seq, id: m.id, status: 'duplicate' }
      else {
        const issue = this.refuse(m)
        result = issue ? { seq: m.seq, id: m.id, status: 'refused', issue } : { seq: m.seq, id: m.id, status: this.apply(m) }
        applied = m.seq
      }
      results.push(result)
      this.received.push({ deviceId: request.deviceId, seq: m.seq, status: result.status })
    }
    this.appliedSeq.set(request.deviceId, applied)
    return { batchId: request.batchId, results, appliedSeq: applied, serverTime: Date.now() }
  }

  pull(after: number, limit = 1000): PullResponse {
    const all = [...this.log.values()].filter((c) => c.cursor > after).sort((a, b) => a.cursor - b.cursor)
    const changes = all.slice(0, limit)
    return { changes, cursor: changes.at(-1)?.cursor ?? after, more: all.length > limit, serverTime: Date.now() }
  }

  /** A transport to this server, as one device sees it. Results are deep copies, as over a wire. */
  transport(): SyncTransport & { calls: string[] } {
    const calls: string[] = []
    const wire = <T>(v: T): T => structuredClone(v)
    const online = (what: string): void => {
      calls.push(what)
      if (this.offline) throw new TransportError('offline', `${what}: offline`)
    }
    return {
      calls,
      push: async (request) => {
        online('push')
        const response = wire(this.push(wire(request)))
        if (this.dropNextAck) {
          this.dropNextAck = false
          throw new TransportError('network', 'connection reset after the server committed')
        }
        return response
      },
      pull: async (after, limit) => {
        online('pull')
        return wire(this.pull(after, limit))
      },
      hasBlob: async (sha256) => {
        online('hasBlob')
        return this.blobs.has(sha256)
      },
      putBlob: async (sha256, bytes) => {
        online('putBlob')
        const actual = await sha256Hex(new Uint8Array(await bytes.arrayBuffer()))
        if (actual !== sha256) throw new TransportError('refused', 'hash mismatch', undefined, 400)
        this.blobs.set(sha256, bytes)
      },
      getBlob: async (sha256) => {
        online('getBlob')
        const blob = this.blobs.get(sha256)
        if (!blob) throw new TransportError('refused', 'no such blob', undefined, 404)
        return blob
      },
    }
  }
}
