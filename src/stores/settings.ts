import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { Lang } from '@/core/result'
import { DEFAULT_TIME_ZONE, isTimeZone } from '@/core/time/local-time'
import { LOCALE_STORAGE_KEY, applyLang, readStoredLang, safeLocalStorage } from '@/app/i18n'
import { removeStored, writeStored } from './local-storage'

/** localStorage key of the inspector name used by default on new responses. */
export const INSPECTOR_STORAGE_KEY = 'qingdan.inspector'

/** Longest inspector name we keep; a name, not a paragraph, and it must fit a printed ledger. */
export const INSPECTOR_MAX_LENGTH = 40

/** localStorage key of the time zone that times are shown and exported in. */
export const TIME_ZONE_STORAGE_KEY = 'qingdan.timeZone'

/**
 * Device-level preferences. They live in localStorage, not IndexedDB: they are tiny, must be
 * known synchronously before the first render, and are not part of any backup bundle.
 */
export const useSettingsStore = defineStore('settings', () => {
  const storage = safeLocalStorage()
  const locale = ref<Lang>(readStoredLang(storage))
  const inspector = ref<string>(readInspector(storage))
  const timeZone = ref<string>(readTimeZone(storage))

  function setLocale(lang: Lang): void {
    locale.value = lang
    applyLang(lang)
    writeStored(storage, LOCALE_STORAGE_KEY, lang)
  }

  /** Trims and caps the name; an empty name removes the stored value. */
  function setInspector(name: string): void {
    const clean = name.trim().slice(0, INSPECTOR_MAX_LENGTH)
    inspector.value = clean
    if (clean) writeStored(storage, INSPECTOR_STORAGE_KEY, clean)
    else removeStored(storage, INSPECTOR_STORAGE_KEY)
  }

  /**
   * The zone every screen and export writes times in. An unknown zone is refused (the choice
   * stays as it was), so a typo cannot make every time fall back silently.
   */
  function setTimeZone(zone: string): boolean {
    if (!isTimeZone(zone)) return false
    timeZone.value = zone
    if (zone === DEFAULT_TIME_ZONE) removeStored(storage, TIME_ZONE_STORAGE_KEY)
    else writeStored(storage, TIME_ZONE_STORAGE_KEY, zone)
    return true
  }

  return { locale, inspector, timeZone, setLocale, setInspector, setTimeZone }
})

function readTimeZone(storage: Storage | undefined): string {
  try {
    const stored = storage?.getItem(TIME_ZONE_STORAGE_KEY) ?? ''
    return isTimeZone(stored) ? stored : DEFAULT_TIME_ZONE
  } catch {
    return DEFAULT_TIME_ZONE
  }
}

function readInspector(storage: Storage | undefined): string {
  try {
    return storage?.getItem(INSPECTOR_STORAGE_KEY)?.slice(0, INSPECTOR_MAX_LENGTH) ?? ''
  } catch {
    return ''
  }
}
