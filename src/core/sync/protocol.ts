/**
 * The sync protocol between a device and the server: what a push carries, what a pull returns,
 * and the limits both sides enforce. The server and the device import these same types.
 *
 * Push: a device sends its outbox in order, as mutations numbered by the device's own outbox
 * sequence (`seq`, strictly increasing per device). The server applies a batch in one PostgreSQL
 * transaction, records the highest `seq` it applied for the device, and skips any mutation at or
 * below it: the same batch sent twice (a lost acknowledgement) is applied once. The device deletes
 * outbox rows only when the acknowledgement arrives, which the server sends after commit.
 *
 * Pull: changes after a cursor (the server's change sequence), in pages, oldest first. A submitted
 * response arrives whole, its answers inside, so a page boundary never splits a submission.
 */
import type { Role } from '../access/roles'
import type { Scope } from '../access/scopes'
import type { Cycle } from '../cycles/types'
import type { Plan } from '../plans/types'
import type { RegisterSubject } from '../register/types'
import type { Issue } from '../result'
import type { ResponseHeader, SyncAnswer, SyncAttachment, SyncTask, SyncTemplate, SyncTemplateVersion } from './records'

interface MutationBase {
  /** The device's outbox sequence number: strictly increasing, never reused on a device. */
  seq: number
  /** A UUID, for error reports and logs. */
  id: string
}

export type Mutation = MutationBase &
  (
    | { kind: 'response'; response: ResponseHeader }
    | { kind: 'answer'; responseId: string; itemId: string; answer: SyncAnswer }
    | { kind: 'submit'; response: ResponseHeader; answers: Record<string, SyncAnswer> }
    | { kind: 'template'; template: SyncTemplate }
    | { kind: 'templateVersion'; version: SyncTemplateVersion }
    | { kind: 'task'; task: SyncTask }
    /** Metadata, or with `deleted: true` its deletion from a draft (`decideAttachment`). */
    | { kind: 'attachment'; attachment: SyncAttachment }
  )
export type MutationKind = Mutation['kind']
export const MUTATION_KINDS = ['response', 'answer', 'submit', 'template', 'templateVersion', 'task', 'attachment'] as const satisfies readonly MutationKind[]

/** A mutation as written to the outbox, before the outbox numbers it. */
export type MutationInput = Mutation extends infer M ? (M extends Mutation ? Omit<M, 'seq'> : never) : never

export interface PushRequest {
  deviceId: string
  /** A UUID per batch, for logs; idempotence comes from `seq`. */
  batchId: string
  mutations: Mutation[]
}

/**
 * What became of one mutation:
 * - `applied`: it changed the server's data;
 * - `same`: the server already held exactly this;
 * - `superseded`: a newer edit (or a submission) won; the mutation's value is in the answer history;
 * - `duplicate`: its `seq` was applied before (a replayed batch);
 * - `refused`: invalid (see `issue`); nothing of it was stored. Retrying will not help.
 */
export type MutationStatus = 'applied' | 'same' | 'superseded' | 'duplicate' | 'refused'

export interface MutationResult {
  seq: number
  id: string
  status: MutationStatus
  issue?: Issue
}

export interface PushResponse {
  batchId: string
  results: MutationResult[]
  /** The highest `seq` the server has applied for this device, after this batch. */
  appliedSeq: number
  /** The server's wall time (ms), so a device can show how far its clock is off. */
  serverTime: number
}

interface ChangeBase {
  /** The server's change sequence: the pull cursor after this change. */
  cursor: number
}

export type Change = ChangeBase &
  (
    /** `answers` is present exactly when the response is submitted (a submission arrives whole). */
    | {
        kind: 'response'
        response: ResponseHeader
        answers?: Record<string, SyncAnswer>
        /**
         * A review's release to the reviewed (ISO 8601), set by the server, never by a device: an
         * unreleased review reaches only those who may review its scope.
         */
        releasedAt?: string
      }
    | { kind: 'answer'; responseId: string; itemId: string; answer: SyncAnswer }
    | { kind: 'template'; template: SyncTemplate }
    | { kind: 'templateVersion'; version: SyncTemplateVersion }
    | { kind: 'task'; task: SyncTask }
    /** A deleted attachment arrives as its tombstone (`deleted: true`), never as live metadata again. */
    | { kind: 'attachment'; attachment: SyncAttachment }
    /** An inspection plan the account reads (its scope) or works on (an assignee). */
    | { kind: 'plan'; plan: SyncPlan }
    /** A register entry (room, branch, teacher) in the account's scopes; `archived` ones too. */
    | { kind: 'subject'; subject: SyncSubject }
    /** An evaluation cycle (#15) whose scope the account reads, or on whose panel it sits. */
    | { kind: 'cycle'; cycle: SyncCycle }
  )
