import { describe, expect, it } from 'vitest'
import { historyKey, planIsEmpty, planMerge, fingerprint, type ExistingState, type MergePlan } from '@/core/exchange/bundle'
import type { BundleResponse } from '@/core/exchange/bundle'
import { T0, T1, T2, ans, content, existing, resp, row, tpl } from './builders'
import { encodeHlc } from '@/core/sync/hlc'

const NOW = '2026-03-05T00:00:00.000Z'

/** Applies a plan to an in-memory "device", the way the database layer does, for round trips. */
function apply(state: ExistingState, plan: MergePlan): ExistingState {
  const responses = new Map(state.responses)
  for (const r of plan.responses) {
    const { result: _result, ...plain } = r
    responses.set(r.response.id, { ...plain, response: { ...r.response, answers: { ...(responses.get(r.response.id)?.response.answers ?? {}) } } })
  }
  for (const a of plan.answers) {
    const r = responses.get(a.responseId) as BundleResponse
    r.response.answers[a.itemId] = a.answer
  }
  for (const [id, item] of plan.answerDeletes) delete (responses.get(id) as BundleResponse).response.answers[item]
  const history = new Set(state.history)
  for (const h of plan.history) history.add(historyKey(h.responseId, h.itemId, h.hash))
  const versions = new Map(state.versions)
  for (const v of plan.versions) versions.set(`${v.templateId}@${v.version}`, v.template)
  const templates = new Map(state.templates)
  for (const t of plan.templates) templates.set(t.id, t)
  const attachmentIds = new Set(state.attachmentIds)
  for (const a of plan.attachments) attachmentIds.add(a.id)
  const tasks = new Map(state.tasks)
  for (const t of plan.tasks) tasks.set(t.id, t)
  return { ...state, responses, history, versions, templates, attachmentIds, tasks }
}

