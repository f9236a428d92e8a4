/**
 * Issue #13, proof 2: PostgreSQL restarted under the running server (immediate shutdown, as after
 * a crash), once in the middle of a push and once between two syncs. The server process stays up,
 * the device keeps what was not acknowledged, and in the end the database holds every mutation
 * once. The cluster is the test's own (scripts/pg-temp.mjs), never the shared test cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API } from '@/core/sync'
import { runSync } from '@/sync/engine'
import { findPostgresBin, startTempPostgres, type TempPostgres } from '../../../scripts/pg-temp.mjs'
import { dormItemIds, editAnswers, fillRooms, signedInDevice, type Device } from './support/device'
import { pushWriting, recordAnswers, statusCounts } from './support/observe'
import { ADMIN, counts, faultServer, type FaultServer } from './support/server'

const ITEMS = dormItemIds().length
const bin = findPostgresBin()
if (!bin) {
  console.warn(
    '\n*** tests/server/faults/postgres-restart.test.ts is SKIPPED: no PostgreSQL under /usr/lib/postgresql ' +
      "(install Debian's `postgresql` package, as .ci/run does). PostgreSQL restarts are NOT tested. ***\n",
  )
}

describe.runIf(bin)('PostgreSQL restarted under the server (immediate shutdown)', () => {
  let cluster: TempPostgres | undefined
  let server: FaultServer
  let tablet: Device
  let responseIds: string[]
  beforeAll(async () => {
    // fsync on: an immediate shutdown must not lose a commit the server acknowledged.
    cluster = await startTempPostgres({ fsync: true })
    server = await faultServer('postgres', cluster.url)
    tablet = await signedInDevice(server.proc.url, ADMIN.username, ADMIN.password)
  }, 90_000)
  afterAll(async () => {
    await server?.close()
    await cluster?.stop()
  })

  it('rolls a push in flight back whole; the server stays up and the device sends it again', { timeout: 60_000 }, async () => {
    responseIds = await fillRooms(tablet.db, 40)
    await editAnswers(tablet.db, responseIds, 200)
    const outbox = await tablet.db.outbox.toArray()
    expect(outbox).toHaveLength(1280)
    const answersUpTo = (seq: number) => new Set(outbox.flatMap((m) => (m.kind === 'answer' && m.seq <= seq ? [`${m.responseId}/${m.itemId}`] : []))).size

    const answers = recordAnswers(tablet.wire)
    const recorded = tablet.wire.fault
    let pushes = 0
    let restartedWhile: string | undefined
    let restartMs = 0
    tablet.wire.fault = async (request, send) => {
      if (request.path !== API.push || ++pushes !== 2) return recorded(request, send)
      // A push writes in one statement just before COMMIT (server/sync/apply/state.ts): the
      // device's row, held here, keeps that statement waiting, so the restart finds the push
      // uncommitted however fast the machine is.
      let release = (): void => undefined
      let locked = (): void => undefined
      const isLocked = new Promise<void>((resolve) => (locked = resolve))
      const holding = server.direct!.transaction(async (tx) => {
        await tx.query('select 1 from device_sync where device_id = $1 for update', [tablet.deviceId])
        locked()
        await new Promise<void>((resolve) => (release = resolve))
      })
      holding.catch(() => undefined)
      await isLocked
      const sending = recorded(request, send)
      sending.catch(() => undefined)
      restartedWhile = await pushWriting(server.direct!, 'insert into answers')
      const t0 = Date.now()
      await cluster!.restart('immediate')
      restartMs = Date.now() - t0
      release()
      return sending
    }
    const pid = server.proc.pid()
    const failed = await runSync(tablet.db, tablet.transport).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(restartedWhile, 'PostgreSQL was restarted before the push wrote anything').toBeDefined()
    const health = await fetch(server.proc.url + API.health).then((r) => r.status, () => 0)
    expect(health, `the server process did not survive:\n${server.proc.output().slice(-3000)}`).toBe(200)
    expect(server.proc.pid()).toBe(pid)
    // The server answered 5xx (its transaction died with the connection): worth retrying later.
    expect(failed).toMatchObject({ name: 'TransportError', failure: 'server' })
    expect(await tablet.db.outbox.count()).toBe(780)
    // Nothing of the second push: the first push alone.
    expect(await counts(server.direct!, { deviceId: tablet.deviceId, responseIds })).toMatchObject({ answers: answersUpTo(500), appliedSeq: 500 })

    const report = await runSync(tablet.db, tablet.transport)
    expect(report.refused).toEqual([])
    expect(answers.map(statusCounts)).toEqual([{ applied: 500 }, { applied: 500 }, { applied: 280 }])
    expect(await tablet.db.outbox.count()).toBe(0)
    expect(await counts(server.direct!, { deviceId: tablet.deviceId, responseIds })).toEqual({
      responses: 40,
      answers: 40 * ITEMS,
      history: 200,
      historyRepeats: 0,
      blobs: 0,
      appliedSeq: 1280,
    })
    console.info(`[faults] PostgreSQL restarted (immediate, ${restartMs} ms) while push 2 ran "${restartedWhile?.slice(0, 40)}…": rolled back whole, re-sent, all 1,280 mutations arrived once`)
  })

  it('serves the first sync after a restart between syncs (no stale pooled connection fails it)', { timeout: 60_000 }, async () => {
    await editAnswers(tablet.db, responseIds.slice(10), 30)
    await cluster!.restart('immediate')
    const report = await runSync(tablet.db, tablet.transport)
    expect(report).toMatchObject({ pushed: 30, refused: [] })
    expect(await counts(server.direct!, { deviceId: tablet.deviceId, responseIds })).toMatchObject({ answers: 40 * ITEMS, history: 230, historyRepeats: 0, appliedSeq: 1310 })
  })
})
