/** A subject as the fill page heads it: "楼栋 6号楼 · 房间号 201", fields in template order, blanks left out. */
import type { SubjectField } from '@/core/format/types'

export function subjectLine(fields: readonly SubjectField[] | undefined, subject: Readonly<Record<string, string | number>>): string {
  return (fields ?? [])
    .filter((f) => subject[f.id] !== undefined && subject[f.id] !== '')
    .map((f) => `${f.label} ${subject[f.id]}`)
    .join(' · ')
}
