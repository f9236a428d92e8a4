/**
 * The authorisation matrix: every sync route, every scope/grant admin route, plans, the register,
 * people, the users import and evaluation cycles, for every role
 * (the account administrator and a member holding each scoped role on 3号楼), on a record in scope
 * and out of scope. What each case should do is not written here: it is core's `can` over the
 * grants the actor holds, that is the PERMISSIONS table and the tree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, ScopeTree, type Action } from '@/core/access'
import { API, type PersonSummary, type SyncCycle, type SyncPlan, type SyncSubject } from '@/core/sync/protocol'
import { addUser } from '../support/app'
import { DATABASE_KINDS } from '../support/databases'
import { planInput } from '../plans/support'
import { addBranches, branchOf, cycleInput, inputOf } from '../cycles/support'
import { answer, attachment, clock, m, submitted, task } from '../sync/support/builders'
import { ACTORS, grantsOf, PASSWORD, PLACES, scopedWorld, TREE, type Actor, type Place, type ScopedWorld } from './support/world'

const built = ScopeTree.build(TREE)
if (!built.ok) throw new Error('the test tree is invalid')
const tree = built.value

interface Route {
  name: string
  action: Action
  /** What the route answers when the actor may, and when it may not. */
  allowed: string
  refused: string
  run(w: ScopedWorld, actor: Actor, place: Place): Promise<string>
}

const rows = async (w: ScopedWorld, sql: string, params: string[]): Promise<number> => (await w.server.db.query(sql, params)).length
const outcome = (r: { status: string; issue?: { code: string } }): string => (r.issue ? `${r.status}:${r.issue.code}` : r.status)
let n = 0

/** A plan on `place`'s floor checking its room, made by the account administrator. */
async function planOn(w: ScopedWorld, place: Place): Promise<SyncPlan> {
  const r = await w.server.app.inject({ method: 'POST', url: API.plans, headers: w.people.admin.session.writeHeaders, payload: planInput({ scopeId: PLACES[place].scopeId, subjectIds: [`room-${place}`] }) })
  if (r.statusCode !== 201) throw new Error(`plan: ${r.body}`)
  return r.json<SyncPlan>()
}
/** A cycle of `place`'s floor and branch, with nobody on its panel, made by the account administrator. */
const cycleOn = (place: Place) => cycleInput({ scopeId: PLACES[place].scopeId, subjectIds: [branchOf(place)], panel: { aggregate: 'mean' } })
async function storedCycle(w: ScopedWorld, place: Place): Promise<SyncCycle> {
  const r = await w.server.app.inject({ method: 'POST', url: API.cycles, headers: w.people.admin.session.writeHeaders, payload: cycleOn(place) })
  if (r.statusCode !== 201) throw new Error(`cycle: ${r.body}`)
  return r.json<SyncCycle>()
}
const get = async <T>(w: ScopedWorld, actor: Actor, url: string): Promise<T> => (await w.server.app.inject({ method: 'GET', url, headers: w.people[actor].session.readHeaders })).json<T>()

