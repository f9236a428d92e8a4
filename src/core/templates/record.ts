/**
 * A template as the library stores it: its metadata with the unpublished draft, and its frozen
 * versions. Plain data, so the rules in this folder run in node and IndexedDB stores them as is.
 */
import type { Template } from '../format/types'

export const TEMPLATE_STATUSES = ['draft', 'published', 'archived'] as const
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number]

export const TEMPLATE_SOURCES = ['sample', 'user', 'import'] as const
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number]

/** A template's metadata and its unpublished draft; the frozen versions are `TemplateVersionRecord`s. */
export interface TemplateRecord {
  id: string
  title: string
  status: TemplateStatus
  /** The highest published version; 0 = never published. */
  latestVersion: number
  draft?: Template
  source: TemplateSource
  createdAt: string
  updatedAt: string
}

/** One published, frozen version. Never edited after it is written. */
export interface TemplateVersionRecord {
  templateId: string
  version: number
  template: Template
  publishedAt: string
  /** Items a person answers (every type but `info`), for lists. */
  itemCount: number
}
