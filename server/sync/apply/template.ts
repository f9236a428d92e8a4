/**
 * Templates: the row (metadata and unpublished draft) merges by clock; a published version is
 * validated by core and written once: the same version with other content is refused.
 */
import { decideByClock, decideImmutable, type Mutation, type SyncTemplate, type SyncTemplateVersion } from '@/core/sync'
import { validateTemplate } from '@/core/validate'
import { syncIssue } from '../issues'
import { json, NEXT_CURSOR } from '../sql'
import { noteConflict, refused, statusOf, type Applied, type ApplyContext } from './context'

type TemplateMutation = Extract<Mutation, { kind: 'template' }>
type VersionMutation = Extract<Mutation, { kind: 'templateVersion' }>

export async function applyTemplate(m: TemplateMutation, ctx: ApplyContext): Promise<Applied> {
  const rows = await ctx.tx.query<{ row: SyncTemplate }>('select row from templates where id = $1', [m.template.id])
  const outcome = decideByClock(rows[0]?.row, m.template)
  if (outcome === 'apply') {
    await ctx.tx.query(
      `insert into templates (id, row, hlc, cursor) values ($1, $2::text::jsonb, $3, ${NEXT_CURSOR})
       on conflict (id) do update set row = excluded.row, hlc = excluded.hlc, cursor = excluded.cursor`,
      [m.template.id, json(m.template), m.template.hlc],
    )
  }
  if (outcome === 'conflict') throw new Error('template rows are never immutable')
  if (outcome === 'stale') noteConflict(ctx.log, undefined)
  return { status: statusOf(outcome) }
}

export async function applyTemplateVersion(m: VersionMutation, ctx: ApplyContext): Promise<Applied> {
  const { tx, at } = ctx
  const v: SyncTemplateVersion = m.version
  const result = validateTemplate(v.template)
  if (!result.ok) {
    const issue = result.issues.find((i) => i.severity === 'error') ?? result.issues[0]!
    return refused({ ...issue, pointer: `${at}/version/template${issue.pointer}` })
  }
  if (result.value.id !== v.templateId || result.value.version !== v.version) {
    return refused(
      syncIssue('versionMismatch', `${at}/version/template`, {
        templateId: v.templateId,
        version: v.version,
        actualId: result.value.id,
        actualVersion: result.value.version,
      }),
    )
  }
  const held = await ctx.versions.get(v.templateId, v.version)
  // Publishing time is when a device published it; two devices publishing the same content agree.
  const outcome = decideImmutable(held, v.template)
  if (outcome === 'conflict') return refused(syncIssue('versionConflict', `${at}/version/template`, { templateId: v.templateId, version: v.version }))
  if (outcome === 'apply') {
    await tx.query(
      `insert into template_versions (template_id, version, content, published_at, cursor)
       values ($1, $2, $3::text::jsonb, $4, ${NEXT_CURSOR})`,
      [v.templateId, v.version, json(v.template), v.publishedAt],
    )
    ctx.versions.remember(v.templateId, v.version, v.template)
    ctx.log.published.push({ templateId: v.templateId, version: v.version })
  }
  return { status: statusOf(outcome) }
}
