/**
 * Inspection plans (#14) for the plan pages and the home page: the plans this device pulled (read
 * offline), one person's rooms of the day, a plan's coverage, and edits sent to the server (POST a
 * new plan, PUT a whole changed one: reassignments, cancellations). Plans are edited only with the
 * server at hand, which checks the right to; the reply is stored at once so lists show it offline.
 */
import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { drawSample, periodWindow, type Period, type PlanOverride } from '@/core/plans'
import type { PersonSummary, PlanInput, SyncPlan } from '@/core/sync/protocol'
import { localDate } from '@/core/time/local-time'
import type { TransportError } from '@/sync/transport'
import { createApiClient, plansApi, type PlansApi } from '@/io/api'
import { getDb } from '@/db/singleton'
import { listPlans, planCoverage, savePlan, todayFor, type PlanCoverage, type TodayItem } from '@/db/repositories/plans'
import { awaitingReview } from '@/db/repositories/review'
import type { PlanRow, SummaryRow } from '@/db/rows'
import { useAccountStore } from './account'

export type { PlanCoverage, PlanRow, SummaryRow, TodayItem }
import { useSettingsStore } from './settings'
import { serverAttempt } from './server-attempt'

/** What the store needs from outside; tests pass fakes. */
export interface PlansDeps {
  /** The server's plan routes; by default through the account's server and session. */
  api?: () => PlansApi
  now?: () => number
  newId?: () => string
}

/** A surprise inspection (抽查): N rooms drawn from a pool, checked today by the given people. */
export interface SurpriseInput {
  title: string
  templateId: string
  scopeId: string
  pool: readonly string[]
  count: number
  /** Who checks a drawn room (e.g. the counsellor of its floor); unnamed rooms stay unassigned. */
  assigneeOf: (subjectId: string) => string | undefined
  dueTime: string
}

/** The form of a plan, without the fields the server fills in. */
export function toInput(plan: SyncPlan): PlanInput {
  const { people: _people, updatedAt: _updatedAt, ...input } = plan
  return input
}

