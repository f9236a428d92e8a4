import type { LocalizedText } from '@/core/result'
import { CYCLE_MESSAGES, CYCLE_WARNING_CODES } from './cycle'
import { DOCUMENT_MESSAGES } from './document'
import { TEMPLATE_MESSAGES } from './template'
import { VALUE_MESSAGES } from './values'

/** Every issue code the validators produce, with its message in every language. */
export const MESSAGES = { ...DOCUMENT_MESSAGES, ...TEMPLATE_MESSAGES, ...VALUE_MESSAGES, ...CYCLE_MESSAGES } as const satisfies Record<string, LocalizedText>
export type IssueCode = keyof typeof MESSAGES

/** Codes reported as warnings: the document still loads and scores; the author should look. */
export const WARNING_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'rule.dynamicVar',
  'scoring.weightIgnored',
  'band.percentRange',
  'veto.noBands',
  'bonus.nested',
  'section.empty',
  'subject.optionsIgnored',
  'subject.unknownField',
  ...CYCLE_WARNING_CODES,
])
