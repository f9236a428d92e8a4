import type { Lang } from '@/core/result'
import { mergeMessages, type MessageTree } from '@/app/message-tree'

/**
 * Every interface message, merged from `src/locales/<lang>/*.ts`. This is the source form (plain
 * strings, compiled by vue-i18n at run time) used by tests and the dev server; production builds
 * replace this module with the same trees precompiled to message ASTs
 * (scripts/i18n-precompile.ts), so vue-i18n's message compiler is left out of the bundle.
 */
export const messages: Record<Lang, MessageTree> = {
  'zh-CN': mergeMessages(import.meta.glob<{ default: MessageTree }>('../locales/zh-CN/*.ts', { eager: true })),
  en: mergeMessages(import.meta.glob<{ default: MessageTree }>('../locales/en/*.ts', { eager: true })),
}
