/**
 * A minimal sync client for benchmarks and process-level tests: signs a simulated device in over
 * HTTP, then pushes and pulls with the protocol's own types. Node's fetch keeps no cookies, so the
 * session cookie is carried by hand.
 */
import { API, CSRF_HEADER, type Change, type LoginRequest, type Mutation, type MutationInput, type PullResponse, type PushResponse, type SessionInfo } from '../../src/core/sync/protocol'
import { tickHlc } from '../../src/core/sync/hlc'

export class SimDevice {
  private cookie = ''
  private csrf = ''
  private seq = 0
  private clock: string | undefined
  constructor(
    readonly baseUrl: string,
    readonly deviceId: string = crypto.randomUUID(),
  ) {}

  async login(username: string, password: string): Promise<SessionInfo> {
    const body: LoginRequest = { username, password, deviceId: this.deviceId, deviceName: `bench ${this.deviceId.slice(0, 4)}` }
    const res = await fetch(this.baseUrl + API.login, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    if (!res.ok) throw new Error(`login ${res.status}: ${await res.text()}`)
    this.cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ')
    const info = (await res.json()) as SessionInfo
    this.csrf = info.csrfToken
    return info
  }

  /** The next clock reading of this device. */
  tick(): string {
    this.clock = tickHlc(this.clock, Date.now(), this.deviceId)
    return this.clock
  }

  /** Numbers mutations as the outbox would. */
  number(inputs: MutationInput[]): Mutation[] {
    return inputs.map((m) => ({ ...m, seq: ++this.seq }) as Mutation)
  }

  async push(mutations: Mutation[]): Promise<PushResponse> {
    const res = await fetch(this.baseUrl + API.push, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, [CSRF_HEADER]: this.csrf },
      body: JSON.stringify({ deviceId: this.deviceId, batchId: crypto.randomUUID(), mutations }),
    })
    if (!res.ok) throw new Error(`push ${res.status}: ${await res.text()}`)
    const out = (await res.json()) as PushResponse
    const refused = out.results.filter((r) => r.status === 'refused')
    if (refused.length > 0) throw new Error(`push refused ${refused.length}: ${JSON.stringify(refused[0])}`)
    return out
  }

  async pull(after: number, limit?: number): Promise<PullResponse> {
    const q = `?after=${after}${limit ? `&limit=${limit}` : ''}`
    const res = await fetch(this.baseUrl + API.pull + q, { headers: { cookie: this.cookie } })
    if (!res.ok) throw new Error(`pull ${res.status}: ${await res.text()}`)
    return (await res.json()) as PullResponse
  }

  /** Pulls every page; returns the changes. */
  async pullAll(limit?: number): Promise<Change[]> {
    const all: Change[] = []
    let cursor = 0
    for (;;) {
      const page = await this.pull(cursor, limit)
      all.push(...page.changes)
      cursor = page.cursor
      if (!page.more) return all
    }
  }
}
