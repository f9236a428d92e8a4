import { computed, type ComputedRef } from 'vue'
import { createI18n } from 'vue-i18n'
import { LANGS, type Lang } from '@/core/result'
import { messages } from '@/app/messages'

/** localStorage key of the chosen interface language. */
export const LOCALE_STORAGE_KEY = 'qingdan.locale'
export const DEFAULT_LANG: Lang = 'zh-CN'

export { mergeMessages, type MessageTree } from '@/app/message-tree'
export { messages }

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

/** The persisted choice, or zh-CN. Storage may be missing or throw (private mode, node). */
export function readStoredLang(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): Lang {
  try {
    const value = storage?.getItem(LOCALE_STORAGE_KEY)
    return isLang(value) ? value : DEFAULT_LANG
  } catch {
    return DEFAULT_LANG
  }
}

export function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

export function createAppI18n(locale: Lang = readStoredLang()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LANG,
    messages,
    // Missing keys fall back to zh-CN; the parity test keeps both trees complete.
    missingWarn: false,
    fallbackWarn: false,
  })
}

/**
 * The app's one i18n instance. Created at import time with the stored choice, so the first
 * render is already in the right language (no flash of zh-CN for English users).
 */
export const i18n = createAppI18n()

/** Switches the interface language and keeps `<html lang>` in step (screen readers, CJK fonts). */
export function applyLang(lang: Lang): void {
  i18n.global.locale.value = lang
  if (typeof document !== 'undefined') document.documentElement.lang = lang
}

/** The current interface language; usable in components, stores and composables alike. */
export function useLang(): ComputedRef<Lang> {
  return computed(() => {
    const value = i18n.global.locale.value
    return isLang(value) ? value : DEFAULT_LANG
  })
}
