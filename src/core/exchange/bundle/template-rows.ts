/**
 * Template rows from a bundle are claims about this device's library, so they are screened before
 * they are merged (issue #11): a row cannot point past the versions that exist (a `latestVersion`
 * of 9e14 would make the template vanish from 填写 and the builder), a draft must pass the same
 * validation as a template the app publishes (an unvalidated draft can freeze the builder), and a
 * shipped sample is this app's, not the bundle's: its row is never replaced.
 */
import type { Issue } from '../../result'
import { validateTemplate } from '../../validate'
import type { BundleTemplate } from './format'
import { canonicalJson } from './hash'
import { bundleIssue } from './messages'

export interface ScreenedRow {
  /** The row to merge, or undefined when the local row must stay as it is. */
  row?: BundleTemplate
  warnings: Issue[]
}

/**
 * @param known highest version of the template this device will hold after the import (its own
 *   versions and the bundle's), 0 when none.
 */
export function screenTemplateRow(incoming: BundleTemplate, local: BundleTemplate | undefined, known: number): ScreenedRow {
  if (local?.source === 'sample') {
    // Every device installs the samples itself, so their times differ; only say so when the
    // bundle's row would have changed what people see.
    const differs = canonicalJson(visible(incoming)) !== canonicalJson(visible(local))
    return { warnings: differs ? [warn(bundleIssue('sampleKept', { id: local.id, title: local.title }))] : [] }
  }
  const warnings: Issue[] = []
  let row: BundleTemplate = incoming
  // Only this app's installer writes sample rows.
  if (row.source === 'sample') row = { ...row, source: 'import' }
  if (row.latestVersion > known) {
    row = { ...row, latestVersion: known, ...(known === 0 && row.status === 'published' && { status: 'draft' as const }) }
  }
  if (row.draft !== undefined) {
    const check = validateTemplate(row.draft)
    if (!check.ok) {
      const { draft: _dropped, ...rest } = row
      row = rest
      const first = check.issues.find((i) => i.severity === 'error') ?? check.issues[0]
      const detail = first ? { 'zh-CN': `${first.pointer}: ${first.message['zh-CN']}`, en: `${first.pointer}: ${first.message.en}` } : ''
      warnings.push(warn(bundleIssue('draftDropped', { id: row.id, title: row.title, detail })))
    }
  }
  return { row, warnings }
}

const visible = (t: BundleTemplate): unknown => ({ title: t.title, status: t.status, latestVersion: t.latestVersion, draft: t.draft ?? null })

function warn(issue: Issue): Issue {
  return { ...issue, severity: 'warning' }
}