describe('planMerge', () => {
  it('adds everything of a bundle to an empty device', () => {
    const plan = planMerge(content({ responses: [resp('101', { q1: ans('ok', T0) })] }), existing(), NOW)
    expect(plan.summary.responses.new).toBe(1)
    expect(plan.summary.answers.new).toBe(1)
    expect(plan.summary.templateVersions.new).toBe(1)
    expect(plan.summary.templates.new).toBe(1)
    expect(plan.answers).toEqual([{ responseId: '101', itemId: 'q1', answer: ans('ok', T0) }])
  })

  it('plans nothing when the same bundle is imported a second time, conflicts included', () => {
    const mine = resp('201', { q1: ans('bad', T2), q2: ans('ok', T0) }, { updatedAt: T2 }, 'device-b')
    const bundle = content({ responses: [resp('101', { q1: ans('ok', T0) }), resp('201', { q1: ans('ok', T1), q2: ans('bad', T1) }, { updatedAt: T1 })] })
    let device = existing({ responses: new Map([['201', mine]]) })
    const first = planMerge(bundle, device, NOW)
    expect(planIsEmpty(first)).toBe(false)
    device = apply(device, first)
    const second = planMerge(bundle, device, NOW)
    expect(planIsEmpty(second)).toBe(true)
    expect(second.summary.total.new + second.summary.total.updated + second.summary.total.conflicts).toBe(0)
  })

  it('keeps the newer answer of a room edited on two tablets and puts the other in history', () => {
    const mine = resp('201', { q1: ans('bad', T2), q2: ans('ok', T0) }, { updatedAt: T2 }, 'device-b')
    const theirs = resp('201', { q1: ans('ok', T1), q2: ans('bad', T1) }, { updatedAt: T1 })
    const plan = planMerge(content({ responses: [theirs] }), existing({ responses: new Map([['201', mine]]) }), NOW)
    // q1: mine is newer (T2) → kept, theirs to history. q2: theirs is newer (T1) → written, mine to history.
    expect(plan.answers).toEqual([{ responseId: '201', itemId: 'q2', answer: ans('bad', T1) }])
    expect(plan.history.map((h) => [h.itemId, h.from, h.answer.value])).toEqual([
      ['q1', 'incoming', 'ok'],
      ['q2', 'local', 'ok'],
    ])
    expect(plan.conflicts.map((c) => [c.itemId, c.kept])).toEqual([
      ['q1', 'local'],
      ['q2', 'incoming'],
    ])
    expect(plan.summary.responses.conflicts).toBe(1)
    expect(plan.summary.answers.conflicts).toBe(2)
  })

  it('orders two answers by their clocks, not by wall time: an edit made after seeing the other wins', () => {
    // Tablet B's date runs an hour fast: its answer says T2. Tablet A synced it, then corrected
    // it at A's own T1; A's clock moved past B's on receipt, so A's answer is the later edit.
    const seen = Date.parse(T2)
    const mine = resp('201', { q1: { ...ans('bad', T2), hlc: encodeHlc({ wall: seen, count: 0, node: 'device-b' }) } }, { updatedAt: T2 }, 'device-b')
    const corrected = { ...ans('ok', T1), hlc: encodeHlc({ wall: seen, count: 1, node: 'device-a' }) }
    const theirs = resp('201', { q1: corrected }, { updatedAt: T1 }, 'device-a')
    const plan = planMerge(content({ responses: [theirs] }), existing({ responses: new Map([['201', mine]]) }), NOW)
    expect(plan.answers).toEqual([{ responseId: '201', itemId: 'q1', answer: corrected }])
    expect(plan.history.map((h) => [h.itemId, h.from, h.answer.value])).toEqual([['q1', 'local', 'bad']])
  })

  it('orders an answer without a clock (an older build) by its updatedAt against one with a clock', () => {
    const legacy = ans('bad', T2)
    const clocked = { ...ans('ok', T1), hlc: encodeHlc({ wall: Date.parse(T1), count: 5, node: 'device-a' }) }
    const plan = planMerge(
      content({ responses: [resp('201', { q1: clocked }, { updatedAt: T1 }, 'device-a')] }),
      existing({ responses: new Map([['201', resp('201', { q1: legacy }, { updatedAt: T2 }, 'device-b')]]) }),
      NOW,
    )
    expect(plan.answers).toEqual([])
    expect(plan.history.map((h) => [h.itemId, h.from, h.answer.value])).toEqual([['q1', 'incoming', 'ok']])
  })

  it('ends with the same answers whichever of two bundles is imported first', () => {
    const a = resp('201', { q1: ans('ok', T1), q2: ans('bad', T0) }, { updatedAt: T1 }, 'device-a')
    const b = resp('201', { q1: ans('bad', T0), q2: ans('ok', T2) }, { updatedAt: T2 }, 'device-b')
    const run = (first: BundleResponse, second: BundleResponse): ExistingState => {
      let d = apply(existing(), planMerge(content({ responses: [first] }), existing(), NOW))
      d = apply(d, planMerge(content({ responses: [second] }), d, NOW))
      return d
    }
    const ab = run(a, b)
    const ba = run(b, a)
    expect(ab.responses.get('201')?.response.answers).toEqual({ q1: ans('ok', T1), q2: ans('ok', T2) })
    expect(ba.responses.get('201')?.response.answers).toEqual(ab.responses.get('201')?.response.answers)
    expect([...ab.history].sort()).toEqual([...ba.history].sort())
  })

  it('breaks a tie of equal updatedAt the same way on both devices', () => {
    const a = resp('201', { q1: ans('ok', T1) })
    const b = resp('201', { q1: ans('bad', T1) })
    const intoA = planMerge(content({ responses: [b] }), existing({ responses: new Map([['201', a]]) }), NOW)
    const intoB = planMerge(content({ responses: [a] }), existing({ responses: new Map([['201', b]]) }), NOW)
    const winnerInA = intoA.conflicts[0]?.kept === 'local' ? 'ok' : 'bad'
    const winnerInB = intoB.conflicts[0]?.kept === 'local' ? 'bad' : 'ok'
    expect(winnerInA).toBe(winnerInB)
  })

  it('never overwrites a submitted response with a draft of it', () => {
    const submitted = resp('201', { q1: ans('ok', T0), q2: ans('ok', T0) }, { status: 'submitted', submittedAt: T0, updatedAt: T0 })
    const laterDraft = resp('201', { q1: ans('bad', T2), q2: ans('ok', T0) }, { updatedAt: T2 })
    const plan = planMerge(
      content({ responses: [laterDraft], attachments: [{ id: 'p1', responseId: '201', itemId: 'q1', name: 'p.jpg', type: 'image/jpeg', size: 3, createdAt: T2 }] }),
      existing({ responses: new Map([['201', submitted]]) }),
      NOW,
    )
    expect(plan.responses).toEqual([])
    expect(plan.answers).toEqual([])
    expect(plan.attachments).toEqual([])
    expect(plan.summary.responses.skipped).toBe(1)
  })

  it('replaces a local draft by the submitted response and keeps the draft’s differing answers in history', () => {
    const draft = resp('201', { q1: ans('bad', T2), q2: ans('ok', T0) }, { updatedAt: T2 })
    const submitted = resp('201', { q1: ans('ok', T1) }, { status: 'submitted', submittedAt: T1, updatedAt: T1 })
    const plan = planMerge(content({ responses: [submitted] }), existing({ responses: new Map([['201', draft]]) }), NOW)
    expect(plan.responses[0]?.response.status).toBe('submitted')
    expect(plan.responses[0]?.result?.total).toBe(2)
    expect(plan.answers).toEqual([{ responseId: '201', itemId: 'q1', answer: ans('ok', T1) }])
    expect(plan.answerDeletes).toEqual([['201', 'q2']])
    expect(plan.history.map((h) => h.itemId).sort()).toEqual(['q1', 'q2'])
    expect(plan.conflicts.every((c) => c.reason === 'submittedWins' && c.kept === 'incoming')).toBe(true)
  })

  it('scores a submitted response from its template, never from numbers in the bundle', () => {
    const submitted = resp('301', { q1: ans('ok', T0), q2: ans('ok', T0) }, { status: 'submitted', submittedAt: T0 })
    const plan = planMerge(content({ responses: [submitted] }), existing(), NOW)
    expect(plan.responses[0]?.result).toMatchObject({ total: 4, max: 4 })
  })

  it('refuses a template version whose content differs from the same version here, with the responses filled on it', () => {
    const other = tpl(1, { title: '宿舍检查（改）' })
    const plan = planMerge(
      content({ responses: [resp('101', { q1: ans('ok', T0) })], tasks: [], attachments: [{ id: 'p1', responseId: '101', itemId: 'q1', name: 'p.jpg', type: 'image/jpeg', size: 3, createdAt: T0 }] }),
      existing({ versions: new Map([['dorm@1', other]]) }),
      NOW,
    )
    expect(plan.versions).toEqual([])
    expect(plan.responses).toEqual([])
    expect(plan.attachments).toEqual([])
    expect(plan.summary.templateVersions.refused).toBe(1)
    expect(plan.summary.responses.refused).toBe(1)
    expect(plan.refused[0]?.code).toBe('bundle.versionConflict')
    expect(plan.refused[0]?.message['zh-CN']).toContain('第 1 版')
    expect(plan.refused[0]?.message.en).toContain('version 1 differs')
  })

  it('treats the same template content with another key order or $schema as the same version', () => {
    const t = tpl()
    const reordered = JSON.parse(JSON.stringify({ sections: t.sections, title: t.title, version: 1, id: 'dorm', subject: t.subject, $schema: 'x' }))
    const plan = planMerge(content(), existing({ versions: new Map([['dorm@1', reordered]]) }), NOW)
    expect(plan.summary.templateVersions).toMatchObject({ skipped: 1, refused: 0 })
  })

  it('keeps the newer template row but never lowers the latest published version', () => {
    const mine = { ...row(3, T0) }
    const plan = planMerge(content({ templates: [{ ...row(2, T2), title: '新标题' }] }), existing({ templates: new Map([['dorm', mine]]) }), NOW)
    expect(plan.templates).toEqual([{ ...row(3, T2), title: '新标题' }])
  })

  it('adds one task per finding even when another device opened its own task for it', () => {
    const task = { id: 't-b', responseId: '101', itemId: 'q1', templateId: 'dorm', subject: {}, title: '电器', status: 'open' as const, deadline: '2026-03-08', createdAt: T0, updatedAt: T0 }
    const plan = planMerge(content({ tasks: [task] }), existing({ taskSlots: new Set(['101\u0000q1']) }), NOW)
    expect(plan.tasks).toEqual([])
    expect(plan.summary.tasks.skipped).toBe(1)
  })

  it('takes the newer state of a task known on both devices', () => {
    const open = { id: 't1', responseId: '101', itemId: 'q1', templateId: 'dorm', subject: {}, title: '电器', status: 'open' as const, deadline: '2026-03-08', createdAt: T0, updatedAt: T0 }
    const fixed = { ...open, status: 'rectified' as const, rectifiedAt: T1, updatedAt: T1 }
    expect(planMerge(content({ tasks: [fixed] }), existing({ tasks: new Map([['t1', open]]) }), NOW).tasks).toEqual([fixed])
    expect(planMerge(content({ tasks: [open] }), existing({ tasks: new Map([['t1', fixed]]) }), NOW).tasks).toEqual([])
  })

  it('does not record the same losing answer twice', () => {
    const mine = resp('201', { q1: ans('bad', T2) }, { updatedAt: T2 })
    const theirs = resp('201', { q1: ans('ok', T1) }, { updatedAt: T1 })
    const known = new Set([historyKey('201', 'q1', fingerprint(ans('ok', T1)))])
    const plan = planMerge(content({ responses: [theirs] }), existing({ responses: new Map([['201', mine]]), history: known }), NOW)
    expect(plan.history).toEqual([])
    expect(plan.summary.responses.skipped).toBe(1)
  })
})

