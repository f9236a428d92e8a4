/** Tiny builders for task rule tests. */
import type { Finding, ScoreResult } from '@/core/format/types'
import type { Task } from '@/core/tasks/task'

export const NOW = '2026-11-28T00:00:00.000Z'

export function task(extra: Partial<Task> = {}): Task {
  return {
    id: 't1',
    responseId: 'r1',
    itemId: 'smoking',
    templateId: 'dorm-room-safety',
    subject: { building: '3号楼', room: '201' },
    title: '室内吸烟',
    status: 'open',
    deadline: '2026-11-30T02:00:00.000Z',
    createdAt: '2026-11-27T02:00:00.000Z',
    updatedAt: '2026-11-27T02:00:00.000Z',
    ...extra,
  }
}

export function finding(itemId: string, extra: Partial<Finding> = {}): Finding {
  return { itemId, sectionId: 'fire', rootSectionId: 'fire', title: `Finding ${itemId}`, optionIds: [], attachments: [], ...extra }
}

export function resultWith(findings: Finding[]): ScoreResult {
  return {
    templateId: 'dorm-room-safety', templateVersion: 1, total: 80, max: 100, percent: 80, band: null, base: 80, bonus: 0,
    vetoed: false, vetoes: [], zeroes: [], complete: true, sections: [], items: [], findings, unanswered: [],
    missingEvidence: [], steps: [], notes: [],
  }
}
