/**
 * A scoped deployment under test, through the whole app (sessions, CSRF, the sync plugin): the
 * tree 职业学院 → 学工部 → 3号楼 / 5号楼 → one floor each, a register room on each floor, an
 * account administrator, and one member per scoped role holding it on 3号楼. "In scope" is the
 * room on 3号楼 (b3f3), "out of scope" the room on 5号楼 (b5f1).
 */
import { createHash } from 'node:crypto'
import type { Grant, Role, Scope } from '@/core/access'
import type { MutationInput, MutationResult, PullResponse, PushResponse, ResponseHeader } from '@/core/sync'
import { API } from '@/core/sync/protocol'
import syncRoutes from '../../../../server/sync/routes'
import { NEXT_CURSOR } from '../../../../server/sync/sql'
import { addUser, signIn, testServer, type SignedIn, type TestServer } from '../../support/app'
import type { DatabaseKind } from '../../support/databases'
import { attachment, clock, header, m, Outbox } from '../../sync/support/builders'

export const PASSWORD = 'correct horse battery'

export const TREE: Scope[] = [
  { id: 'college', parentId: null, kind: 'college', name: '职业学院' },
  { id: 'xgb', parentId: 'college', kind: 'department', name: '学工部' },
  { id: 'b3', parentId: 'xgb', kind: 'building', name: '3号楼' },
  { id: 'b3f3', parentId: 'b3', kind: 'floor', name: '3号楼3层' },
  { id: 'b5', parentId: 'xgb', kind: 'building', name: '5号楼' },
  { id: 'b5f1', parentId: 'b5', kind: 'floor', name: '5号楼1层' },
]

export const PLACES = {
  in: { scopeId: 'b3f3', subject: { building: '3号楼', floor: 3, room: '301' } },
  out: { scopeId: 'b5f1', subject: { building: '5号楼', floor: 1, room: '101' } },
} as const
export type Place = keyof typeof PLACES

/** The account administrator first, then a member per scoped role (granted on 3号楼). */
export const ACTORS = ['admin', 'designer', 'inspector', 'reviewer', 'viewer'] as const satisfies readonly Role[]
export type Actor = (typeof ACTORS)[number]

/** The grants the server should derive for each actor: what the expected outcomes are computed from. */
export function grantsOf(actor: Actor, userId: string): Grant[] {
  return actor === 'admin' ? [{ userId, role: 'admin', scopeId: 'college' }] : [{ userId, role: actor, scopeId: 'b3' }]
}

export interface Person {
  userId: string
  session: SignedIn
  box: Outbox
}

export interface ScopedWorld {
  server: TestServer
  people: Record<Actor, Person>
  /** Pushes as `actor`; throws unless the push itself answered 200. */
  push(actor: Actor, ...inputs: MutationInput[]): Promise<MutationResult[]>
  pull(actor: Actor, after?: number): Promise<PullResponse>
  /** A fresh id and a valid draft header about `place`, clocked on the actor's device. */
  draft(actor: Actor, place: Place, fields?: Partial<ResponseHeader>): ResponseHeader
  /** A draft with an attachment whose bytes are uploaded, all by the administrator. */
  recordWithPhoto(place: Place): Promise<{ response: ResponseHeader; sha256: string; bytes: Buffer }>
  grant(userId: string, role: Role, scopeId: string): Promise<string>
  count(table: string): Promise<number>
}

let minutes = 10

export async function scopedWorld(kind: DatabaseKind): Promise<ScopedWorld> {
  const server = await testServer(kind, { plugins: [syncRoutes] })
  const { app, db } = server
  await addUser(db, 'admin', PASSWORD, 'admin')
  const admin = await signIn(app, 'admin', PASSWORD)
  for (const scope of TREE) {
    const created = await app.inject({ method: 'POST', url: API.scopes, headers: admin.writeHeaders, payload: scope })
    if (created.statusCode !== 201) throw new Error(`scope ${scope.id}: ${created.body}`)
  }
  for (const [place, { scopeId, subject }] of Object.entries(PLACES)) {
    await db.query(`insert into subjects (id, kind, scope_id, fields, label, cursor) values ($1, $2, $3, $4::text::jsonb, $5, ${NEXT_CURSOR})`, [`room-${place}`, 'room', scopeId, JSON.stringify(subject), subject.room])
  }

  const grant = async (userId: string, role: Role, scopeId: string): Promise<string> => {
    const r = await app.inject({ method: 'POST', url: API.grants, headers: admin.writeHeaders, payload: { userId, role, scopeId } })
    if (r.statusCode !== 201) throw new Error(`grant: ${r.body}`)
    return r.json<{ id: string }>().id
  }
  const people = {} as Record<Actor, Person>
  for (const actor of ACTORS) {
    const userId = actor === 'admin' ? admin.info.user.id : await addUser(db, actor, PASSWORD)
    if (actor !== 'admin') await grant(userId, actor, 'b3')
    const session = actor === 'admin' ? admin : await signIn(app, actor, PASSWORD)
    people[actor] = { userId, session, box: new Outbox(session.info.deviceId) }
  }

  const push = async (actor: Actor, ...inputs: MutationInput[]): Promise<MutationResult[]> => {
    const p = people[actor]
    const r = await app.inject({ method: 'POST', url: API.push, headers: p.session.writeHeaders, payload: p.box.batch(...inputs) })
    if (r.statusCode !== 200) throw new Error(`push: ${r.statusCode} ${r.body}`)
    return r.json<PushResponse>().results
  }
  const draft = (actor: Actor, place: Place, fields: Partial<ResponseHeader> = {}): ResponseHeader =>
    header(crypto.randomUUID(), clock(++minutes, people[actor].session.info.deviceId), { subject: { ...PLACES[place].subject }, ...fields })
  const world: ScopedWorld = {
    server,
    people,
    push,
    async pull(actor, after = 0) {
      const r = await app.inject({ method: 'GET', url: `${API.pull}?after=${after}&limit=5000`, headers: people[actor].session.readHeaders })
      if (r.statusCode !== 200) throw new Error(`pull: ${r.statusCode} ${r.body}`)
      return r.json<PullResponse>()
    },
    draft,
    async recordWithPhoto(place) {
      const response = draft('admin', place)
      const bytes = Buffer.from(crypto.randomUUID())
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      await push('admin', m.response(response), m.attachment(attachment(`photo-${response.id}`, response.id, sha256, bytes.length)))
      const put = await app.inject({ method: 'PUT', url: `${API.blobs}/${sha256}`, headers: { ...admin.writeHeaders, 'content-type': 'application/octet-stream' }, payload: bytes })
      if (put.statusCode !== 201) throw new Error(`blob: ${put.body}`)
      return { response, sha256, bytes }
    },
    grant,
    async count(table) {
      return Number((await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n)
    },
  }
  const version = await push('admin', m.version())
  if (version[0]!.status !== 'applied') throw new Error(`template version: ${JSON.stringify(version)}`)
  return world
}