describe('planMerge with times from the future (issue #11, finding 9)', () => {
  const FUTURE = '9999-12-31T23:59:59.000Z'
  const submittedHere = resp('201', { q1: ans('ok', T0), q2: ans('ok', T0) }, { status: 'submitted', submittedAt: T0, updatedAt: T0 }, 'device-b')

  it('never replaces a submitted record by a "submission" dated in the future, and says so', () => {
    const forged = resp('201', { q1: ans('bad', FUTURE), q2: ans('ok', T0) }, { status: 'submitted', submittedAt: FUTURE, updatedAt: FUTURE })
    const plan = planMerge(content({ responses: [forged] }), existing({ responses: new Map([['201', submittedHere]]) }), NOW)
    expect(plan.responses).toEqual([])
    expect(plan.answers).toEqual([])
    expect(plan.conflicts).toEqual([{ responseId: '201', itemId: 'q1', kept: 'local', reason: 'newerSubmission' }])
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'bundle.futureTimes', severity: 'warning' })])
    expect(plan.warnings[0]?.message['zh-CN']).toContain('9999-12-31')
    expect(plan.warnings[0]?.message.en).toContain('more than a day ahead')
  })

  it('still lets a later submission of the same response replace an earlier one', () => {
    const later = resp('201', { q1: ans('bad', T1), q2: ans('ok', T0) }, { status: 'submitted', submittedAt: T1, updatedAt: T1 })
    const plan = planMerge(content({ responses: [later] }), existing({ responses: new Map([['201', submittedHere]]) }), NOW)
    expect(plan.responses.map((r) => r.response.submittedAt)).toEqual([T1])
    expect(plan.warnings).toEqual([])
  })

  it('accepts a clock up to a day ahead', () => {
    const aheadHours = '2026-03-05T20:00:00.000Z'
    const later = resp('201', { q1: ans('bad', aheadHours) }, { status: 'submitted', submittedAt: aheadHours, updatedAt: aheadHours })
    const plan = planMerge(content({ responses: [later] }), existing({ responses: new Map([['201', submittedHere]]) }), NOW)
    expect(plan.responses).toHaveLength(1)
    expect(plan.warnings).toEqual([])
  })

  it('stores future times as the bundle’s export time, and a second import plans nothing', () => {
    const draft = resp('301', { q1: ans('ok', FUTURE) }, { updatedAt: FUTURE })
    const bundle = content({ templates: [row(1, FUTURE)], responses: [draft] })
    const first = planMerge(bundle, existing(), NOW)
    const exportedAt = bundle.manifest.createdAt
    expect(first.responses[0]?.response.updatedAt).toBe(exportedAt)
    expect(first.answers[0]?.answer.updatedAt).toBe(exportedAt)
    expect(first.templates[0]?.updatedAt).toBe(exportedAt)
    const device = apply(existing(), first)
    expect(planIsEmpty(planMerge(bundle, device, NOW))).toBe(true)
  })

  it('keeps this device’s draft answers when a draft from the future conflicts with them', () => {
    const mine = resp('201', { q1: ans('bad', T2) }, { updatedAt: T2 }, 'device-b')
    const theirs = resp('201', { q1: ans('ok', FUTURE) }, { updatedAt: FUTURE })
    const plan = planMerge(content({ responses: [theirs] }), existing({ responses: new Map([['201', mine]]) }), NOW)
    expect(plan.answers).toEqual([])
    expect(plan.conflicts).toEqual([{ responseId: '201', itemId: 'q1', kept: 'local', reason: 'newerAnswer' }])
  })
})