export type ChangeKind = Change['kind']

export interface PullResponse {
  changes: Change[]
  /** Pass as `after` for the next page; equal to the request's when nothing changed. */
  cursor: number
  /** More changes wait after `cursor`. */
  more: boolean
  serverTime: number
  /**
   * A fingerprint of what the account may read (its scopes). When it changes, rows behind the
   * device's cursor may have become visible (a grant gained): the device pulls again from 0.
   * Absent from servers before issue #14.
   */
  view?: string
}

/** Limits both sides enforce: a device never sends more, the server refuses more. */
export const SYNC_LIMITS = {
  /** Mutations per push batch. */
  maxBatch: 500,
  /** Bytes of one push request body. */
  maxPushBytes: 8 * 1024 ** 2,
  /** Changes per pull page (the default and the most a request may ask for). */
  pullPage: 1000,
  maxPullPage: 5000,
  /** Bytes of one uploaded attachment (the bundle's own limit). */
  maxBlobBytes: 20 * 1024 ** 2,
} as const

/** An error body of the API: a code, a message in every language, where it is when known. */
export interface ApiError {
  error: Issue
  /** Every problem when there are several (`error` is the first), e.g. a refused scope tree. */
  issues?: Issue[]
}

/** The API's routes, in one place for the server, the device and the tests. */
export const API = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  push: '/api/sync/push',
  pull: '/api/sync/pull',
  /** `/api/blobs/<sha256>`: PUT the bytes, HEAD to ask, GET to read. */
  blobs: '/api/blobs',
  users: '/api/admin/users',
  devices: '/api/admin/devices',
  audit: '/api/admin/audit',
  /** The scope tree: GET the list, POST a scope, PATCH `/<id>`. */
  scopes: '/api/admin/scopes',
  /** Role grants: GET (`?userId=`), POST one, DELETE `/<id>`. */
  grants: '/api/admin/grants',
  /** Where a template is published: GET or PUT `/<templateId>` with `{ scopeIds }` (none: everywhere). */
  templateScopes: '/api/admin/template-scopes',
  /** Accounts and their grants from a sheet: POST `UsersImportRequest`. */
  usersImport: '/api/admin/users/import',
  /** Inspection plans: GET those the account reads, POST a `PlanInput`, PUT `/<id>` a whole `PlanInput`. */
  plans: '/api/plans',
  /** The register: GET the subjects the account reads, PUT a `RegisterImportRequest` (upsert). */
  register: '/api/register',
  /** People who can be assigned: GET `PersonSummary[]` under the scopes where the account edits plans. */
  people: '/api/people',
  /** Review release: POST `/<reviewResponseId>/release` makes a submitted review visible to the reviewed. */
  reviews: '/api/reviews',
  /**
   * Evaluation cycles (#15): GET those the account reads, POST a `CycleInput`, PUT `/<id>` a whole
   * `CycleInput`, POST `/<id>/release` to release the results (and every review of the cycle).
   */
  cycles: '/api/cycles',
} as const

/** A plan as the server keeps and sends it. */
export interface SyncPlan extends Plan {
  /** Every subject of the plan lies under this scope; editing the plan needs `register.edit` on it. */
  scopeId: string
  /** Display names of the assignees by user id, so a tablet can name them offline. */
  people: Record<string, string>
  /** Server time of the last change (ISO 8601). */
  updatedAt: string
}

/**
 * What a device sends to create or replace a plan; the server fills in `people` and `updatedAt`,
 * and with `scopeId: ''` the narrowest scope that holds every subject.
 */
export type PlanInput = Omit<SyncPlan, 'people' | 'updatedAt'>

/**
 * An evaluation cycle (评审周期, #15) as the server keeps and sends it: the cycle file of
 * `shared/evaluation.md` plus where it lives and who takes part.
 */
