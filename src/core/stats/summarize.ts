import type { Response, ScoreResult, Template } from '../format/types'
import { verdictOf } from '../scoring/verdict'
import { findingsPolicy } from '../format/findings'
import type { ResultSummary } from './types'

/** What a summary needs from the stored response besides its score. */
export interface SummaryMeta extends Pick<Response, 'id' | 'role' | 'reviewOf' | 'subject' | 'inspector' | 'submittedAt'> {
  templateTitle: string
  subjectKey?: string
  deviceId?: string
}

/**
 * The compact summary of a scored, submitted response. `template` (its bands) tells a 一票否决
 * from a grade ceiling (等次上限, see `verdictOf`); without it every veto hit counts as a veto, as
 * summaries written before the distinction did.
 */
export function summarize(meta: SummaryMeta, result: ScoreResult, template?: Pick<Template, 'scoring' | 'kind' | 'findings'>): ResultSummary {
  if (meta.id === undefined) throw new Error('A summary needs the response id')
  // Zeroes are counted as red lines (红线) below, under their own name: the verdict is the vetoes'.
  const verdict = template ? verdictOf(result, template) : result.vetoed ? ({ kind: 'veto' } as const) : null
  // A ceiling is not a red line: only vetoes (to the lowest band) and zeroes of a section or of
  // the total are. The same test as verdictOf's.
  const lowest = (template?.scoring?.bands?.length ?? 0) - 1
  const vetoHits = template
    ? result.vetoes.filter((h) => h.ceilingIndex === null || h.ceilingIndex >= lowest).length
    : result.vetoes.length
  const redLines = vetoHits + result.zeroes.filter((z) => z.scope !== 'item').length
  return {
    id: meta.id,
    templateId: result.templateId,
    templateVersion: result.templateVersion,
    templateTitle: meta.templateTitle,
    role: meta.role ?? 'self',
    ...(meta.reviewOf !== undefined && { reviewOf: meta.reviewOf }),
    subject: { ...(meta.subject ?? {}) },
    ...(meta.subjectKey !== undefined && { subjectKey: meta.subjectKey }),
    inspector: meta.inspector ?? '',
    submittedAt: meta.submittedAt ?? '',
    ...(meta.deviceId !== undefined && { deviceId: meta.deviceId }),
    total: result.total,
    max: result.max,
    percent: result.percent,
    band: result.band?.label ?? null,
    bandIndex: result.band?.index ?? null,
    ...(result.band?.color !== undefined && { bandColor: result.band.color }),
    vetoed: verdict?.kind === 'veto',
    ...(verdict !== null && { verdict: verdict.kind }),
    redLines,
    findingIds: result.findings.map((f) => f.itemId),
    // Findings of an evaluation or a conduct list open no 整改 tasks: nothing to follow up.
    ...(template && !findingsPolicy(template).tasks && { noTasks: true as const }),
    sections: result.sections
      .filter((s) => !s.hidden)
      .map((s) => ({ id: s.id, score: s.score, max: s.max, bonus: s.bonus })),
  }
}