export const usePlansStore = defineStore('plans', () => {
  const account = useAccountStore()
  const settings = useSettingsStore()
  let deps: PlansDeps = {}

  const plans = shallowRef<PlanRow[]>([])
  const people = shallowRef<PersonSummary[]>([])
  const today = shallowRef<TodayItem[]>([])
  const loading = ref(false)
  const busy = ref(false)
  const error = shallowRef<TransportError | null>(null)
  /** Editing needs a signed-in account (the view also says so when offline). */
  const canEdit = computed(() => account.signedIn)
  const userId = computed(() => account.user?.id)

  function configure(next: PlansDeps): void {
    deps = { ...deps, ...next }
  }

  const now = (): number => (deps.now ? deps.now() : Date.now())
  const newId = (): string => (deps.newId ? deps.newId() : crypto.randomUUID())
  /** Today on the college's clocks (the settings' zone, Asia/Shanghai unless changed). */
  const todayDate = (): string => localDate(new Date(now()).toISOString(), settings.timeZone)

  function api(): PlansApi {
    if (deps.api) return deps.api()
    return plansApi(createApiClient({ baseUrl: account.serverUrl, csrfToken: () => account.session?.csrfToken }))
  }

  /** Runs a server request; a failure lands in `error` (the page explains it) and yields undefined. */
  const attempt = serverAttempt(account, error, busy)

  async function load(): Promise<void> {
    loading.value = true
    try {
      plans.value = await listPlans(getDb())
    } finally {
      loading.value = false
    }
  }

  /** Fetches the plans from the server now (sync brings them too, later) and stores them. */
  async function refresh(): Promise<void> {
    if (!canEdit.value) return load()
    const fetched = await attempt(() => api().listPlans())
    if (fetched) for (const p of fetched) await savePlan(getDb(), p)
    await load()
  }

  async function loadPeople(): Promise<void> {
    if (!canEdit.value) return
    const list = await attempt(() => api().listPeople())
    if (list) people.value = list
  }

  async function keep(saved: SyncPlan | undefined): Promise<SyncPlan | undefined> {
    if (!saved) return undefined
    await savePlan(getDb(), saved)
    await load()
    return saved
  }

  /** Creates (`isNew`) or replaces a plan on the server. */
  async function save(input: PlanInput, isNew: boolean): Promise<SyncPlan | undefined> {
    return keep(await attempt(() => (isNew ? api().createPlan(input) : api().updatePlan(input))))
  }

  /** Draws the rooms (reproducibly, seeded by the new plan's id) and creates a once-plan for today. */
  async function surprise(input: SurpriseInput): Promise<SyncPlan | undefined> {
    const id = newId()
    const date = todayDate()
    const subjectIds = drawSample(input.pool, input.count, `${id}/${date}`)
    const assignees: Record<string, string> = {}
    for (const s of subjectIds) {
      const who = input.assigneeOf(s)
      if (who !== undefined) assignees[s] = who
    }
    const plan: PlanInput = {
      id,
      title: input.title,
      templateId: input.templateId,
      scopeId: input.scopeId,
      subjectIds,
      assignees,
      schedule: { type: 'once', date },
      dueTime: input.dueTime,
      from: date,
      to: date,
    }
    return save(plan, true)
  }

  function withOverride(plan: SyncPlan, override: PlanOverride): PlanInput {
    return { ...toInput(plan), overrides: [...(plan.overrides ?? []), override] }
  }

  /** One subject checked by someone else: on one day, or (no date) from now on. */
  async function reassign(plan: SyncPlan, subjectId: string, assignee: string, date?: string): Promise<SyncPlan | undefined> {
    return save(withOverride(plan, { type: 'reassign', subjectId, assignee, ...(date !== undefined && { date }) }), false)
  }

  /** One day cancelled, for every subject or (given) one. */
  async function cancelDay(plan: SyncPlan, date: string, subjectId?: string): Promise<SyncPlan | undefined> {
    return save(withOverride(plan, { type: 'cancel', date, ...(subjectId !== undefined && { subjectId }) }), false)
  }

  async function cancelPlan(plan: SyncPlan): Promise<SyncPlan | undefined> {
    return save({ ...toInput(plan), cancelled: true }, false)
  }

  /** The signed-in person's rooms of today, from what this device holds (works offline). */
  async function loadToday(): Promise<void> {
    const id = userId.value
    today.value = id === undefined ? [] : await todayFor(getDb(), id, todayDate(), now(), settings.timeZone)
  }

  async function coverage(plan: SyncPlan, period: Period): Promise<PlanCoverage> {
    return planCoverage(getDb(), plan, periodWindow(period, todayDate(), plan), now(), settings.timeZone)
  }

  /** This week's coverage of every plan running today (the head's home page). */
  async function currentCoverage(): Promise<{ plan: SyncPlan; coverage: PlanCoverage }[]> {
    const date = todayDate()
    const running = plans.value.filter((p) => !p.cancelled && p.from <= date && date <= p.to)
    return Promise.all(running.map(async (plan) => ({ plan, coverage: await coverage(plan, 'week') })))
  }

  async function reviewQueue(): Promise<SummaryRow[]> {
    return awaitingReview(getDb())
  }

  /** A person's display name: from the plan (works offline), else the people list, else the id. */
  function personName(id: string, plan?: SyncPlan): string {
    return plan?.people[id] ?? people.value.find((p) => p.id === id)?.displayName ?? id
  }

  return {
    plans,
    people,
    today,
    loading,
    busy,
    error,
    canEdit,
    userId,
    configure,
    todayDate,
    load,
    refresh,
    loadPeople,
    save,
    surprise,
    reassign,
    cancelDay,
    cancelPlan,
    loadToday,
    coverage,
    currentCoverage,
    reviewQueue,
    personName,
  }
})
