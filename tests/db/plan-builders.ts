/** Tiny builders for plan tests: a weekly plan of three rooms, register rooms, submitted rows. */
import type { SyncPlan, SyncSubject } from '@/core/sync/protocol'
import type { ResponseRow } from '@/db/rows'
import { scoreOf, template } from './helpers'

export function plan(over: Partial<SyncPlan> = {}): SyncPlan {
  return {
    id: 'p1',
    title: '3号楼每周三',
    templateId: 'dorm',
    subjectIds: ['room:3号楼/301', 'room:3号楼/302', 'room:3号楼/401'],
    assignees: { 'room:3号楼/301': 'u-zhang', 'room:3号楼/302': 'u-zhang', 'room:3号楼/401': 'u-li' },
    schedule: { type: 'weekly', days: [3] },
    dueTime: '18:00',
    from: '2026-11-30',
    to: '2026-12-20',
    scopeId: 'building:3号楼',
    people: { 'u-zhang': '张老师', 'u-li': '李老师' },
    updatedAt: '2026-11-29T00:00:00.000Z',
    ...over,
  }
}

export function room(id: string, floor: string, over: Partial<SyncSubject> = {}): SyncSubject {
  const no = id.split('/')[1]!
  return { id, kind: 'room', scopeId: `floor:3号楼/${floor}`, fields: { building: '3号楼', floor, room: no }, label: `3号楼 ${no}`, version: 1, ...over }
}

/** A submitted, scored response row (answers left out): what its summary is made from. */
export function submitted(id: string, subjectId: string | undefined, submittedAt: string, over: Partial<ResponseRow> = {}): ResponseRow {
  return {
    id,
    templateId: 'dorm',
    templateVersion: 1,
    templateTitle: '宿舍',
    role: 'inspection',
    subject: {},
    status: 'submitted',
    inspector: '张老师',
    startedAt: submittedAt,
    updatedAt: submittedAt,
    submittedAt,
    result: scoreOf(template(over.templateId ?? 'dorm', 1)),
    ...(subjectId !== undefined && { subjectId }),
    ...over,
  }
}

