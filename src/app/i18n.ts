import { computed, type ComputedRef } from 'vue'
import { createI18n } from 'vue-i18n'
import { LANGS, type Lang } from '@/core/result'
import { loadMessages, loadRestMessages, messages } from '@/app/messages'

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
    // Production builds start with zh-CN only (see app/messages.ts); ensureLangLoaded adds the rest.
    messages: messages as Partial<typeof messages>,
    // Missing keys fall back to zh-CN; the parity test keeps both trees complete.
    missingWarn: false,
    fallbackWarn: false,
  })
}

/**
 * The app's one i18n instance. Created at import time with the stored choice, and main.ts mounts
 * the app once that language's messages are loaded, so the first render is already in the right
 * language (no flash of zh-CN for English users).
 */
export const i18n = createAppI18n()

const loading = new Map<Lang, Promise<void>>()

function hasMessages(lang: Lang): boolean {
  return i18n.global.availableLocales.includes(lang)
}

/**
 * Puts `lang`'s messages into the app's i18n instance if they are not there yet. Production
 * builds ship zh-CN (the default and the fallback) in the first load and every other language as
 * a chunk of its own, so nobody downloads a language they do not read. A failed load is
 * forgotten, so the next call tries again.
 */
export function ensureLangLoaded(lang: Lang): Promise<void> {
  if (hasMessages(lang)) return Promise.resolve()
  let pending = loading.get(lang)
  if (!pending) {
    pending = loadMessages(lang).then((tree) => i18n.global.setLocaleMessage(lang, tree))
    loading.set(lang, pending)
    pending.catch(() => loading.delete(lang))
  }
  return pending
}

let rest: Promise<void> | undefined

/**
 * Adds the zh-CN areas that production builds leave out of the first load (only the shell, home
 * and the fill pages' texts are in it: scripts/i18n-precompile.ts). Other languages' chunks hold
 * every area, and zh-CN is the fallback, so this is the only gap. A failed load is forgotten.
 */
export function ensureAllMessages(): Promise<void> {
  if (!rest) {
    const pending = loadRestMessages().then((tree) => {
      if (tree) i18n.global.mergeLocaleMessage(DEFAULT_LANG, tree)
    })
    pending.catch(() => (rest = undefined))
    rest = pending
  }
  return rest
}

/** The language asked for last: a slow load must not switch back to an earlier choice. */
let wanted: Lang | undefined

/**
 * Switches the interface language and keeps `<html lang>` in step (screen readers, CJK fonts).
 * Immediate when the language's messages are loaded (always in tests and dev); otherwise the
 * switch happens once they have arrived, and the current language stays until then.
 */
export function applyLang(lang: Lang): void {
  wanted = lang
  const switchTo = (): void => {
    if (wanted !== lang) return
    i18n.global.locale.value = lang
    if (typeof document !== 'undefined') document.documentElement.lang = lang
  }
  if (hasMessages(lang)) switchTo()
  else ensureLangLoaded(lang).then(switchTo, (error: unknown) => console.warn(`Loading the ${lang} messages failed`, error))
}

/** The current interface language; usable in components, stores and composables alike. */
export function useLang(): ComputedRef<Lang> {
  return computed(() => {
    const value = i18n.global.locale.value
    return isLang(value) ? value : DEFAULT_LANG
  })
}
