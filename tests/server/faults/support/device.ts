/**
 * A real device against the real server process: its own Dexie database (fake-indexeddb), the
 * app's HTTP transport, and a `fetch` that carries the session cookie the way a browser does.
 * Every request passes through `wire.fault`, so a test can cut, drop or observe it.
 */
import { API, CSRF_HEADER, SESSION_COOKIE, type Change, type PullResponse, type SessionInfo } from '@/core/sync'
import type { Template } from '@/core/format/types'
import { createResponse, getDeviceId, installSamples, saveAnswer, type QingdanDatabase } from '@/db'
import { httpTransport } from '@/sync/http'
import type { SyncTransport } from '@/sync/transport'
import { freshDb } from '../../../db/helpers'
import { sample } from '../../../fixtures/load'

export const dorm: Template = sample('dorm-room-safety')

/** One request as the device sends it. */
export interface Sent {
  method: string
  path: string
  body: string | Blob | undefined
}

export interface Wire {
  /** Decides what happens to a request: by default `send()` it. Tests replace this. */
  fault: (request: Sent, send: () => Promise<Response>) => Promise<Response>
  /** Every push body the device sent, in order (what it retried is visible here). */
  pushes: string[]
}

export interface Device {
  db: QingdanDatabase
  deviceId: string
  transport: SyncTransport
  wire: Wire
  /** The session's headers, for the test's own requests as this device. */
  headers: { cookie: string; [CSRF_HEADER]: string }
}

/** Signs in as `username` with this device's id and returns the session cookie and CSRF token. */
async function signIn(base: string, username: string, password: string, deviceId: string): Promise<Device['headers']> {
  const response = await fetch(base + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceId, deviceName: '故障测试平板' }),
  })
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  const info = (await response.json()) as SessionInfo
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))
  if (!cookie) throw new Error('sign-in set no session cookie')
  return { cookie: cookie.split(';')[0]!, [CSRF_HEADER]: info.csrfToken }
}

/** A fresh device holding the dorm sample (as the app installs it), signed in to `base`. */
export async function signedInDevice(base: string, username: string, password: string): Promise<Device> {
  const db = freshDb()
  await installSamples(db, [dorm])
  const deviceId = await getDeviceId(db)
  const headers = await signIn(base, username, password, deviceId)
  const wire: Wire = { fault: (_request, send) => send(), pushes: [] }
  // Node's fetch keeps no cookies: add the session's, as the browser would with credentials: 'include'.
  const withCookie: typeof fetch = (input, init) => {
    const url = new URL(String(input))
    const request: Sent = { method: init?.method ?? 'GET', path: url.pathname, body: init?.body as string | Blob | undefined }
    if (request.path === API.push && typeof request.body === 'string') wire.pushes.push(request.body)
    const send = () => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: headers.cookie } })
    return wire.fault(request, send)
  }
  const transport = httpTransport({ baseUrl: base, csrfToken: headers[CSRF_HEADER], fetch: withCookie, online: () => true })
  return { db, deviceId, transport, wire, headers }
}

/** A value for a dorm item that differs between `round` 0 and 1 (count items: 0/1, yes-no items: no/yes). */
function dormValue(itemId: string, round: 0 | 1): string | number {
  const item = dorm.sections.flatMap((s) => s.items).find((i) => i.id === itemId)!
  if (item.type === 'count') return round
  if (item.type === 'single') return item.options[round]!.id
  throw new Error(`no test value for ${item.type} item ${itemId}`)
}

export const dormItemIds = (): string[] => dorm.sections.flatMap((s) => s.items).map((i) => i.id)

/** `rooms` draft inspections, every item answered: one header and 26 answers each, in that order. */
export async function fillRooms(db: QingdanDatabase, rooms: number): Promise<string[]> {
  const responseIds: string[] = []
  for (let r = 0; r < rooms; r++) {
    const row = await createResponse(db, { template: dorm, subject: { building: '3号楼', floor: 3, room: String(300 + r) }, role: 'inspection', inspector: '张老师' })
    responseIds.push(row.id)
    for (const itemId of dormItemIds()) await saveAnswer(db, row.id, itemId, { value: dormValue(itemId, 0) })
  }
  return responseIds
}

/**
 * Changes the first `count` answers of these responses. Each edit is a later write than the answer it
 * replaces, so once both reach the server the older value is kept in its answer history.
 */
export async function editAnswers(db: QingdanDatabase, responseIds: readonly string[], count: number): Promise<void> {
  const pairs = responseIds.flatMap((id) => dormItemIds().map((itemId) => [id, itemId] as const)).slice(0, count)
  if (pairs.length < count) throw new Error(`only ${pairs.length} answers to edit`)
  for (const [id, itemId] of pairs) await saveAnswer(db, id, itemId, { value: dormValue(itemId, 1) })
}

/** Every change the server lists for this device, page by page, without touching the device's database. */
export async function pullAll(base: string, device: Device): Promise<Change[]> {
  const all: Change[] = []
  let after = 0
  for (;;) {
    const response = await fetch(`${base}${API.pull}?after=${after}&limit=1000`, { headers: { cookie: device.headers.cookie } })
    if (response.status !== 200) throw new Error(`pull failed: ${response.status} ${await response.text()}`)
    const page = (await response.json()) as PullResponse
    all.push(...page.changes)
    if (!page.more) return all
    after = page.cursor
  }
}

/** What a pull says the server holds for these responses: rows by kind, and each row's cursor. */
export function held(changes: readonly Change[], responseIds: readonly string[]): { responses: number; answers: number; keys: string[] } {
  const ours = new Set(responseIds)
  const keys: string[] = []
  let responses = 0
  let answers = 0
  for (const c of changes) {
    if (c.kind === 'response' && ours.has(c.response.id)) {
      responses++
      keys.push(`r:${c.response.id}@${c.cursor}`)
    } else if (c.kind === 'answer' && ours.has(c.responseId)) {
      answers++
      keys.push(`a:${c.responseId}:${c.itemId}@${c.cursor}`)
    }
  }
  return { responses, answers, keys: keys.sort() }
}