export interface SyncCycle extends Cycle {
  /**
   * The committee's scope: every subject of the cycle lies under it. Creating, editing and
   * releasing need `register.edit` on it; reading needs any grant on it, above it or below it.
   */
  scopeId: string
  /** The register entries (kind `branch`) taking part, in the order the committee listed them. */
  subjectIds: string[]
  /** Panel members' display names by username (`panel.members`), so a tablet names them offline. */
  people: Record<string, string>
  /** When the committee released the results to the subjects (ISO 8601); absent until then. */
  releasedAt?: string
  /** Server time of the last change (ISO 8601). */
  updatedAt: string
}

/**
 * What a device sends to create or replace a cycle; the server fills in the rest, and sets
 * `subjects` itself from the register entries of `subjectIds` (a `subjects` sent is ignored).
 */
export type CycleInput = Omit<SyncCycle, 'people' | 'releasedAt' | 'updatedAt'>

/** A register entry as the server keeps and sends it. */
export type SyncSubject = RegisterSubject & {
  /** Bumped on every change to the entry. */
  version: number
  /** Removed from the register: kept so old records still name it, offered for no new check. */
  archived?: boolean
}

/**
 * Register upsert: the scopes the sheet implies (created under `parentScopeId` when missing) and
 * its subjects. Needs `register.edit` on `parentScopeId`; subjects not in the sheet are left alone.
 */
export interface RegisterImportRequest {
  parentScopeId: string
  scopes: Scope[]
  /** `archived: true` takes an entry out of the register (an edit in the app); absent: live. */
  subjects: (RegisterSubject & { archived?: boolean })[]
}

export interface RegisterImportResult {
  scopesCreated: number
  subjectsCreated: number
  subjectsUpdated: number
}

/** Someone a plan can assign: an account and its grants. */
export interface PersonSummary {
  id: string
  username: string
  displayName: string
  grants: { role: Role; scopeId: string }[]
}

/** One row of a users sheet: an account and one role on one scope (id or unique name). */
export interface UserImportRow {
  username: string
  displayName: string
  role: Role
  scope: string
  /** Absent: the server makes one and returns it once. */
  password?: string
}

export interface UsersImportRequest {
  users: UserImportRow[]
}

export interface UsersImportResult {
  /** New accounts, with the password the server made when the row gave none (shown once). */
  created: { username: string; password?: string }[]
  /** Existing accounts that only gained a grant. */
  granted: string[]
}

/** The header a browser sends on every write, with the token from its session (CSRF protection). */
export const CSRF_HEADER = 'x-qingdan-csrf'
export const SESSION_COOKIE = 'qingdan_session'

export const ACCOUNT_ROLES = ['admin', 'member'] as const
export type AccountRole = (typeof ACCOUNT_ROLES)[number]

export interface LoginRequest {
  username: string
  password: string
  deviceId: string
  /** What a person calls the tablet (张老师的平板), shown to admins. */
  deviceName: string
}

export interface AccountUser {
  id: string
  username: string
  displayName: string
  role: AccountRole
}

export interface SessionInfo {
  user: AccountUser
  deviceId: string
  /** The name given at sign-in (absent in sessions stored before it was sent). */
  deviceName?: string
  /** Send in CSRF_HEADER on every write. */
  csrfToken: string
  /** ISO time the session lapses unless used again (30 days after its last use). */
  expiresAt: string
  /** The roles the user holds and where (absent from servers before #14, and when no scopes exist). */
  grants?: { role: Role; scopeId: string }[]
  /** Scope id → name, for every scope at or under the grants (absent where grants are). */
  scopeNames?: Record<string, string>
}

export interface UserSummary extends AccountUser {
  disabled: boolean
  createdAt: string
  lastLoginAt?: string
}

export interface DeviceSummary {
  id: string
  name: string
  userId: string
  username: string
  createdAt: string
  lastSeenAt: string
  lastSyncAt?: string
  revoked: boolean
}

export interface AuditEntry {
  id: number
  at: string
  /** login, loginFailed, logout, lockout, publish, merge, roleChange, userCreated, userDisabled, deviceRevoked … */
  action: string
  userId?: string
  username?: string
  deviceId?: string
  detail: Record<string, unknown>
}

/** A role held on a scope (core's Grant), as the admin API lists it. */
export interface GrantSummary {
  id: string
  userId: string
  username: string
  role: Role
  scopeId: string
  grantedAt: string
}

export interface HealthInfo {
  ok: true
  database: 'pglite' | 'postgres'
  schemaVersion: number
}
