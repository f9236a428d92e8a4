/**
 * A store's call to the team server: the failure lands in the store's `error` (its page explains
 * it) and the call yields undefined; a refused session ends the sign-in. Shared by the stores that
 * edit on the server (plans, cycles, cycle results).
 */
import type { Ref } from 'vue'
import type { TransportError } from '@/sync/transport'
import { asTransportError, type useAccountStore } from './account'

export type ServerAttempt = <T>(work: () => Promise<T>) => Promise<T | undefined>

export function serverAttempt(account: ReturnType<typeof useAccountStore>, error: Ref<TransportError | null>, busy: Ref<boolean>): ServerAttempt {
  return async (work) => {
    error.value = null
    busy.value = true
    try {
      return await work()
    } catch (e) {
      const failure = asTransportError(e)
      error.value = failure
      if (failure.failure === 'unauthorized') account.sessionEnded(failure)
      return undefined
    } finally {
      busy.value = false
    }
  }
}
