/**
 * Fakes for the cycle store and pages (#15): a cycle of three branches and a panel of two, the
 * register entries, responses, and stand-ins for the core's progress and evidence arithmetic so
 * these tests check the app's joining and showing, not the core (tested on its own).
 */
import type { CycleProgress, EvidenceCompleteness } from '@/core/cycles'
import type { Response, Role, Template } from '@/core/format/types'
import type { RegisterSubject } from '@/core/register'
import type { SyncCycle } from '@/core/sync/protocol'
import type { CycleResponse, CyclesRepo } from '@/stores/cycles'
import type { ResponseRow } from '@/db/rows'

export function branch(name: string): RegisterSubject {
  return { id: `branch:${name}`, kind: 'branch', scopeId: `branch:${name}`, fields: { branch: name }, label: name }
}
export const BRANCHES = [branch('第一党支部'), branch('第二党支部'), branch('第三党支部')]

export function cycle(overrides: Partial<SyncCycle> = {}): SyncCycle {
  return {
    id: 'c1',
    title: '2026 年度红旗党支部评选',
    template: { id: 'red-flag-party-branch', version: 1 },
    subjectKey: ['branch'],
    panel: { aggregate: 'trimmedMean', trim: 1, veto: 'majority', members: ['wang', 'li'] },
    subjects: BRANCHES.map((b) => ({ branch: b.fields.branch! })),
    deadlines: { self: '2026-12-10T16:00:00.000Z', review: '2026-12-20T16:00:00.000Z' },
    scopeId: 'committee:学院党委',
    subjectIds: BRANCHES.map((b) => b.id),
    people: { wang: '王老师', li: '李老师' },
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  }
}

export function cycleResponse(id: string, role: Role, branchName: string, status: 'draft' | 'submitted', inspector: string, attachments = 0): CycleResponse {
  const subject = { branch: branchName, period: '2026' }
  const row: ResponseRow = {
    id,
    templateId: 'red-flag-party-branch',
    templateVersion: 1,
    templateTitle: '红旗党支部',
    role,
    subject,
    status,
    inspector,
    startedAt: '2026-12-01T01:00:00.000Z',
    updatedAt: '2026-12-01T01:00:00.000Z',
  } as ResponseRow
  // How many evidence files the fake evidence counts: carried in an answer's note.
  const response: Response = { id, templateId: 'red-flag-party-branch', templateVersion: 1, role, subject, status, inspector, cycleId: 'c1', answers: { files: { note: String(attachments) } } as Response['answers'] }
  return { row, response }
}

export const template = { id: 'red-flag-party-branch', version: 1, title: '红旗党支部考评细则', subject: { fields: [{ id: 'branch', label: '支部名称', type: 'text', required: true }] }, sections: [] } as unknown as Template

/** Progress as the core would count it for these fakes: self by branch, reviews by inspector. */
export function fakeProgress(c: { subjects?: Array<Record<string, string | number>>; panel?: { members?: string[] } }, responses: readonly Response[]): CycleProgress {
  const subjects = (c.subjects ?? []).map((s) => {
    const name = String(s.branch)
    const mine = responses.filter((r) => r.subject?.branch === name)
    const self = mine.find((r) => r.role === 'self')
    const reviews: Record<string, { status: 'draft' | 'submitted'; id: string }> = {}
    for (const r of mine) if (r.role === 'review' && r.inspector && r.id) reviews[r.inspector] = { status: r.status === 'submitted' ? 'submitted' : 'draft', id: r.id }
    return {
      key: { branch: name },
      label: name,
      self: self ? (self.status === 'submitted' ? ('submitted' as const) : ('draft' as const)) : ('none' as const),
      ...(self?.id !== undefined && { selfId: self.id }),
      reviews,
      submittedReviews: Object.values(reviews).filter((r) => r.status === 'submitted').length,
    }
  })
  const reviewers = (c.panel?.members ?? []).map((reviewer) => ({
    reviewer,
    submitted: subjects.filter((s) => s.reviews[reviewer]?.status === 'submitted').length,
    drafts: subjects.filter((s) => s.reviews[reviewer]?.status === 'draft').length,
    of: subjects.length,
  }))
  return { subjects, reviewers }
}

/** Evidence as the core would report it: three criteria need a file; the fake has `note` files. */
export function fakeEvidence(_t: Template, response: Response): EvidenceCompleteness {
  const files = Number((response.answers.files as { note?: string } | undefined)?.note ?? 0)
  const items = ['党员名册', '三会一课记录', '主题党日记录'].map((title, i) => ({ itemId: `e${i + 1}`, title, sectionId: 's1', needed: 1, present: i < files ? 1 : 0, complete: i < files }))
  const complete = items.filter((i) => i.complete).length
  return { items, required: 3, complete, percent: Math.round((complete / 3) * 100) }
}

/** A device's storage in memory. */
export function fakeRepo(cycles: SyncCycle[], responses: CycleResponse[] = [], entries: RegisterSubject[] = BRANCHES) {
  const held = new Map(cycles.map((c) => [c.id, c]))
  const repo: CyclesRepo = {
    listCycles: async () => [...held.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
    saveCycle: async (c) => (held.set(c.id, c), true),
    cycleResponses: async (id) => responses.filter((r) => r.response.cycleId === id),
    templateVersion: async (id, version) => (id === template.id && version === template.version ? template : undefined),
    branches: async () => entries,
  }
  return { held, repo }
}
