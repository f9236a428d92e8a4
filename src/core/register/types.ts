/**
 * The register (issue #14): the places and people that get checked — dormitory rooms, Party
 * branches, teachers — each in a scope of the college's tree, so a fill starts from a pick
 * (building → floor → room) and a record lands in the right scope.
 */
import type { Scope } from '../access/scopes'

export const SUBJECT_KINDS = ['room', 'branch', 'teacher'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

export interface RegisterSubject {
  /** Stable across imports of the same list: `room:3号楼/301`, `branch:第一党支部`, `teacher:T0012`. */
  id: string
  kind: SubjectKind
  /** The scope the subject's records belong to: a room's floor, a branch's own scope. */
  scopeId: string
  /** The template subject fields it fills in (building, floor, room …). */
  fields: Record<string, string>
  /** How people name it: "3号楼 301". */
  label: string
  /** The person responsible (e.g. the floor's counsellor), as the file names them. */
  responsible?: string
}

/** What a sheet of subjects yields: the subjects and the scopes they need. */
export interface RegisterImport {
  subjects: RegisterSubject[]
  /** Parents first; ids are stable, so a second import of the same list adds only new ones. */
  scopes: Scope[]
}
