/**
 * An evaluation cycle's results (#15) for the league table, the panel view of one branch and the
 * printed 评审汇总表: the cycle as this device last pulled it, its responses, the template version,
 * all combined by core (`evaluateCycle`, `summaryTable`, `panelDetail`); the previous cycle, when
 * the device holds it, for the rank and score change. Releasing to the branches goes through the
 * team server, which checks the right again; its reply is stored at once.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { permits, type Role } from '@/core/access'
import {
  evaluateCycle,
  evidenceCompleteness,
  keyId,
  keyOf,
  panelDetail,
  summaryTable,
  type CycleResult,
  type EvidenceCompleteness,
  type PanelDetail,
  type SummaryRow,
  type SummaryTable,
} from '@/core/cycles'
import type { Response, Template } from '@/core/format/types'
import type { Issue } from '@/core/result'
import type { SyncCycle } from '@/core/sync/protocol'
import type { TransportError } from '@/sync/transport'
import { getDb } from '@/db/singleton'
import { cycleResponses, getCycle, saveCycle, type CycleResponse } from '@/db/repositories/cycles'
import { registerByIds } from '@/db/repositories/plans'
import { getTemplateVersion } from '@/db/repositories/templates'
import type { RegisterRow } from '@/db/rows'
import { createApiClient, cyclesApi, type CyclesApi } from '@/io/api'
import type { CycleSheetLabels } from '@/io/export/cycle-xlsx'
import { useAccountStore } from './account'
import { serverAttempt } from './server-attempt'

/** Where the store reads and writes; the defaults go to this device's database. Tests pass fakes. */
export interface CycleSource {
  cycle: (id: string) => Promise<SyncCycle | undefined>
  responses: (cycleId: string) => Promise<CycleResponse[]>
  template: (id: string, version: number) => Promise<Template | undefined>
  register: (ids: readonly string[]) => Promise<Map<string, RegisterRow>>
  /** Keeps the server's reply (a released cycle). */
  save: (cycle: SyncCycle) => Promise<unknown>
}

export interface CycleResultsDeps {
  source?: Partial<CycleSource>
  /** The server's cycle routes; by default through the account's server and session. */
  api?: () => CyclesApi
  /** Saves a file (the XLSX); by default through a temporary link. */
  download?: (blob: Blob, filename: string) => void
}

const dbSource: CycleSource = {
  cycle: (id) => getCycle(getDb(), id),
  responses: (cycleId) => cycleResponses(getDb(), cycleId),
  template: async (id, version) => (await getTemplateVersion(getDb(), id, version))?.template,
  register: (ids) => registerByIds(getDb(), ids),
  save: (cycle) => saveCycle(getDb(), cycle),
}

/** How the signed-in person sees a cycle: the whole table, or (a branch) only its own result once released. */
export type CycleViewer = 'committee' | 'panel' | 'branch'

interface AccountView {
  username?: string
  isAdmin: boolean
  grants: readonly { role: Role; scopeId: string }[]
}

/** Scopes no committee sits on: one floor, one branch (their ids carry the kind, as register imports make them). */
const isLeafScope = (scopeId: string): boolean => scopeId.startsWith('branch:') || scopeId.startsWith('floor:')

/**
 * Whether the account may release the cycle: `register.edit` on its scope (the server's rule). A
 * device holds its grants but not the scope tree, so a grant on a broader scope (a college, a
 * committee) may be above the cycle's and counts; the server checks again and a refusal is shown.
 */
export function mayReleaseCycle(cycle: Pick<SyncCycle, 'scopeId'>, account: AccountView): boolean {
  if (account.isAdmin) return true
  return account.grants.some((g) => permits(g.role, 'register.edit') && (g.scopeId === cycle.scopeId || !isLeafScope(g.scopeId)))
}

