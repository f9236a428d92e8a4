import type { Response, ScoreResult } from '../format/types'
import type { ResultSummary } from './types'

/** What a summary needs from the stored response besides its score. */
export interface SummaryMeta extends Pick<Response, 'id' | 'role' | 'reviewOf' | 'subject' | 'inspector' | 'submittedAt'> {
  templateTitle: string
  subjectKey?: string
  deviceId?: string
}

/** The compact summary of a scored, submitted response. */
export function summarize(meta: SummaryMeta, result: ScoreResult): ResultSummary {
  if (meta.id === undefined) throw new Error('A summary needs the response id')
  const redLines = result.vetoes.length + result.zeroes.filter((z) => z.scope !== 'item').length
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
    vetoed: result.vetoed,
    redLines,
    findingIds: result.findings.map((f) => f.itemId),
    sections: result.sections
      .filter((s) => !s.hidden)
      .map((s) => ({ id: s.id, score: s.score, max: s.max, bonus: s.bonus })),
  }
}
