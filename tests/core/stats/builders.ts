/** Tiny builders for stats tests: one summary in one line. */
import type { ResultSummary } from '@/core/stats'

let n = 0
export function summary(extra: Partial<ResultSummary> = {}): ResultSummary {
  n++
  return {
    id: `r${n}`,
    templateId: 'dorm-room-safety',
    templateVersion: 1,
    templateTitle: '宿舍安全检查',
    role: 'self',
    subject: { building: '3号楼', floor: 2, room: '201' },
    inspector: '王老师',
    submittedAt: '2026-11-02T02:00:00.000Z',
    total: 90,
    max: 100,
    percent: 90,
    band: '优秀',
    bandIndex: 0,
    vetoed: false,
    redLines: 0,
    findingIds: [],
    sections: [],
    ...extra,
  }
}
