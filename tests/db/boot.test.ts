import { afterEach, describe, expect, it, vi } from 'vitest'
import { ensureSamplesInstalled, getDb, listPublishedTemplates, loadShippedSamples, setDb, type QingdanDatabase } from '@/db'
import { shippedSampleKeys } from '@/db/samples'
import { freshDb, template } from './helpers'

let db: QingdanDatabase
afterEach(async () => db?.delete())

describe('ensureSamplesInstalled', () => {
  it('installs the samples once per database, however often the app calls it', async () => {
    db = freshDb()
    const load = vi.fn(async () => [template('dorm', 1)])
    await Promise.all([ensureSamplesInstalled(db, load), ensureSamplesInstalled(db, load)])
    await ensureSamplesInstalled(db, load)
    expect(load).toHaveBeenCalledTimes(1)
    expect((await listPublishedTemplates(db)).map((v) => v.templateId)).toEqual(['dorm'])
  })

  it('tries again after a failure instead of remembering it', async () => {
    db = freshDb()
    const load = vi
      .fn<() => Promise<ReturnType<typeof template>[]>>()
      .mockRejectedValueOnce(new Error('chunk failed to load'))
      .mockResolvedValue([template('dorm', 1)])
    await expect(ensureSamplesInstalled(db, load)).rejects.toThrow('chunk failed to load')
    await ensureSamplesInstalled(db, load)
    expect(await db.templateVersions.count()).toBe(1)
  })

  it('loads no sample on a later start once every shipped sample is installed', async () => {
    db = freshDb()
    await ensureSamplesInstalled(db, async () => [template('dorm', 1)], ['dorm@1'])
    // A later start: the same stored database, opened anew (the memo is per database object).
    const later = freshDb(db.name)
    const load = vi.fn(async () => [template('dorm', 1)])
    await ensureSamplesInstalled(later, load, ['dorm@1'])
    expect(load).not.toHaveBeenCalled()
    // An update that ships a new sample loads them again, and installs only the new one.
    const next = freshDb(db.name)
    const update = vi.fn(async () => [template('dorm', 1), template('conduct', 1)])
    await ensureSamplesInstalled(next, update, ['conduct@1', 'dorm@1'])
    expect(update).toHaveBeenCalledTimes(1)
    expect((await listPublishedTemplates(next)).map((v) => v.templateId).sort()).toEqual(['conduct', 'dorm'])
    later.close()
    next.close()
  })

  it('installs into the app database set with setDb when given none', async () => {
    db = freshDb()
    setDb(db)
    expect(getDb()).toBe(db)
    await ensureSamplesInstalled(undefined, async () => [template('conduct', 1)])
    expect(await db.templates.get('conduct')).toBeDefined()
  })
})

describe('loadShippedSamples', () => {
  it('loads every JSON file of schemas/samples as a template with an id and a version', async () => {
    const samples = await loadShippedSamples()
    expect(samples.length).toBeGreaterThan(0)
    for (const s of samples) {
      expect(typeof s.id).toBe('string')
      expect(Number.isInteger(s.version)).toBe(true)
    }
    expect(new Set(samples.map((s) => `${s.id}@${s.version}`)).size).toBe(samples.length)
  })

  it('knows every shipped id@version without loading the samples', async () => {
    const samples = await loadShippedSamples()
    expect(shippedSampleKeys()).toEqual(samples.map((s) => `${s.id}@${s.version}`).sort())
  })

  it('installs every shipped sample into a fresh database, ready to fill', async () => {
    db = freshDb()
    const samples = await loadShippedSamples()
    await ensureSamplesInstalled(db, loadShippedSamples)
    const published = await listPublishedTemplates(db)
    expect(published.map((v) => v.templateId).sort()).toEqual(samples.map((s) => s.id).sort())
    for (const v of published) expect(v.itemCount).toBeGreaterThan(0)
  })
})
