/**
 * Evaluation cycles (评审周期, #15) for the cycle pages and the home page: the cycles this device
 * pulled (read offline), one cycle with its self-assessments and reviews, and edits sent to the
 * server (a new cycle, a whole changed one). Like plans, a cycle is edited only with the server at
 * hand, which checks the right to; the reply is stored at once so the lists show it offline.
 * Who does what in a cycle is derived here from the session's grants and username: the branches a
 * person fills for, and the panel they sit on. The arithmetic is the core's (src/core/cycles).
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { permits, type Role } from '@/core/access'
import { cycleProgress, evidenceCompleteness, type CycleProgress, type EvidenceCompleteness, type SubjectProgress } from '@/core/cycles'
import { keyId, keyOf } from '@/core/cycles/subjects'
import type { Template } from '@/core/format/types'
import type { RegisterSubject } from '@/core/register'
import type { CycleInput, PersonSummary, SyncCycle } from '@/core/sync/protocol'
import type { TransportError } from '@/sync/transport'
import { createApiClient, cyclesApi, plansApi, type CyclesApi } from '@/io/api'
import { getDb } from '@/db/singleton'
import { cycleResponses, listCycles, saveCycle, type CycleResponse } from '@/db/repositories/cycles'
import { listRegister } from '@/db/repositories/register'
import { getTemplateVersion } from '@/db/repositories/templates'
import { useAccountStore } from './account'
import { serverAttempt } from './server-attempt'

export type { CycleResponse }

/** What the store reads and writes on this device; tests pass fakes. */
export interface CyclesRepo {
  listCycles(): Promise<SyncCycle[]>
  saveCycle(cycle: SyncCycle): Promise<boolean>
  cycleResponses(cycleId: string): Promise<CycleResponse[]>
  templateVersion(templateId: string, version: number): Promise<Template | undefined>
  branches(): Promise<RegisterSubject[]>
}

/** What the store needs from outside; tests pass fakes. */
export interface CyclesDeps {
  /** The server's cycle routes; by default through the account's server and session. */
  api?: () => CyclesApi
  /** The people who may sit on a panel (GET /api/people). */
  people?: () => Promise<PersonSummary[]>
  repo?: CyclesRepo
  now?: () => number
}

const defaultRepo: CyclesRepo = {
  listCycles: () => listCycles(getDb()),
  saveCycle: (cycle) => saveCycle(getDb(), cycle),
  cycleResponses: (id) => cycleResponses(getDb(), id),
  templateVersion: async (id, version) => (await getTemplateVersion(getDb(), id, version))?.template,
  branches: () => listRegister(getDb(), 'branch'),
}

type Grants = readonly { role: Role; scopeId: string }[]

/** The form of a cycle, without the fields the server fills in. */
export function toCycleInput(cycle: SyncCycle): CycleInput {
  const { people: _people, releasedAt: _releasedAt, updatedAt: _updatedAt, ...input } = cycle
  return input
}

/** A branch of a cycle: its register entry (when this device holds it), key and label. */
export interface CycleBranch {
  subjectId: string
  entry?: RegisterSubject
  /** The cycle's `subjectKey` fields from the entry; undefined when the entry lacks one. */
  keyId?: string
  label: string
}

/** The cycle's branches in its order; an entry this device lacks is named by its id. */
export function cycleBranches(cycle: SyncCycle, entries: readonly RegisterSubject[]): CycleBranch[] {
  const byId = new Map(entries.map((e) => [e.id, e]))
  return cycle.subjectIds.map((subjectId) => {
    const entry = byId.get(subjectId)
    const key = entry ? keyOf(cycle.subjectKey, entry.fields) : undefined
    const id = key && !('missing' in key) ? keyId(cycle.subjectKey, key) : undefined
    return { subjectId, ...(entry && { entry }), ...(id !== undefined && { keyId: id }), label: entry?.label ?? subjectId }
  })
}

/**
 * Whether the grants let the person fill for the branch: a role with `response.fill` on the
 * branch's own scope. A device holds no scope tree, and a committee admin (who may fill anywhere
 * below) is the committee, not a branch: grants above the branch do not make it their task.
 */
export function fillsFor(grants: Grants, entry: RegisterSubject | undefined): boolean {
  return entry !== undefined && grants.some((g) => g.scopeId === entry.scopeId && permits(g.role, 'response.fill'))
}

