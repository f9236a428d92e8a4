/** STUB (h-cycle-ui): the agreed signature of h-cycle-core's evidenceCompleteness; replaced at merge. */
import type { Response, Template } from '../format/types'

export interface EvidenceItem {
  itemId: string
  title: string
  sectionId: string
  needed: number
  present: number
  accept?: string[]
  complete: boolean
}

export interface EvidenceCompleteness {
  items: EvidenceItem[]
  required: number
  complete: number
  percent: number | null
}

export function evidenceCompleteness(_template: Template, _response: Response): EvidenceCompleteness {
  return { items: [], required: 0, complete: 0, percent: null }
}
