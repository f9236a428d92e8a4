/**
 * The register on this device: imported lists of rooms, Party branches and teachers, read by the
 * fill start's picker and the label sheets. An import of a kind replaces that kind's list in one
 * transaction: subjects it lists are written, those it no longer lists are archived (records that
 * name them keep a readable label), and a failed write leaves the old list whole.
 */
import type { RegisterSubject, SubjectKind } from '@/core/register/types'
import type { QingdanDatabase } from '../database'
import type { RegisterRow } from '../rows'
import { storageWrite } from '../storage-error'
import { nowIso } from '../time'

export interface RegisterImportResult {
  added: number
  updated: number
  archived: number
}

const sameSubject = (a: RegisterSubject, b: RegisterSubject): boolean =>
  a.scopeId === b.scopeId && a.label === b.label && a.responsible === b.responsible && JSON.stringify(a.fields) === JSON.stringify(b.fields)

export async function replaceRegister(db: QingdanDatabase, kind: SubjectKind, subjects: readonly RegisterSubject[], now: string = nowIso()): Promise<RegisterImportResult> {
  return storageWrite(() =>
    db.transaction('rw', db.register, async () => {
      const held = new Map((await db.register.where('kind').equals(kind).toArray()).map((r) => [r.id, r]))
      const listed = new Set<string>()
      const out: RegisterImportResult = { added: 0, updated: 0, archived: 0 }
      const rows: RegisterRow[] = []
      for (const s of subjects) {
        if (s.kind !== kind) continue
        listed.add(s.id)
        const before = held.get(s.id)
        if (!before) out.added++
        else if (before.archived || !sameSubject(before, s)) out.updated++
        else continue
        rows.push({ ...s, importedAt: now })
      }
      for (const [id, row] of held) {
        if (listed.has(id) || row.archived) continue
        rows.push({ ...row, archived: true, importedAt: now })
        out.archived++
      }
      await db.register.bulkPut(rows)
      return out
    }),
  )
}

/** The live subjects of a kind (archived ones left out), by label in Chinese collation. */
export async function listRegister(db: QingdanDatabase, kind: SubjectKind): Promise<RegisterRow[]> {
  const rows = await db.register.where('kind').equals(kind).filter((r) => !r.archived).toArray()
  const collator = new Intl.Collator('zh-CN', { numeric: true })
  return rows.sort((a, b) => collator.compare(a.label, b.label))
}

export async function getRegisterSubject(db: QingdanDatabase, id: string): Promise<RegisterRow | undefined> {
  return db.register.get(id)
}

/** What an edit in the app may change: how the entry is named, who answers for it, whether it is still in use. */
export interface RegisterEdit {
  label: string
  responsible?: string
  archived: boolean
}

/**
 * One entry edited in the app: a new version of it (imported entries start at 1), or undefined
 * when there is no such entry. A pulled entry with a higher version replaces it later.
 */
export async function editRegisterSubject(db: QingdanDatabase, id: string, edit: RegisterEdit, now: string = nowIso()): Promise<RegisterRow | undefined> {
  return storageWrite(() =>
    db.transaction('rw', db.register, async () => {
      const held = await db.register.get(id)
      if (!held) return undefined
      const { responsible: _r, archived: _a, ...rest } = held
      const row: RegisterRow = {
        ...rest,
        label: edit.label.trim(),
        ...(edit.responsible?.trim() && { responsible: edit.responsible.trim() }),
        ...(edit.archived && { archived: true as const }),
        version: (held.version ?? 1) + 1,
        importedAt: now,
      }
      await db.register.put(row)
      return row
    }),
  )
}
