/**
 * The admin page (#13): users, devices and the recent audit log of the team server. Nothing here
 * is kept offline: an admin manages accounts while connected, and the server decides every right.
 */
import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { AuditEntry, DeviceSummary, UserSummary } from '@/core/sync/protocol'
import type { TransportError } from '@/sync/transport'
import type { NewUser, UserPatch } from '@/io/api'
import { asTransportError, useAccountStore } from '@/stores/account'

export const useAdminStore = defineStore('admin', () => {
  const account = useAccountStore()
  const users = shallowRef<UserSummary[]>([])
  const devices = shallowRef<DeviceSummary[]>([])
  const audit = shallowRef<AuditEntry[]>([])
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

  return { users, devices, audit, loading, error, load, createUser, updateUser, revokeDevice }
})
