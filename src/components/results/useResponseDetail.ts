/**
 * Loads one submitted response for the detail view and the printed ledger: its row, answers,
 * frozen template version, stored score, attachments, and the other side of a self / review
 * pair when one exists (自查分 / 考核分).
 */
import { shallowRef, ref } from 'vue'
import type { Response, ScoreResult, Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { findCounterpart, getDb, getResponse, getTemplateVersion, listAttachments, type AttachmentRow, type ResponseRow } from '@/db'

export interface Side {
  row: ResponseRow
  response: Response
  result: ScoreResult
}

export interface ResponseDetail extends Side {
  template: Template
  counterpart: Side | null
  attachments: Map<string, AttachmentRow>
}

async function side(id: string, template: Template): Promise<Side | null> {
  const stored = await getResponse(getDb(), id)
  if (!stored) return null
  // The stored score was decided at submit; re-scoring is only a fallback for old rows.
  const result = stored.row.result ?? scoreResponse(template, stored.response)
  return { row: stored.row, response: stored.response, result }
}

export function useResponseDetail() {
  const detail = shallowRef<ResponseDetail | null>(null)
  const state = ref<'loading' | 'ready' | 'missing' | 'draft'>('loading')

  async function load(id: string): Promise<void> {
    state.value = 'loading'
    const db = getDb()
    const stored = await getResponse(db, id)
    if (!stored) {
      state.value = 'missing'
      return
    }
    if (stored.row.status !== 'submitted') {
      state.value = 'draft'
      return
    }
    const version = await getTemplateVersion(db, stored.row.templateId, stored.row.templateVersion)
    if (!version) {
      state.value = 'missing'
      return
    }
    const template = version.template
    const main = await side(id, template)
    const other = await findCounterpart(db, stored.row)
    const counterpart = other ? await side(other.id, template) : null
    const rows = [...(await listAttachments(db, id)), ...(counterpart ? await listAttachments(db, counterpart.row.id) : [])]
    if (!main) {
      state.value = 'missing'
      return
    }
    detail.value = { ...main, template, counterpart, attachments: new Map(rows.map((a) => [a.id, a])) }
    state.value = 'ready'
  }

  return { detail, state, load }
}