const ROUTES: Route[] = [
  {
    name: 'push a response',
    action: 'response.fill',
    allowed: 'applied, stored in its scope',
    refused: 'refused:outOfScope, not stored',
    async run(w, actor, place) {
      const h = w.draft(actor, place)
      const [r] = await w.push(actor, m.response(h))
      const stored = await rows(w, 'select 1 from responses where id = $1 and scope_id = $2', [h.id, PLACES[place].scopeId])
      return `${outcome(r!)}, ${stored ? 'stored in its scope' : 'not stored'}`
    },
  },
  {
    name: 'push a review',
    action: 'response.review',
    allowed: 'applied, stored',
    refused: 'refused:outOfScope, not stored',
    async run(w, actor, place) {
      const h = w.draft(actor, place, { role: 'review' })
      const [r] = await w.push(actor, m.response(h))
      return `${outcome(r!)}, ${(await rows(w, 'select 1 from responses where id = $1', [h.id])) ? 'stored' : 'not stored'}`
    },
  },
  {
    name: 'push an answer',
    action: 'response.fill',
    allowed: 'applied, stored',
    refused: 'refused:outOfScope, not stored',
    async run(w, actor, place) {
      const h = w.draft('admin', place)
      await w.push('admin', m.response(h))
      const [r] = await w.push(actor, m.answer(h.id, 'unlocked', answer(1, clock(500, w.people[actor].session.info.deviceId))))
      return `${outcome(r!)}, ${(await rows(w, 'select 1 from answers where response_id = $1', [h.id])) ? 'stored' : 'not stored'}`
    },
  },
  {
    name: 'push a task',
    action: 'task.follow',
    allowed: 'applied, stored in its scope',
    refused: 'refused:outOfScope, not stored',
    async run(w, actor, place) {
      const h = w.draft('admin', place)
      await w.push('admin', m.response(h))
      const t = task(crypto.randomUUID(), h.id, clock(500, w.people[actor].session.info.deviceId))
      const [r] = await w.push(actor, m.task(t))
      const stored = await rows(w, 'select 1 from tasks where id = $1 and scope_id = $2', [t.id, PLACES[place].scopeId])
      return `${outcome(r!)}, ${stored ? 'stored in its scope' : 'not stored'}`
    },
  },
  {
    name: 'push an attachment',
    action: 'response.fill',
    allowed: 'applied, stored',
    refused: 'refused:outOfScope, not stored',
    async run(w, actor, place) {
      const h = w.draft('admin', place)
      await w.push('admin', m.response(h))
      const [r] = await w.push(actor, m.attachment(attachment(`a-${++n}`, h.id, 'a'.repeat(63) + (n % 10), 3)))
      return `${outcome(r!)}, ${(await rows(w, 'select 1 from attachments where response_id = $1', [h.id])) ? 'stored' : 'not stored'}`
    },
  },
  {
    name: 'pull',
    action: 'response.read',
    allowed: 'answer,attachment,response,task',
    refused: '',
    async run(w, actor, place) {
      const { response } = await w.recordWithPhoto(place)
      const admin = w.people.admin.session.info.deviceId
      await w.push('admin', m.answer(response.id, 'unlocked', answer(1, clock(600, admin))), m.task(task(crypto.randomUUID(), response.id, clock(601, admin))))
      const { changes } = await w.pull(actor)
      const about = changes.filter((c) =>
        c.kind === 'response' ? c.response.id === response.id : c.kind === 'answer' ? c.responseId === response.id : c.kind === 'task' ? c.task.responseId === response.id : c.kind === 'attachment' && c.attachment.responseId === response.id,
      )
      return about.map((c) => c.kind).sort().join(',')
    },
  },
  {
    name: 'pull an unreleased review',
    action: 'response.review',
    allowed: 'response',
    refused: '',
    async run(w, actor, place) {
      const review = submitted(w.draft('admin', place, { role: 'review' }))
      await w.push('admin', m.submit(review, {}))
      return (await w.pull(actor)).changes.filter((c) => c.kind === 'response' && c.response.id === review.id).map((c) => c.kind).join(',')
    },
  },
  {
    name: 'release a review',
    action: 'response.review',
    allowed: '200, released',
    refused: '404, not released',
    async run(w, actor, place) {
      const review = submitted(w.draft('admin', place, { role: 'review' }))
      await w.push('admin', m.submit(review, {}))
      const r = await w.server.app.inject({ method: 'POST', url: `${API.reviews}/${review.id}/release`, headers: w.people[actor].session.writeHeaders })
      return `${r.statusCode}, ${(await rows(w, 'select 1 from responses where id = $1 and released_at is not null', [review.id])) ? 'released' : 'not released'}`
    },
  },
  {
    name: 'GET a blob',
    action: 'response.read',
    allowed: '200',
    refused: '404',
    async run(w, actor, place) {
      const { sha256 } = await w.recordWithPhoto(place)
      return String((await w.server.app.inject({ method: 'GET', url: `${API.blobs}/${sha256}`, headers: w.people[actor].session.readHeaders })).statusCode)
    },
  },
  {
    name: 'HEAD a blob',
    action: 'response.read',
    allowed: '200',
    refused: '404',
    async run(w, actor, place) {
      const { sha256 } = await w.recordWithPhoto(place)
      return String((await w.server.app.inject({ method: 'HEAD', url: `${API.blobs}/${sha256}`, headers: w.people[actor].session.readHeaders })).statusCode)
    },
  },
  {
    name: 'PUT a blob',
    action: 'response.fill',
    allowed: '201',
    refused: '403',
    async run(w, actor, place) {
      const h = w.draft('admin', place)
      const bytes = Buffer.from(crypto.randomUUID())
      const { createHash } = await import('node:crypto')
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      await w.push('admin', m.response(h), m.attachment(attachment(`put-${h.id}`, h.id, sha256, bytes.length)))
      const headers = { ...w.people[actor].session.writeHeaders, 'content-type': 'application/octet-stream' }
      return String((await w.server.app.inject({ method: 'PUT', url: `${API.blobs}/${sha256}`, headers, payload: bytes })).statusCode)
    },
  },
  {
    name: 'GET scopes',
    action: 'users.manage',
    allowed: '200',
    refused: '403',
    run: async (w, actor) => String((await w.server.app.inject({ method: 'GET', url: API.scopes, headers: w.people[actor].session.readHeaders })).statusCode),
  },
  {
    name: 'POST a scope',
    action: 'users.manage',
    allowed: '201, stored',
    refused: '403, not stored',
    async run(w, actor, place) {
      const scope = { id: `floor-${++n}`, parentId: place === 'in' ? 'b3' : 'b5', kind: 'floor', name: `楼层${n}` }
      const r = await w.server.app.inject({ method: 'POST', url: API.scopes, headers: w.people[actor].session.writeHeaders, payload: scope })
      return `${r.statusCode}, ${(await rows(w, 'select 1 from scopes where id = $1', [scope.id])) ? 'stored' : 'not stored'}`
    },
  },
  {
    name: 'PATCH a scope',
    action: 'users.manage',
    allowed: '200, renamed',
    refused: '403, unchanged',
    async run(w, actor, place) {
      const name = `改名${++n}`
      const r = await w.server.app.inject({ method: 'PATCH', url: `${API.scopes}/${PLACES[place].scopeId}`, headers: w.people[actor].session.writeHeaders, payload: { name } })
      return `${r.statusCode}, ${(await rows(w, 'select 1 from scopes where id = $1 and name = $2', [PLACES[place].scopeId, name])) ? 'renamed' : 'unchanged'}`
    },
  },
  {
    name: 'GET grants',
    action: 'users.manage',
    allowed: '200',
    refused: '403',
    run: async (w, actor) => String((await w.server.app.inject({ method: 'GET', url: API.grants, headers: w.people[actor].session.readHeaders })).statusCode),
  },
  {
    name: 'POST a grant',
    action: 'users.manage',
    allowed: '201, granted',
    refused: '403, not granted',
    async run(w, actor, place) {
      const userId = await addUser(w.server.db, `u${++n}`, PASSWORD)
      const r = await w.server.app.inject({ method: 'POST', url: API.grants, headers: w.people[actor].session.writeHeaders, payload: { userId, role: 'inspector', scopeId: PLACES[place].scopeId } })
      return `${r.statusCode}, ${(await rows(w, 'select 1 from role_grants where user_id = $1', [userId])) ? 'granted' : 'not granted'}`
    },
  },
  {
    name: 'DELETE a grant',
    action: 'users.manage',
    allowed: '200, revoked',
    refused: '403, kept',
    async run(w, actor, place) {
      const userId = await addUser(w.server.db, `u${++n}`, PASSWORD)
      const id = await w.grant(userId, 'viewer', PLACES[place].scopeId)
      const r = await w.server.app.inject({ method: 'DELETE', url: `${API.grants}/${id}`, headers: w.people[actor].session.writeHeaders })
      return `${r.statusCode}, ${(await rows(w, 'select 1 from role_grants where id = $1', [id])) ? 'kept' : 'revoked'}`
    },
  },
  {
    name: 'GET a template’s scopes',
    action: 'users.manage',
    allowed: '200',
    refused: '403',
    run: async (w, actor) => String((await w.server.app.inject({ method: 'GET', url: `${API.templateScopes}/dorm-room-safety`, headers: w.people[actor].session.readHeaders })).statusCode),
  },
  {
    name: 'PUT a template’s scopes',
    action: 'users.manage',
    allowed: '200, published',
    refused: '403, unchanged',
    async run(w, actor, place) {
      const scopeId = PLACES[place].scopeId
      const r = await w.server.app.inject({ method: 'PUT', url: `${API.templateScopes}/dorm-room-safety`, headers: w.people[actor].session.writeHeaders, payload: { scopeIds: [scopeId] } })
      const published = await rows(w, 'select 1 from template_scopes where template_id = $1 and scope_id = $2', ['dorm-room-safety', scopeId])
      await w.server.db.query('delete from template_scopes')
      return `${r.statusCode}, ${published ? 'published' : 'unchanged'}`
    },
  },
  {
    name: 'GET plans',
    action: 'response.read',
    allowed: 'listed',
    refused: 'not listed',
    async run(w, actor, place) {
      const plan = await planOn(w, place)
      return (await get<SyncPlan[]>(w, actor, API.plans)).some((p) => p.id === plan.id) ? 'listed' : 'not listed'
    },
  },
  {
    name: 'POST a plan',
    action: 'register.edit',
    allowed: '201, stored',
    refused: '403, not stored',
    async run(w, actor, place) {
      const plan = planInput({ scopeId: PLACES[place].scopeId, subjectIds: [`room-${place}`] })
      const r = await w.server.app.inject({ method: 'POST', url: API.plans, headers: w.people[actor].session.writeHeaders, payload: plan })
      return `${r.statusCode}, ${(await rows(w, 'select 1 from plans where id = $1', [plan.id])) ? 'stored' : 'not stored'}`
    },
  },
  {
    name: 'PUT a plan',
    action: 'register.edit',
    allowed: '200, changed',
    // 403 where the actor reads the plan, 404 where it does not even see it.
    refused: 'refused, unchanged',
    async run(w, actor, place) {
      const { people: _people, updatedAt: _updatedAt, ...plan } = await planOn(w, place)
      const r = await w.server.app.inject({ method: 'PUT', url: `${API.plans}/${plan.id}`, headers: w.people[actor].session.writeHeaders, payload: { ...plan, title: '改了' } })
      const changed = await rows(w, "select 1 from plans where id = $1 and body->>'title' = $2", [plan.id, '改了'])
      return `${[403, 404].includes(r.statusCode) ? 'refused' : r.statusCode}, ${changed ? 'changed' : 'unchanged'}`
    },
  },
  {
    name: 'GET the register',
    action: 'response.read',
    allowed: 'listed',
    refused: 'not listed',
    run: async (w, actor, place) => ((await get<SyncSubject[]>(w, actor, API.register)).some((s) => s.id === `room-${place}`) ? 'listed' : 'not listed'),
  },
  {
    name: 'PUT the register',
    action: 'register.edit',
    allowed: '200, stored',
    refused: '403, not stored',
    async run(w, actor, place) {
      const scopeId = PLACES[place].scopeId
      const id = `room:${place}/${++n}`
      const payload = { parentScopeId: scopeId, scopes: [], subjects: [{ id, kind: 'room', scopeId, fields: { room: String(n) }, label: `房间${n}` }] }
      const r = await w.server.app.inject({ method: 'PUT', url: API.register, headers: w.people[actor].session.writeHeaders, payload })
      return `${r.statusCode}, ${(await rows(w, 'select 1 from subjects where id = $1', [id])) ? 'stored' : 'not stored'}`
    },
  },
  {
    name: 'GET people',
    action: 'register.edit',
    allowed: 'listed',
    refused: 'not listed',
    async run(w, actor, place) {
      const userId = await addUser(w.server.db, `p${++n}`, PASSWORD)
      await w.grant(userId, 'inspector', PLACES[place].scopeId)
      return (await get<PersonSummary[]>(w, actor, API.people)).some((p) => p.id === userId) ? 'listed' : 'not listed'
    },
  },
  {
    name: 'import users',
    action: 'users.manage',
    allowed: '200, created',
    refused: '403, not created',
    async run(w, actor, place) {
      const username = `imp${++n}`
      const users = [{ username, displayName: '导入', role: 'inspector', scope: PLACES[place].scopeId }]
      const r = await w.server.app.inject({ method: 'POST', url: API.usersImport, headers: w.people[actor].session.writeHeaders, payload: { users } })
      return `${r.statusCode}, ${(await rows(w, 'select 1 from users where username = $1', [username])) ? 'created' : 'not created'}`
    },
  },
  {
    name: 'pull plans and register entries',
    action: 'response.read',
    allowed: 'plan,subject',
    refused: '',
    async run(w, actor, place) {
      const plan = await planOn(w, place)
      const { changes } = await w.pull(actor)
      const about = changes.filter((c) => (c.kind === 'plan' ? c.plan.id === plan.id : c.kind === 'subject' && c.subject.id === `room-${place}`))
      return about.map((c) => c.kind).sort().join(',')
    },
  },
  {
    // Reading a cycle takes any grant on its scope, above or below it: every role reads.
    name: 'GET cycles',
    action: 'response.read',
    allowed: 'listed',
    refused: 'not listed',
    async run(w, actor, place) {
      const cycle = await storedCycle(w, place)
      return (await get<SyncCycle[]>(w, actor, API.cycles)).some((c) => c.id === cycle.id) ? 'listed' : 'not listed'
    },
  },
  {
    name: 'POST a cycle',
    action: 'register.edit',
    allowed: '201, stored',
    refused: '403, not stored',
    async run(w, actor, place) {
      const cycle = cycleOn(place)
      const r = await w.server.app.inject({ method: 'POST', url: API.cycles, headers: w.people[actor].session.writeHeaders, payload: cycle })
      return `${r.statusCode}, ${(await rows(w, 'select 1 from cycles where id = $1', [cycle.id])) ? 'stored' : 'not stored'}`
    },
  },
  {
    name: 'PUT a cycle',
    action: 'register.edit',
    allowed: '200, changed',
    // 403 where the actor reads the cycle, 404 where it does not even see it.
    refused: 'refused, unchanged',
    async run(w, actor, place) {
      const cycle = inputOf(await storedCycle(w, place))
      const r = await w.server.app.inject({ method: 'PUT', url: `${API.cycles}/${cycle.id}`, headers: w.people[actor].session.writeHeaders, payload: { ...cycle, title: '改了' } })
      const changed = await rows(w, "select 1 from cycles where id = $1 and body->>'title' = $2", [cycle.id, '改了'])
      return `${[403, 404].includes(r.statusCode) ? 'refused' : r.statusCode}, ${changed ? 'changed' : 'unchanged'}`
    },
  },
  {
    name: 'release a cycle',
    action: 'register.edit',
    allowed: '200, released',
    refused: 'refused, not released',
    async run(w, actor, place) {
      const cycle = await storedCycle(w, place)
      const r = await w.server.app.inject({ method: 'POST', url: `${API.cycles}/${cycle.id}/release`, headers: w.people[actor].session.writeHeaders })
      const released = await rows(w, 'select 1 from cycles where id = $1 and released_at is not null', [cycle.id])
      return `${[403, 404].includes(r.statusCode) ? 'refused' : r.statusCode}, ${released ? 'released' : 'not released'}`
    },
  },
  {
    name: 'pull cycles',
    action: 'response.read',
    allowed: 'cycle',
    refused: '',
    async run(w, actor, place) {
      const cycle = await storedCycle(w, place)
      return (await w.pull(actor)).changes.filter((c) => c.kind === 'cycle' && c.cycle.id === cycle.id).map((c) => c.kind).join(',')
    },
  },
]