/**
 * Whether the grants make the person the cycle's committee (or above it): the right to edit the
 * register on a scope other than one of the cycle's branches. The device has no scope tree; the
 * server sent the cycle only to those who read it, and checks every edit again.
 */
export function isCommittee(grants: Grants, cycle: SyncCycle): boolean {
  const branches = new Set(cycle.subjectIds)
  return grants.some((g) => permits(g.role, 'register.edit') && !branches.has(g.scopeId))
}

/** Scopes where the grants allow editing the register, hence creating cycles. */
export function editScopes(grants: Grants): string[] {
  return [...new Set(grants.filter((g) => permits(g.role, 'register.edit')).map((g) => g.scopeId))]
}

/** One branch as the cycle page shows it: its progress and its self-assessment's evidence. */
export interface BranchRow extends CycleBranch {
  self: SubjectProgress['self']
  selfId?: string
  reviews: SubjectProgress['reviews']
  submittedReviews: number
  /** Of the self-assessment (draft or submitted); null without one or without the template. */
  evidence: EvidenceCompleteness | null
}

/** One cycle opened: what every part of its page reads. */
export interface CycleState {
  cycle: SyncCycle
  template: Template | null
  responses: CycleResponse[]
  branches: CycleBranch[]
  progress: CycleProgress
  rows: BranchRow[]
}

/** Joins the cycle's branches with the core's progress (by key) and the evidence of each self-assessment. */
export function branchRows(cycle: SyncCycle, branches: readonly CycleBranch[], progress: CycleProgress, template: Template | null, responses: readonly CycleResponse[]): BranchRow[] {
  const byKey = new Map(progress.subjects.map((s) => [keyId(cycle.subjectKey, s.key), s]))
  const byId = new Map(responses.map((r) => [r.row.id, r.response]))
  return branches.map((b) => {
    const p = b.keyId !== undefined ? byKey.get(b.keyId) : undefined
    const selfResponse = p?.selfId !== undefined ? byId.get(p.selfId) : undefined
    return {
      ...b,
      self: p?.self ?? 'none',
      ...(p?.selfId !== undefined && { selfId: p.selfId }),
      reviews: p?.reviews ?? {},
      submittedReviews: p?.submittedReviews ?? 0,
      evidence: template && selfResponse ? evidenceCompleteness(template, selfResponse) : null,
    }
  })
}

/** Whether an ISO deadline has passed at `now` (no deadline: never). */
export const overdue = (deadline: string | undefined, now: number): boolean => deadline !== undefined && Date.parse(deadline) < now

/** A home-page line: a branch's self-assessment to submit, or a reviewer's reviews to do. */
export type HomeCycleItem =
  | { kind: 'self'; cycle: SyncCycle; branch: string; status: SubjectProgress['self']; deadline?: string; overdue: boolean }
  | { kind: 'review'; cycle: SyncCycle; pending: number; of: number; deadline?: string; overdue: boolean }

