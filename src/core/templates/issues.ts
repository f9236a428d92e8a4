/** Why a template cannot be published. */
import type { Issue } from '../result'

export const TEMPLATE_ISSUES = {
  'publish.notFound': { 'zh-CN': '找不到该模板。', en: 'The template does not exist.' },
  'publish.noDraft': { 'zh-CN': '没有可发布的草稿。', en: 'There is no draft to publish.' },
} as const satisfies Record<string, Issue['message']>

export type TemplateIssueCode = keyof typeof TEMPLATE_ISSUES

export function templateIssue(code: TemplateIssueCode): Issue {
  return { code, pointer: '', severity: 'error', message: { ...TEMPLATE_ISSUES[code] } }
}