const PLACE_NAMES = Object.keys(PLACES) as Place[]
export const MATRIX_SIZE = ROUTES.length * ACTORS.length * PLACE_NAMES.length

describe.each(DATABASE_KINDS)('authorisation matrix on %s', (kind) => {
  let w: ScopedWorld
  const seen = { allowed: 0, refused: 0 }
  beforeAll(async () => {
    w = await scopedWorld(kind)
    await addBranches(w)
  }, 120_000)
  afterAll(async () => {
    await w?.server.close()
    // Both answers occur: a matrix where everything passes (or fails) proves nothing.
    expect(seen.allowed).toBeGreaterThan(0)
    expect(seen.refused).toBeGreaterThan(0)
    expect(seen.allowed + seen.refused).toBe(MATRIX_SIZE)
  })

  for (const route of ROUTES) {
    for (const actor of ACTORS) {
      for (const place of PLACE_NAMES) {
        it(`${route.name} as ${actor}, ${place === 'in' ? 'in scope' : 'out of scope'}`, async () => {
          const may = can(grantsOf(actor, w.people[actor].userId), tree, route.action, PLACES[place].scopeId)
          seen[may ? 'allowed' : 'refused']++
          expect(await route.run(w, actor, place)).toBe(may ? route.allowed : route.refused)
        })
      }
    }
  }
})
