/** The shipped samples are on the server from its start, so responses filled on them are accepted. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { applyPush } from '../../../server/sync/push'
import { pullChanges } from '../../../server/sync/pull'
import { installShippedSamples, readShippedSamples, SAMPLES_DIR } from '../../../server/sync/samples'
import type { Template } from '@/core/format/types'
import { DATABASE_KINDS } from '../support/databases'
import { answer, clock, header, m, NOW, Outbox } from './support/builders'
import { resetSync, syncWorld, type SyncWorld } from './support/world'

const RID = '00000000-0000-4000-8000-000000000301'

describe.each(DATABASE_KINDS)('shipped samples on %s', (kind) => {
  let w: SyncWorld
  let samples: Template[]
  beforeAll(async () => {
    w = await syncWorld(kind)
    samples = await readShippedSamples()
  })
  afterAll(async () => {
    await w.db.close()
  })
  beforeEach(async () => {
    await resetSync(w.db)
  })

  it('installs every sample file once; a second start adds nothing', async () => {
    expect(samples.map((s) => s.id).length).toBe(readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.json')).length)
    expect(await installShippedSamples(w.db, samples)).toBe(samples.length)
    expect(await installShippedSamples(w.db, samples)).toBe(0)
    const rows = await w.db.query<{ n: number }>('select count(*)::int as n from template_versions')
    expect(Number(rows[0]!.n)).toBe(samples.length)
  })

  it('accepts a response on a sample that no device pushed, and the same sample pushed again is no conflict', async () => {
    await installShippedSamples(w.db, samples)
    const a = w.a.deviceId
    const box = new Outbox(a)
    const result = await applyPush(w.db, w.a, box.batch(m.response(header(RID, clock(1, a))), m.answer(RID, 'unlocked', answer(1, clock(1, a, 1)))), NOW)
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied'])
    const again = await applyPush(w.db, w.a, box.batch(m.version()), NOW)
    expect(again.results.map((r) => r.status)).toEqual(['same'])
  })

  it('a new device pulls the sample versions exactly as the files hold them', async () => {
    await installShippedSamples(w.db, samples)
    const page = await pullChanges(w.db, w.b, 0, 100)
    const versions = page.changes.flatMap((c) => (c.kind === 'templateVersion' ? [c.version] : []))
    expect(versions.map((v) => `${v.templateId}@${v.version}`).sort()).toEqual(samples.map((s) => `${s.id}@${s.version}`).sort())
    const dorm = samples.find((s) => s.id === 'dorm-room-safety')!
    expect(versions.find((v) => v.templateId === dorm.id)!.template).toEqual(dorm)
  })
})