export function cycleViewer(cycle: Pick<SyncCycle, 'scopeId' | 'panel'>, account: AccountView): CycleViewer {
  if (account.username !== undefined && (cycle.panel?.members ?? []).includes(account.username)) return 'panel'
  if (account.isAdmin || account.grants.some((g) => g.scopeId === cycle.scopeId || !isLeafScope(g.scopeId))) return 'committee'
  return 'branch'
}

export type CycleResultsState = 'idle' | 'loading' | 'missing' | 'noTemplate' | 'invalid' | 'ready'

/** One branch in the panel view: the reviews side by side, and its self-assessment's evidence. */
export interface BranchDetail {
  row: SummaryRow
  panel: PanelDetail
  /** Evidence of the self-assessment; null without one. */
  evidence: EvidenceCompleteness | null
  selfId: string | null
}

type Evaluated =
  | { kind: 'ready'; cycle: SyncCycle; template: Template; responses: Response[]; result: CycleResult }
  | { kind: 'missing' }
  | { kind: 'noTemplate'; cycle: SyncCycle }
  | { kind: 'invalid'; cycle: SyncCycle; issues: Issue[] }

export const useCycleResultsStore = defineStore('cycleResults', () => {
  const account = useAccountStore()
  let deps: CycleResultsDeps = {}
  const src = (): CycleSource => ({ ...dbSource, ...deps.source })

  const state = ref<CycleResultsState>('idle')
  const cycle = shallowRef<SyncCycle | undefined>()
  const template = shallowRef<Template | undefined>()
  const responses = shallowRef<Response[]>([])
  const result = shallowRef<CycleResult | null>(null)
  /** Why the cycle could not be evaluated (it does not fit its template). */
  const issues = shallowRef<Issue[]>([])
  /** The previous cycle's result, when this device holds that cycle; null: no change column. */
  const previous = shallowRef<{ cycle: SyncCycle; result: CycleResult } | null>(null)
  const table = shallowRef<SummaryTable | null>(null)
  /** The branches whose people the account belongs to (their register entry's scope), by `subjectId`. */
  const ownSubjects = shallowRef<ReadonlySet<string>>(new Set())
  const busy = ref(false)
  const error = shallowRef<TransportError | null>(null)

  function configure(next: CycleResultsDeps): void {
    deps = { ...deps, ...next }
  }

  const accountView = computed<AccountView>(() => ({
    ...(account.user && { username: account.user.username }),
    isAdmin: account.isAdmin,
    grants: account.signedIn ? account.session?.grants ?? [] : [],
  }))
  const released = computed(() => cycle.value?.releasedAt !== undefined)
  const viewer = computed<CycleViewer>(() => (cycle.value ? cycleViewer(cycle.value, accountView.value) : 'branch'))
  /** Releasing needs the server: a signed-in account with the right. */
  const mayRelease = computed(() => account.signedIn && cycle.value !== undefined && mayReleaseCycle(cycle.value, accountView.value))
  /** A branch sees its own result, and only once released; the committee and the panel see all. */
  const visibleRows = computed<SummaryRow[]>(() => {
    const rows = table.value?.rows ?? []
    if (viewer.value !== 'branch') return rows
    const key = cycle.value?.subjectKey ?? []
    return released.value ? rows.filter((r) => ownSubjects.value.has(keyId(key, r.key))) : []
  })

  function api(): CyclesApi {
    if (deps.api) return deps.api()
    return cyclesApi(createApiClient({ baseUrl: account.serverUrl, csrfToken: () => account.session?.csrfToken }))
  }

  /** A cycle with its template and responses, evaluated; or why it cannot be. */
  async function evaluated(id: string): Promise<Evaluated> {
    const s = src()
    const found = await s.cycle(id)
    if (!found) return { kind: 'missing' }
    const [tpl, rows] = await Promise.all([s.template(found.template.id, found.template.version), s.responses(id)])
    if (!tpl) return { kind: 'noTemplate', cycle: found }
    // The row's id names the response (the panel view links the self-assessment by it).
    const list = rows.map((r) => (r.response.id === r.row.id ? r.response : { ...r.response, id: r.row.id }))
    const r = evaluateCycle(found, tpl, list)
    return r.ok ? { kind: 'ready', cycle: found, template: tpl, responses: list, result: r.value } : { kind: 'invalid', cycle: found, issues: r.issues }
  }

  async function ownBranches(c: SyncCycle): Promise<Set<string>> {
    const scopes = new Set(accountView.value.grants.map((g) => g.scopeId))
    const register = await src().register(c.subjectIds)
    const out = new Set<string>()
    for (const [id, row] of register) {
      const key = keyOf(c.subjectKey, row.fields)
      if ((scopes.has(row.scopeId) || scopes.has(id)) && !('missing' in key)) out.add(keyId(c.subjectKey, key))
    }
    return out
  }

  async function load(id: string): Promise<void> {
    if (cycle.value?.id !== id) state.value = 'loading'
    const got = await evaluated(id)
    cycle.value = got.kind === 'missing' ? undefined : got.cycle
    if (got.kind !== 'ready') {
      issues.value = got.kind === 'invalid' ? got.issues : []
      result.value = null
      table.value = null
      state.value = got.kind
      return
    }
    // The previous cycle only adds the change column: without it (not pulled, not evaluable), none.
    const before = got.cycle.previous === undefined ? null : await evaluated(got.cycle.previous)
    previous.value = before?.kind === 'ready' ? { cycle: before.cycle, result: before.result } : null
    template.value = got.template
    responses.value = got.responses
    result.value = got.result
    issues.value = []
    table.value = summaryTable(got.cycle, got.result, previous.value?.result)
    ownSubjects.value = await ownBranches(got.cycle)
    state.value = 'ready'
  }

  /** One branch of the table by its label, with what the panel view shows; null when not visible here. */
  function detail(label: string): BranchDetail | null {
    const row = visibleRows.value.find((r) => r.label === label)
    if (!row || !cycle.value || !template.value) return null
    const panel = panelDetail(cycle.value, template.value, responses.value, row.key)
    if (!panel) return null
    const selfId = panel.self?.responseId ?? null
    const self = selfId === null ? undefined : responses.value.find((r) => r.id === selfId)
    return { row, panel, evidence: self ? evidenceCompleteness(template.value, self) : null, selfId }
  }

  /** Runs a server request; a failure lands in `error` (the page explains it) and yields undefined. */
  const attempt = serverAttempt(account, error, busy)

  /** Releases the results (and the cycle's reviews) to the branches; the reply is kept at once. */
  async function release(): Promise<SyncCycle | undefined> {
    const c = cycle.value
    if (!c || !mayRelease.value) return undefined
    const saved = await attempt(() => api().release(c.id))
    if (!saved) return undefined
    await src().save(saved)
    cycle.value = saved
    return saved
  }

  /**
   * The league table as an XLSX workbook, one sheet per cycle with per-reviewer columns: this one,
   * then (for the committee and the panel) the previous one when this device holds it.
   */
  async function exportXlsx(labels: CycleSheetLabels): Promise<void> {
    const c = cycle.value
    if (!c || !table.value) return
    const [{ cycleWorkbook }, io] = await Promise.all([import('@/io/export/cycle-xlsx'), import('@/io/download')])
    const sheets = [{ title: c.title, table: { ...table.value, rows: visibleRows.value }, people: c.people }]
    const before = previous.value
    if (before && viewer.value !== 'branch') sheets.push({ title: before.cycle.title, table: summaryTable(before.cycle, before.result), people: before.cycle.people })
    const blob = await cycleWorkbook(sheets, labels)
    ;(deps.download ?? io.downloadBlob)(blob, `${io.safeFileStem(c.title)}.xlsx`)
  }

  return {
    state,
    cycle,
    template,
    responses,
    result,
    issues,
    previous,
    table,
    ownSubjects,
    busy,
    error,
    released,
    viewer,
    mayRelease,
    visibleRows,
    configure,
    load,
    detail,
    release,
    exportXlsx,
  }
})
