/**
 * Convergence (issue #13): three tablets edit offline at random and sync in random orders over a
 * connection that fails at random; once everyone has synced, every tablet and the server hold the
 * same data, the data the merge rules say, and no committed answer is lost.
 *
 * Real code on every side: the app's repositories and sync engine on fake-indexeddb, the server's
 * `applyPush` / `pullChanges` on PGlite and PostgreSQL. Only HTTP is left out (support/wire.ts).
 *
 * A run is a random list of commands: a tablet starts a response, answers an item, edits the
 * header, submits, deletes (a draft or a submission), syncs, or time passes. Tablets share
 * responses through the server: a tablet edits what it has pulled. A sync may be cut at a random
 * request: before it reaches the server, or after the server committed it and before the tablet
 * hears back (so the tablet sends the batch again: it must be applied once), or in the middle of a
 * paged pull. A person may answer while their tablet syncs (between two of its requests), and all
 * three tablets may sync at once. Each tablet's clock is off the server's by a random skew, and
 * time moves by steps of 0 ms (equal clocks, broken by counters and device ids), 1 ms, 1 s or 1 min.
 *
 * After every sync: no answer of a draft went back to an older one, or away, on that tablet.
 *
 * Then every tablet syncs twice round without faults, and the test checks:
 * 1. every outbox is empty and nothing was refused (every generated edit is valid);
 * 2. the server holds exactly the reference model's state (support/model.ts), which is computed
 *    from the set of committed mutations with no regard to their order: headers by rank then
 *    clock, answers of the winning submission, or per item the latest clock of a draft;
 * 3. every tablet holds the server's headers, tombstones, answers and scores (a tablet scores
 *    submissions itself, so equal scores also say both scored the same answers);
 * 4. no answer lost: every committed answer of a response that is not deleted is, by content,
 *    its current answer or in the server's answer history.
 *
 * What is left out, on purpose: a draft's `updatedAt` on a tablet (an answer saved there moves the
 * local row's `updatedAt`, a list's sort key, without a header mutation, so it is not synced; every
 * other header field is compared); answer edits an outbox batch drops because a later edit of the
 * same answer from the same tablet is in the batch (engine.ts `latestAnswers`: autosave keystrokes,
 * not anyone's answer); answers of responses deleted in the end (a discard discards them).
 *
 * QINGDAN_CONVERGENCE_RUNS sets the number of runs per database (default 30: about 10 s on PGlite, 30 s on
 * PostgreSQL); QINGDAN_CONVERGENCE_SEED and QINGDAN_CONVERGENCE_PATH replay a reported failure.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Answer } from '@/core/format/types'
import type { ResponseHeader } from '@/core/sync'
import { createResponse, deleteResponse, saveAnswer, saveResponseFields, submitResponse, type QingdanDatabase } from '@/db'
import { listSyncErrors, pendingCount } from '@/db/repositories/sync'
import { runSync } from '@/sync/engine'
import type { Db } from '../../server/db/types'
import type { RequestAccount } from '../../server/http/account'
import { installShippedSamples } from '../../server/sync/samples'
import { sample } from '../fixtures/load'
import { DATABASE_KINDS, freshDatabase } from '../server/support/databases'
import { addAccount, resetSync } from '../server/sync/support/world'
import { expectedState, lostAnswers } from './support/model'
import { draftClocks, latest, openTablet, serverState, tabletState, wentBack } from './support/sides'
import { CutError, wire, type CommitLog, type Cut } from './support/wire'

const dorm = sample('dorm-room-safety')
const RUNS = Number(process.env.QINGDAN_CONVERGENCE_RUNS ?? 30)
/** Replays a reported failure: QINGDAN_CONVERGENCE_SEED and _PATH, as fast-check printed them. */
const replay =
  process.env.QINGDAN_CONVERGENCE_SEED === undefined
    ? {}
    : { seed: Number(process.env.QINGDAN_CONVERGENCE_SEED), path: process.env.QINGDAN_CONVERGENCE_PATH, endOnFailure: true }
/** 2026-03-01 08:00 UTC, the server's clock at the start of every run. */
const T0 = Date.UTC(2026, 2, 1, 8)

/** Fixed device ids: clock ties break by device id, so a counterexample replays the same way. */
const TABLETS = [
  { username: 'zhang', deviceId: '00000000-0000-4000-8000-00000000000a' },
  { username: 'li', deviceId: '00000000-0000-4000-8000-00000000000b' },
  { username: 'wang', deviceId: '00000000-0000-4000-8000-00000000000c' },
] as const

/** Items answered without evidence (a flag that needs a photo would block the submission), and values each may take. */
const ITEMS: ReadonlyArray<{ id: string; values: ReadonlyArray<string | number> }> = [
  { id: 'unlocked', values: [0, 1, 2, 3, 4] },
  { id: 'late-return', values: [0, 1] },
  { id: 'absent-night', values: [0, 1] },
  { id: 'winter-check', values: ['no', 'yes'] },
  { id: 'damage', values: ['no'] },
]
const NOTES = [undefined, '门锁已修', '见备注'] as const
const INSPECTORS = ['张老师', '李老师', '王老师'] as const