export const useCyclesStore = defineStore('cycles', () => {
  const account = useAccountStore()
  let deps: CyclesDeps = {}

  const cycles = shallowRef<SyncCycle[]>([])
  const current = shallowRef<CycleState | null>(null)
  const people = shallowRef<PersonSummary[]>([])
  const loading = ref(false)
  const busy = ref(false)
  const error = shallowRef<TransportError | null>(null)
  /** Editing needs a signed-in account (the view also says so when offline). */
  const canEdit = computed(() => account.signedIn)
  const grants = computed<Grants>(() => (account.signedIn ? account.session?.grants ?? [] : []))
  const username = computed(() => account.user?.username)
  /** Scopes where the person may create a cycle (register.edit). */
  const scopes = computed(() => editScopes(grants.value))
  const canCreate = computed(() => canEdit.value && scopes.value.length > 0)

  function configure(next: CyclesDeps): void {
    deps = { ...deps, ...next }
  }
  const repo = (): CyclesRepo => deps.repo ?? defaultRepo
  const now = (): number => (deps.now ? deps.now() : Date.now())
  const client = () => createApiClient({ baseUrl: account.serverUrl, csrfToken: () => account.session?.csrfToken })
  const api = (): CyclesApi => (deps.api ? deps.api() : cyclesApi(client()))

  /** Runs a server request; a failure lands in `error` (the page explains it) and yields undefined. */
  const attempt = serverAttempt(account, error, busy)

  async function load(): Promise<void> {
    loading.value = true
    try {
      cycles.value = await repo().listCycles()
    } finally {
      loading.value = false
    }
  }

  /** Fetches the cycles from the server now (sync brings them too, later) and stores them. */
  async function refresh(): Promise<void> {
    if (!canEdit.value) return load()
    const fetched = await attempt(() => api().list())
    if (fetched) for (const c of fetched) await repo().saveCycle(c)
    await load()
  }

  async function loadPeople(): Promise<void> {
    if (!canEdit.value) return
    const list = await attempt(() => (deps.people ? deps.people() : plansApi(client()).listPeople()))
    if (list) people.value = list
  }

  /** Reads one cycle with its responses, template version, branches and progress. */
  async function read(cycle: SyncCycle): Promise<CycleState> {
    const [template, responses, entries] = await Promise.all([
      repo().templateVersion(cycle.template.id, cycle.template.version),
      repo().cycleResponses(cycle.id),
      repo().branches(),
    ])
    const branches = cycleBranches(cycle, entries)
    const progress = cycleProgress(cycle, responses.map((r) => r.response))
    return { cycle, template: template ?? null, responses, branches, progress, rows: branchRows(cycle, branches, progress, template ?? null, responses) }
  }

  /** Opens one cycle for its page, the list read again first. */
  async function open(id: string): Promise<CycleState | null> {
    // Read again each time: a pull may have brought a newer cycle (released, a new panel member).
    await load()
    const cycle = cycles.value.find((c) => c.id === id)
    current.value = cycle ? await read(cycle) : null
    return current.value
  }

  /** Creates (`isNew`) or replaces a cycle on the server, and keeps the reply. */
  async function save(input: CycleInput, isNew: boolean): Promise<SyncCycle | undefined> {
    const saved = await attempt(() => (isNew ? api().create(input) : api().update(input)))
    if (!saved) return undefined
    await repo().saveCycle(saved)
    await load()
    return saved
  }

  /** The branches of the open cycle the person fills the self-assessment for. */
  const myBranches = computed<BranchRow[]>(() => (current.value ? current.value.rows.filter((r) => fillsFor(grants.value, r.entry)) : []))
  /** Whether the person sits on the open cycle's panel. */
  const onPanel = computed(() => isPanelMember(current.value?.cycle, username.value))
  /** Committee or panel: who sees the progress. */
  const seesProgress = computed(() => {
    const c = current.value?.cycle
    return c !== undefined && (onPanel.value || isCommittee(grants.value, c))
  })

  /** The home page's lines over every cycle not yet released: self-assessments due, reviews pending. */
  async function homeItems(): Promise<HomeCycleItem[]> {
    await load()
    const out: HomeCycleItem[] = []
    const at = now()
    for (const cycle of cycles.value.filter((c) => c.releasedAt === undefined)) {
      const state = await read(cycle)
      const selfDue = cycle.deadlines?.self
      for (const row of state.rows) {
        if (row.self === 'submitted' || !fillsFor(grants.value, row.entry)) continue
        out.push({ kind: 'self', cycle, branch: row.label, status: row.self, ...(selfDue !== undefined && { deadline: selfDue }), overdue: overdue(selfDue, at) })
      }
      const me = username.value
      if (me !== undefined && isPanelMember(cycle, me)) {
        const of = state.rows.length
        const done = state.rows.filter((r) => r.reviews[me]?.status === 'submitted').length
        const reviewDue = cycle.deadlines?.review
        if (done < of) out.push({ kind: 'review', cycle, pending: of - done, of, ...(reviewDue !== undefined && { deadline: reviewDue }), overdue: overdue(reviewDue, at) })
      }
    }
    return out
  }

  /** A panel member's display name: from the cycle (works offline), else the people list, else the username. */
  function personName(username: string, cycle?: SyncCycle): string {
    return cycle?.people[username] ?? people.value.find((p) => p.username === username)?.displayName ?? username
  }

  return {
    cycles, current, people, loading, busy, error, canEdit, canCreate, scopes, grants, username, myBranches, onPanel, seesProgress,
    configure, now, load, refresh, loadPeople, open, save, homeItems, personName,
  }
})

/** Whether `username` sits on the cycle's panel. */
export function isPanelMember(cycle: SyncCycle | undefined, username: string | undefined): boolean {
  return cycle !== undefined && username !== undefined && (cycle.panel?.members ?? []).includes(username)
}
