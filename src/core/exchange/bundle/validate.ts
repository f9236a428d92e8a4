/**
 * Format-level validation of a bundle's content: every template version against the template
 * schema and semantic checks, every response against the template it was filled on. One failure
 * stops the whole import (a bundle is one backup: half of it is not a backup).
 */
import type { Template } from '../../format/types'
import type { Issue } from '../../result'
import { validateResponse, validateTemplate } from '../../validate'
import type { BundleContent } from './format'
import { bundleIssue } from './messages'

/** The stored version of a template on this device, if any. */
export type VersionLookup = (templateId: string, version: number) => Template | undefined

export const versionKey = (templateId: string, version: number): string => `${templateId}@${version}`

function firstProblem(issues: Issue[]): Issue | undefined {
  return issues.find((i) => i.severity === 'error') ?? issues[0]
}

function detail(issue: Issue | undefined): { 'zh-CN': string; en: string } {
  if (!issue) return { 'zh-CN': '未知错误', en: 'unknown error' }
  const at = issue.pointer ? `${issue.pointer}: ` : ''
  return { 'zh-CN': at + issue.message['zh-CN'], en: at + issue.message.en }
}

/** The template each response of the bundle is checked and scored against. */
export function bundleVersions(content: BundleContent): Map<string, Template> {
  return new Map(content.versions.map((v) => [versionKey(v.templateId, v.version), v.template]))
}

/** Problems that stop the import; empty when every record is valid. */
export function validateBundleContent(content: BundleContent, local: VersionLookup): Issue[] {
  const issues: Issue[] = []
  for (const [i, v] of content.versions.entries()) {
    const result = validateTemplate(v.template)
    const mismatch = result.ok && (result.value.id !== v.templateId || result.value.version !== v.version)
    if (!result.ok || mismatch) {
      const why = result.ok
        ? { 'zh-CN': `模板内容为 ${result.value.id} 第 ${result.value.version} 版`, en: `its content is ${result.value.id} version ${result.value.version}` }
        : detail(firstProblem(result.issues))
      issues.push(bundleIssue('invalidTemplate', { id: v.templateId, version: v.version, detail: why }, `/versions/${i}`))
      return issues
    }
  }
  const inBundle = bundleVersions(content)
  for (const [i, { response }] of content.responses.entries()) {
    const template = inBundle.get(versionKey(response.templateId, response.templateVersion)) ?? local(response.templateId, response.templateVersion)
    if (!template) {
      issues.push(
        bundleIssue('templateMissing', { id: response.id, templateId: response.templateId, version: response.templateVersion }, `/${i}`),
      )
      return issues
    }
    const result = validateResponse(template, response)
    if (!result.ok) {
      issues.push(bundleIssue('invalidResponse', { id: response.id, detail: detail(firstProblem(result.issues)) }, `/${i}`))
      return issues
    }
  }
  return issues
}
