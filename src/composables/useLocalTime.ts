/**
 * Times as the settings' zone reads them, for templates: `dateTime(iso)` → "2026-12-02 19:42".
 * The functions read the zone on each call, so a render that uses them re-runs when the setting
 * changes. The formatting itself is core's (one function for screens and exports alike).
 */
import { localDate, localDateTime } from '@/core/time/local-time'
import { useSettingsStore } from '@/stores/settings'

export interface UseLocalTimeReturn {
  /** `YYYY-MM-DD HH:mm` in the settings' zone; '' for a missing or unreadable time. */
  dateTime: (iso: string | undefined) => string
  /** `YYYY-MM-DD` in the settings' zone. */
  date: (iso: string | undefined) => string
}

export function useLocalTime(): UseLocalTimeReturn {
  const settings = useSettingsStore()
  return {
    dateTime: (iso) => localDateTime(iso, settings.timeZone),
    date: (iso) => localDate(iso, settings.timeZone),
  }
}
