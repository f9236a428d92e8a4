import type { Lang } from '@/core/result'
import { mergeMessages, type MessageTree } from '@/app/message-tree'

/**
 * Every interface message, merged from `src/locales/<lang>/*.ts`. This is the source form (plain
 * strings, compiled by vue-i18n at run time, every language at hand) used by tests and the dev
 * server. Production builds replace this module (scripts/i18n-precompile.ts) with the trees
 * precompiled to message ASTs, so vue-i18n's message compiler is left out of the bundle, and with
 * only zh-CN in `messages`, and of it only the first pages' areas: the other languages are chunks
 * that `loadMessages` fetches, and zh-CN's other areas a chunk that `loadRestMessages` fetches.
 */
export const messages: Record<Lang, MessageTree> = {
  'zh-CN': mergeMessages(import.meta.glob<{ default: MessageTree }>('../locales/zh-CN/*.ts', { eager: true })),
  en: mergeMessages(import.meta.glob<{ default: MessageTree }>('../locales/en/*.ts', { eager: true })),
}

/** The messages of `lang`, for a language that `messages` does not hold from the start. */
export function loadMessages(lang: Lang): Promise<MessageTree> {
  return Promise.resolve(messages[lang])
}

/** The messages of the zh-CN areas `messages` does not hold from the start; null: it holds all. */
export function loadRestMessages(): Promise<MessageTree | null> {
  return Promise.resolve(null)
}
