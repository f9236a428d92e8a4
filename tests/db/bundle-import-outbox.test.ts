/**
 * Issue #13: a bundle import enqueues what it changed, so data carried by file reaches the server
 * too, each record with its own clock (an import is not a new edit).
 */
import { describe, expect, it } from 'vitest'
import { legacyHlc } from '@/core/sync/hlc'
import { applyPlan, prepareImport } from '@/db/repositories/bundle-import'
import { T0, T1, ans, content, resp } from '../core/exchange/bundle/builders'
import { freshDb } from './helpers'

describe('applyPlan and the outbox', () => {
  it('enqueues the imported template, version, draft, answers, submission and attachment', async () => {
    const db = freshDb()
    const draft = resp('101', { q1: ans('ok', T0) })
    const submitted = resp('102', { q1: ans('bad', T1), q2: ans('ok', T1) }, { status: 'submitted', submittedAt: T1, updatedAt: T1 })
    const attachment = { id: 'p1', responseId: '101', itemId: 'q1', name: 'p.jpg', type: 'image/jpeg', size: 3, createdAt: T0 }
    const plan = await prepareImport(db, content({ responses: [draft, submitted], attachments: [attachment] }))
    if (!plan.ok) throw new Error(plan.issues.map((i) => i.code).join())
    await applyPlan(db, plan.value, new Map([['p1', new Blob(['abc'])]]))

    const outbox = await db.outbox.toArray()
    expect(outbox.map((m) => m.kind)).toEqual(['template', 'templateVersion', 'response', 'submit', 'answer', 'attachment'])
    const answer = outbox.find((m) => m.kind === 'answer')
    expect(answer).toMatchObject({ responseId: '101', itemId: 'q1', answer: { value: 'ok', hlc: legacyHlc(T0) } })
    const submit = outbox.find((m) => m.kind === 'submit')
    expect(submit?.kind === 'submit' && Object.keys(submit.answers).sort()).toEqual(['q1', 'q2'])
    expect(submit?.kind === 'submit' && submit.response).toMatchObject({ id: '102', status: 'submitted', hlc: legacyHlc(T1) })
    expect(await db.uploads.toArray()).toEqual([{ id: 'p1' }])
    expect((await db.attachments.get('p1'))?.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('enqueues nothing when the import changes nothing', async () => {
    const db = freshDb()
    // formatVersion as every exported response carries it (the stored row is read back with it).
    const bundle = content({ responses: [resp('101', { q1: ans('ok', T0) }, { formatVersion: 1 })] })
    const first = await prepareImport(db, bundle)
    if (!first.ok) throw new Error('invalid')
    await applyPlan(db, first.value, new Map())
    const count = await db.outbox.count()
    const again = await prepareImport(db, bundle)
    if (!again.ok) throw new Error('invalid')
    await applyPlan(db, again.value, new Map())
    expect(await db.outbox.count()).toBe(count)
  })
})
