/** A cycle's `subjects` is the server's (#15): the key fields of its branches as the register holds them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API, type ApiError, type CycleInput, type PullResponse, type SyncCycle } from '@/core/sync/protocol'
import type { SignedIn } from '../support/app'
import { DATABASE_KINDS } from '../support/databases'
import { scopedWorld, type ScopedWorld } from '../access/support/world'
import { refusal } from '../plans/support'
import { addBranch, addBranches, branchOf, cycleInput, inputOf } from './support'

describe.each(DATABASE_KINDS)('the subjects of a cycle on %s', (kind) => {
  let w: ScopedWorld
  beforeAll(async () => {
    w = await scopedWorld(kind)
    await addBranches(w)
  }, 120_000)
  afterAll(async () => {
    await w?.server.close()
  })

  let branches = 0
  /** A new branch on 3号楼's floor with these register fields; its id. */
  const branch = async (fields: Record<string, string | number>): Promise<string> => {
    const id = `branch-${++branches}`
    await addBranch(w, id, 'b3f3', fields)
    return id
  }
  const admin = (): SignedIn => w.people.admin.session
  const post = (cycle: CycleInput) => w.server.app.inject({ method: 'POST', url: API.cycles, headers: admin().writeHeaders, payload: cycle })
  const put = (cycle: CycleInput) => w.server.app.inject({ method: 'PUT', url: `${API.cycles}/${encodeURIComponent(cycle.id)}`, headers: admin().writeHeaders, payload: cycle })
  const body = async (id: string): Promise<SyncCycle | undefined> => (await w.server.db.query<{ body: SyncCycle }>('select body from cycles where id = $1', [id]))[0]?.body

  it('derives the subjects from the register in the order of subjectIds, trimmed, whatever the device sent', async () => {
    const spaced = await branch({ building: ' 3号楼 ', floor: 3, room: '\t302 ' })
    const numbered = await branch({ building: '3号楼', floor: 3, room: 303 })
    const input = cycleInput({ subjectIds: [spaced, branchOf('in'), numbered], subjects: [{ building: '9号楼', room: '999' }] })
    const r = await post(input)
    expect(r.statusCode).toBe(201)
    const saved = r.json<SyncCycle>()
    const expected = [
      { building: '3号楼', room: '302' },
      { building: '3号楼', room: '301' },
      { building: '3号楼', room: '303' },
    ]
    expect(saved.subjects).toEqual(expected)
    expect(await body(input.id)).toEqual(saved)
    const page = (await w.server.app.inject({ method: 'GET', url: `${API.pull}?after=0&limit=5000`, headers: admin().readHeaders })).json<PullResponse>()
    expect(page.changes.flatMap((c) => (c.kind === 'cycle' && c.cycle.id === input.id ? [c.cycle.subjects] : []))).toEqual([expected])

    // Without `subjects`, and with one the cycle schema would refuse: the same derivation.
    const { subjects: _subjects, ...bare } = cycleInput({ subjectIds: [numbered] })
    const derived = await post(bare)
    expect(derived.statusCode).toBe(201)
    expect(derived.json<SyncCycle>().subjects).toEqual([{ building: '3号楼', room: '303' }])
    const malformed = await post(cycleInput({ subjectIds: [numbered], subjects: [{ nowhere: '' }, { nowhere: '' }] }))
    expect(malformed.statusCode).toBe(201)
    expect(malformed.json<SyncCycle>().subjects).toEqual([{ building: '3号楼', room: '303' }])
  })

  it('refuses a branch without a key value, or with the key of another branch, at its place in subjectIds, and stores nothing', async () => {
    const noRoom = await branch({ building: '3号楼', floor: 3 })
    const blankRoom = await branch({ building: '3号楼', floor: 3, room: '  ' })
    const twin = await branch({ building: '3号楼 ', floor: 4, room: '301' })
    const input = cycleInput({ subjectIds: [branchOf('in'), noRoom, 'branch-nowhere', blankRoom, twin] })
    const r = await post(input)
    expect(r.statusCode).toBe(400)
    const refused = r.json<ApiError>()
    expect(refusal(refused)).toEqual(['subjectKeyMissing /subjectIds/1', 'subjectNotFound /subjectIds/2', 'subjectKeyMissing /subjectIds/3', 'duplicateSubjectKey /subjectIds/4'])
    expect(refused.issues?.[0]?.params).toEqual({ id: noRoom, field: 'room' })
    expect(refused.issues?.[3]?.params).toEqual({ id: twin, other: branchOf('in') })
    for (const issue of refused.issues!) {
      expect(issue.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
      expect(issue.message.en).toMatch(/^[\x20-\x7e]+$/)
    }
    expect(await body(input.id)).toBeUndefined()

    // The same branches under another key are fine: the key decides what a branch must have.
    const byBuildingAndFloor = await post(cycleInput({ subjectKey: ['building', 'floor'], subjectIds: [noRoom, twin] }))
    expect(byBuildingAndFloor.statusCode).toBe(201)
    expect(byBuildingAndFloor.json<SyncCycle>().subjects).toEqual([
      { building: '3号楼', floor: '3' },
      { building: '3号楼', floor: '4' },
    ])
  })

  it('derives them again on every replacement, and keeps the stored cycle when a replacement is refused', async () => {
    const moving = await branch({ building: '3号楼', floor: 3, room: '304' })
    const created = await post(cycleInput({ subjectIds: [moving] }))
    expect(created.statusCode).toBe(201)
    const cycle = created.json<SyncCycle>()
    expect(cycle.subjects).toEqual([{ building: '3号楼', room: '304' }])

    // The register renames the room: a replacement sending the old subjects gets the new ones.
    await w.server.db.query(`update subjects set fields = $2::text::jsonb where id = $1`, [moving, JSON.stringify({ building: '3号楼', floor: 3, room: '305' })])
    w.server.clock.advance(60_000)
    const replaced = await put({ ...inputOf(cycle), title: '复评' })
    expect(replaced.statusCode).toBe(200)
    expect(replaced.json<SyncCycle>().subjects).toEqual([{ building: '3号楼', room: '305' }])

    // Then it loses the room: the next replacement is refused and the stored cycle stays.
    await w.server.db.query(`update subjects set fields = $2::text::jsonb where id = $1`, [moving, JSON.stringify({ building: '3号楼', floor: 3 })])
    const kept = await body(cycle.id)
    const refused = await put({ ...inputOf(replaced.json<SyncCycle>()), title: '再评' })
    expect(refused.statusCode).toBe(400)
    expect(refusal(refused.json<ApiError>())).toEqual(['subjectKeyMissing /subjectIds/0'])
    expect(await body(cycle.id)).toEqual(kept)
    expect(kept?.title).toBe('复评')
  })
})
