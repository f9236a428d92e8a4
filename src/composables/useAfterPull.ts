/**
 * Runs `reload` whenever a sync run brings something in, so a page counted from this device's
 * data (today's rooms, a plan's coverage) follows the pull instead of waiting for a reload.
 */
import { watch } from 'vue'
import { storeToRefs } from 'pinia'
import { useSyncStore } from '@/stores/sync'

export function useAfterPull(reload: () => unknown): void {
  const { lastReport } = storeToRefs(useSyncStore())
  watch(lastReport, (report) => {
    if (report && report.pulled > 0) void reload()
  })
}
