import { afterEach, describe, expect, it } from 'vitest'
import {
  createResponse,
  getResponse,
  getTemplateVersion,
  installSamples,
  listPublishedTemplates,
  saveAnswer,
  type QingdanDatabase,
} from '@/db'
import { freshDb, template } from './helpers'

let db: QingdanDatabase
afterEach(async () => db?.delete())

const T0 = '2025-03-01T08:00:00.000Z'
const T1 = '2025-04-01T08:00:00.000Z'

describe('installSamples', () => {
  it('installs each sample as a published template with its frozen version', async () => {
    db = freshDb()
    const result = await installSamples(db, [template('dorm', 1, ['a', 'b', 'c']), template('conduct', 1)], T0)
    expect(result.installed).toEqual(['dorm@1', 'conduct@1'])
    expect(await db.templates.get('dorm')).toMatchObject({ status: 'published', latestVersion: 1, source: 'sample' })
    expect(await getTemplateVersion(db, 'dorm', 1)).toMatchObject({ itemCount: 3, publishedAt: T0 })
    expect((await listPublishedTemplates(db)).map((v) => v.templateId).sort()).toEqual(['conduct', 'dorm'])
  })

  it('is idempotent: installing the same samples again changes nothing', async () => {
    db = freshDb()
    await installSamples(db, [template('dorm', 1)], T0)
    const before = await db.templates.toArray()
    expect((await installSamples(db, [template('dorm', 1)], T1)).installed).toEqual([])
    expect(await db.templates.toArray()).toEqual(before)
    expect(await db.templateVersions.count()).toBe(1)
  })

  it('adds a new sample version without touching the response filled on version 1', async () => {
    db = freshDb()
    const v1 = template('dorm', 1)
    await installSamples(db, [v1], T0)
    const response = await createResponse(db, { template: v1, subject: { building: 'A', room: 201 }, role: 'self', inspector: '王老师' })
    await saveAnswer(db, response.id, 'q1', { value: 'ok' })
    const filled = await getResponse(db, response.id)
    const frozenV1 = await getTemplateVersion(db, 'dorm', 1)

    const v2 = template('dorm', 2, ['q1', 'q2', 'q3'])
    expect((await installSamples(db, [v2], T1)).installed).toEqual(['dorm@2'])

    expect(await getTemplateVersion(db, 'dorm', 2)).toMatchObject({ template: v2, itemCount: 3 })
    expect(await getTemplateVersion(db, 'dorm', 1)).toEqual(frozenV1)
    expect(await getResponse(db, response.id)).toEqual(filled)
    expect((await listPublishedTemplates(db)).map((v) => [v.templateId, v.version])).toEqual([['dorm', 2]])
  })

  it('keeps a user draft and an archived status when a new sample version arrives', async () => {
    db = freshDb()
    await installSamples(db, [template('dorm', 1)], T0)
    const draft = { ...template('dorm', 2), title: '我的宿舍检查' }
    // `put`, not `update`: Dexie's update typing recurses forever over the Template type.
    await db.templates.put({ ...(await db.templates.get('dorm'))!, draft, title: draft.title, status: 'archived' })
    await installSamples(db, [template('dorm', 2)], T1)
    expect(await db.templates.get('dorm')).toMatchObject({ draft, title: '我的宿舍检查', status: 'archived', latestVersion: 2 })
  })

  it('never replaces a version the user already published under the same number', async () => {
    db = freshDb()
    await installSamples(db, [template('dorm', 1)], T0)
    const mine = { ...template('dorm', 2), title: 'edited by the user' }
    await db.templateVersions.add({ templateId: 'dorm', version: 2, template: mine, publishedAt: T0, itemCount: 2 })
    expect((await installSamples(db, [template('dorm', 2)], T1)).installed).toEqual([])
    expect((await getTemplateVersion(db, 'dorm', 2))?.template.title).toBe('edited by the user')
  })

  it('does not bring back a sample the user deleted', async () => {
    db = freshDb()
    await installSamples(db, [template('dorm', 1)], T0)
    await db.templates.delete('dorm')
    await db.templateVersions.where('templateId').equals('dorm').delete()
    expect((await installSamples(db, [template('dorm', 1)], T1)).installed).toEqual([])
    expect(await db.templates.count()).toBe(0)
  })

  it('does not lower the latest version when an older sample version fills a gap', async () => {
    db = freshDb()
    await installSamples(db, [template('dorm', 3)], T0)
    await installSamples(db, [template('dorm', 2)], T1)
    expect((await db.templates.get('dorm'))?.latestVersion).toBe(3)
  })
})

describe('listPublishedTemplates', () => {
  it('leaves out archived templates and drafts never published', async () => {
    db = freshDb()
    await installSamples(db, [template('a', 1), template('b', 1)], T0)
    await db.templates.put({ ...(await db.templates.get('b'))!, status: 'archived' })
    await db.templates.add({ id: 'c', title: 'c', status: 'draft', latestVersion: 0, source: 'user', createdAt: T0, updatedAt: T0, draft: template('c', 1) })
    expect((await listPublishedTemplates(db)).map((v) => v.templateId)).toEqual(['a'])
  })
})