/** An answer given on a tablet: to which of its drafts, which item, which value and note (indexes). */
interface Edit {
  pick: number
  item: number
  value: number
  note: number
}

type Command =
  | { kind: 'start'; tablet: number; room: number }
  | ({ kind: 'answer'; tablet: number } & Edit)
  | { kind: 'fields'; tablet: number; pick: number; inspector: number; room: number }
  | { kind: 'submit'; tablet: number; pick: number }
  | { kind: 'delete'; tablet: number; pick: number }
  | { kind: 'sync'; tablet: number; cut: Cut | null; batchSize: number; pageSize: number; meanwhile: { at: number; edit: Edit } | null }
  | { kind: 'together'; cuts: Array<Cut | null> }
  | { kind: 'wait'; ms: number }

const tablet = fc.integer({ min: 0, max: TABLETS.length - 1 })
/** Which of the tablet's responses (in the order they were started): taken modulo their number. */
const pick = fc.nat(7)
const room = fc.nat(3)

const edit = fc.record({ pick, item: fc.nat(ITEMS.length - 1), value: fc.nat(4), note: fc.nat(NOTES.length - 1) })
/** Half the syncs fail at some request (or would, had they made that many). */
const cut = fc.option(fc.record({ at: fc.nat(4), when: fc.constantFrom('before' as const, 'after' as const) }), { nil: null, freq: 2 })
const start = fc.record({ kind: fc.constant('start' as const), tablet, room })
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: start },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('answer' as const), tablet }).chain((c) => edit.map((e) => ({ ...c, ...e }))) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fields' as const), tablet, pick, inspector: fc.nat(INSPECTORS.length - 1), room }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('submit' as const), tablet, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), tablet, pick }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      tablet,
      cut,
      batchSize: fc.constantFrom(1, 2, 500),
      pageSize: fc.constantFrom(1, 2, 1000),
      // An answer given while the sync runs, before its request `at`.
      meanwhile: fc.option(fc.record({ at: fc.nat(4), edit }), { nil: null, freq: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('together' as const), cuts: fc.array(cut, { minLength: TABLETS.length, maxLength: TABLETS.length }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(0, 1, 1000, 60_000) }) },
)

/** Each tablet's clock minus the server's: behind by 4 min, on time, ahead by 90 s or 5 min (the server accepts up to 10). */
const skews = fc.tuple(...TABLETS.map(() => fc.constantFrom(0, -240_000, 90_000, 300_000)))

type SyncOptions = Omit<Extract<Command, { kind: 'sync' }>, 'kind' | 'tablet'>

interface Run {
  /** The server's wall time. */
  now: number
  skews: readonly number[]
  tablets: QingdanDatabase[]
  /** Every response started, in order: commands pick among them by index. */
  started: string[]
  log: CommitLog
}

