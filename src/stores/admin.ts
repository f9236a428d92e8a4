/**
 * The admin page (#13, #14): users, devices, scopes, role grants and the recent audit log of the team server. Nothing here
 * is kept offline: an admin manages accounts while connected, and the server decides every right.
 */
import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { AuditEntry, DeviceSummary, GrantSummary, UserImportRow, UserSummary, UsersImportResult } from '@/core/sync/protocol'
import type { TransportError } from '@/sync/transport'
import type { NewUser, UserPatch } from '@/io/api'
import type { Role, Scope } from '@/core/access'
import { asTransportError, useAccountStore } from '@/stores/account'

/** A scope to add; the id is made here unless given (the server takes any short [A-Za-z0-9._-] id). */
export type NewScope = Omit<Scope, 'id'> & { id?: string }

export const useAdminStore = defineStore('admin', () => {
  const account = useAccountStore()
  const users = shallowRef<UserSummary[]>([])
  const devices = shallowRef<DeviceSummary[]>([])
  const audit = shallowRef<AuditEntry[]>([])
  const scopes = shallowRef<Scope[]>([])
  const grants = shallowRef<GrantSummary[]>([])
  const loading = ref(false)
  const error = shallowRef<TransportError | null>(null)

  /** Runs a request; a failure lands in `error` (shown by the page) and yields undefined. */
  async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    error.value = null
    try {
      return await work()
    } catch (e) {
      const failure = asTransportError(e)
      error.value = failure
      if (failure.failure === 'unauthorized') account.sessionEnded(failure)
      return undefined
    }
  }

  async function load(): Promise<void> {
    loading.value = true
    const api = account.client()
    try {
      const loaded = await attempt(() => Promise.all([api.listUsers(), api.listDevices(), api.listAudit(100)]))
      if (loaded) [users.value, devices.value, audit.value] = loaded
    } finally {
      loading.value = false
    }
  }

  function replace<T extends { id: string }>(list: T[], next: T): T[] {
    return list.some((x) => x.id === next.id) ? list.map((x) => (x.id === next.id ? next : x)) : [...list, next]
  }

  async function refreshAudit(): Promise<void> {
    const entries = await attempt(() => account.client().listAudit(100))
    if (entries) audit.value = entries
  }

  async function createUser(user: NewUser): Promise<boolean> {
    const created = await attempt(() => account.client().createUser(user))
    if (!created) return false
    users.value = replace(users.value, created)
    void refreshAudit()
    return true
  }

  /** Accounts and grants from a people sheet; the result (with passwords made once) or null. */
  async function importUsers(rows: UserImportRow[]): Promise<UsersImportResult | null> {
    const result = await attempt(() => account.client().importUsers({ users: rows }))
    if (!result) return null
    await load()
    return result
  }

  async function updateUser(id: string, patch: UserPatch): Promise<boolean> {
    const updated = await attempt(() => account.client().updateUser(id, patch))
    if (!updated) return false
    users.value = replace(users.value, updated)
    void refreshAudit()
    return true
  }

  async function revokeDevice(id: string): Promise<boolean> {
    const revoked = await attempt(() => account.client().revokeDevice(id))
    if (!revoked) return false
    devices.value = replace(devices.value, revoked)
    void refreshAudit()
    return true
  }

  async function loadScopes(): Promise<boolean> {
    const loaded = await attempt(() => account.client().listScopes())
    if (loaded) scopes.value = loaded
    return loaded !== undefined
  }

  async function createScope({ id = crypto.randomUUID(), ...rest }: NewScope): Promise<boolean> {
    const created = await attempt(() => account.client().createScope({ id, ...rest }))
    if (!created) return false
    scopes.value = replace(scopes.value, created)
    void refreshAudit()
    return true
  }

  async function renameScope(id: string, name: string): Promise<boolean> {
    const renamed = await attempt(() => account.client().updateScope(id, { name }))
    if (!renamed) return false
    scopes.value = replace(scopes.value, renamed)
    void refreshAudit()
    return true
  }

  /** Without a user, every grant on the server. */
  async function loadGrants(userId?: string): Promise<boolean> {
    const loaded = await attempt(() => account.client().listGrants(userId))
    if (loaded) grants.value = loaded
    return loaded !== undefined
  }

  async function grant(userId: string, role: Role, scopeId: string): Promise<boolean> {
    const created = await attempt(() => account.client().createGrant({ userId, role, scopeId }))
    if (!created) return false
    grants.value = replace(grants.value, created)
    void refreshAudit()
    return true
  }

  async function revoke(grantId: string): Promise<boolean> {
    const removed = await attempt(() => account.client().deleteGrant(grantId))
    if (!removed) return false
    grants.value = grants.value.filter((g) => g.id !== grantId)
    void refreshAudit()
    return true
  }

  return {
    users, devices, audit, scopes, grants, loading, error,
    load, createUser, importUsers, updateUser, revokeDevice, loadScopes, createScope, renameScope, loadGrants, grant, revoke,
  }
})