describe.each(DATABASE_KINDS)('three tablets syncing with %s', (kind) => {
  let server: Db
  let accounts: RequestAccount[]
  beforeAll(async () => {
    server = await freshDatabase(kind)
    accounts = []
    for (const t of TABLETS) accounts.push(await addAccount(server, t.username, t.deviceId))
  }, 60_000)
  afterAll(async () => {
    vi.useRealTimers()
    await server?.close()
  })

  /** Sets the clocks as tablet `i` reads them. */
  const on = (run: Run, i: number): QingdanDatabase => {
    vi.setSystemTime(run.now + run.skews[i]!)
    return run.tablets[i]!
  }

  /** The tablet's responses in the order they were started: its drafts, or all it holds. */
  const responsesOf = async (db: QingdanDatabase, run: Run, draftsOnly: boolean): Promise<string[]> => {
    const rows = await db.responses.toArray()
    const held = new Set(rows.filter((r) => !draftsOnly || r.status === 'draft').map((r) => r.id))
    return run.started.filter((id) => held.has(id))
  }
  const choose = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length])

  async function give(run: Run, db: QingdanDatabase, e: Edit): Promise<void> {
    const id = choose(await responsesOf(db, run, true), e.pick)
    if (id === undefined) return
    const item = ITEMS[e.item]!
    const note = NOTES[e.note]
    const answer: Answer = { value: item.values[e.value % item.values.length]!, ...(note !== undefined && { note }) }
    await saveAnswer(db, id, item.id, answer)
  }

  /**
   * One sync of tablet `i`. Besides converging in the end, no sync may take a draft's answer back
   * to an older one, or away, on the tablet's screen (a pull brings only what is newer).
   */
  async function sync(run: Run, i: number, options: SyncOptions, db = on(run, i)): Promise<void> {
    let before = await draftClocks(db)
    const { meanwhile } = options
    const transport = wire(server, accounts[i]!, run.log, {
      cut: options.cut ?? undefined,
      meanwhile: async (n) => {
        if (meanwhile?.at !== n) return
        await give(run, db, meanwhile.edit)
        before = latest(before, await draftClocks(db))
      },
    })
    try {
      await runSync(db, transport, { batchSize: options.batchSize, pageSize: options.pageSize })
    } catch (error) {
      // The cut, and nothing else: any other failure of a sync is a failure of the test.
      if (!(error instanceof CutError)) throw error
    }
    expect(wentBack(before, await draftClocks(db))).toEqual([])
  }

  async function step(run: Run, c: Command): Promise<void> {
    switch (c.kind) {
      case 'wait':
        run.now += c.ms
        return
      case 'start': {
        const row = await createResponse(on(run, c.tablet), {
          template: dorm,
          subject: { building: '3号楼', floor: 2, room: String(201 + c.room) },
          role: 'inspection',
          inspector: INSPECTORS[c.tablet]!,
        })
        run.started.push(row.id)
        return
      }
      case 'answer':
        return give(run, on(run, c.tablet), c)
      case 'fields': {
        const db = on(run, c.tablet)
        const id = choose(await responsesOf(db, run, true), c.pick)
        if (id === undefined) return
        await saveResponseFields(db, id, { inspector: INSPECTORS[c.inspector]!, subject: { building: '3号楼', floor: 2, room: String(201 + c.room) } })
        return
      }
      case 'submit': {
        const db = on(run, c.tablet)
        const id = choose(await responsesOf(db, run, true), c.pick)
        if (id !== undefined) await submitResponse(db, id, dorm)
        return
      }
      case 'delete': {
        const db = on(run, c.tablet)
        const id = choose(await responsesOf(db, run, false), c.pick)
        if (id !== undefined) await deleteResponse(db, id)
        return
      }
      case 'sync':
        return sync(run, c.tablet, c)
      case 'together':
        // Every tablet at once: pushes and pulls interleave on the server as they do in a
        // staffroom. One clock for all (their skews would only be interleaved at random).
        vi.setSystemTime(run.now)
        await Promise.all(run.tablets.map((db, i) => sync(run, i, { cut: c.cuts[i] ?? null, batchSize: 2, pageSize: 2, meanwhile: null }, db)))
        return
      default: {
        const never: never = c
        throw new Error(`unknown command ${JSON.stringify(never)}`)
      }
    }
  }

  /** A tablet's view of a header: a live draft's `updatedAt` is local (see the top comment). */
  const comparable = (headers: Map<string, ResponseHeader>): Map<string, ResponseHeader> =>
    new Map([...headers].map(([id, h]) => [id, h.status === 'draft' && !h.deleted ? { ...h, updatedAt: '(local)' } : h]))

  async function converged(run: Run): Promise<void> {
    for (const db of run.tablets) {
      expect(await pendingCount(db)).toBe(0)
      expect(await listSyncErrors(db)).toEqual([])
    }
    const expected = expectedState(run.log)
    const held = await serverState(server)
    expect(held.headers).toEqual(expected.headers)
    expect(held.answers).toEqual(expected.answers)
    for (const db of run.tablets) {
      const mine = await tabletState(db)
      expect(comparable(mine.headers)).toEqual(comparable(held.headers))
      expect(mine.answers).toEqual(held.answers)
      expect(mine.scores).toEqual(held.scores)
    }
    expect(lostAnswers(run.log, expected, held.answers, held.history)).toEqual([])
  }

  async function play(commands: Command[], skew: readonly number[]): Promise<void> {
    await resetSync(server)
    vi.useFakeTimers({ toFake: ['Date'], now: T0 })
    await installShippedSamples(server, [dorm], new Date(T0))
    const run: Run = { now: T0, skews: skew, tablets: [], started: [], log: [] }
    try {
      for (const t of TABLETS) run.tablets.push(await openTablet(t.deviceId, dorm))
      for (const c of commands) await step(run, c)
      // Everyone online: a first round pushes everything; after the second, everyone has pulled it all.
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < TABLETS.length; i++) await sync(run, i, { cut: null, batchSize: 500, pageSize: 1000, meanwhile: null })
      }
      await converged(run)
    } finally {
      vi.useRealTimers()
      for (const db of run.tablets) await db.delete()
    }
  }

  it(
    'brings every tablet and the server to the state the merge rules say, losing no answer',
    async () => {
      await fc.assert(
        // A run starts a response first: a run with none would test nothing.
        fc.asyncProperty(start, fc.array(command, { maxLength: 80, size: 'max' }), skews, (first, rest, skew) => play([first, ...rest], skew)),
        { numRuns: RUNS, ...replay },
      )
    },
    // Shrinking a failure replays runs: room for it beyond the 10-40 s a passing check takes.
    300_000,
  )
})
