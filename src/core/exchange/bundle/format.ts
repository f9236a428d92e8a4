/**
 * The backup bundle (备份包): one zip a person can carry between tablets. This file fixes its
 * layout, limits and record types; everything here is plain data, so node tests and the browser
 * agree on it byte for byte.
 *
 * Layout (entry names are a contract; `manifest.json` is read first):
 * - `manifest.json`     BundleManifest: format version, app version, device, counts, SHA-256 of every other entry
 * - `templates.json`    { templates: BundleTemplate[], versions: BundleTemplateVersion[] }
 * - `responses.jsonl`   one BundleResponse per line (a format-level Response, answers inside, each with `updatedAt`)
 * - `tasks.json`        BundleTask[]
 * - `attachments.json`  BundleAttachment[] (metadata)
 * - `attachments/<id>`  the attachment's bytes, stored uncompressed (photos are compressed already)
 */
import type { Response, ResponseStatus, Template } from '../../format/types'
import type { Task } from '../../tasks/task'

/** The bundle format this build writes and the only one it reads. */
export const BUNDLE_FORMAT_VERSION = 1
export const BUNDLE_KIND = 'qingdan-bundle'

/** A bundle file larger than this is refused before it is opened (a month of photos is far less). */
export const MAX_BUNDLE_BYTES = 2 * 1024 ** 3
/** One attachment larger than this is refused: the camera input stores photos well under it. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 ** 2
/**
 * A JSON entry larger than this is refused before it is inflated (by its declared size) and while
 * it is inflated (sizes can lie): a 400 KB zip can hold 400 MB of JSON, and parsing that would
 * take gigabytes. 64 MiB holds tens of thousands of responses.
 */
export const MAX_JSON_ENTRY_BYTES = 64 * 1024 ** 2
/** The manifest lists checksums only; a larger one is not an export of this app. */
export const MAX_MANIFEST_BYTES = 16 * 1024 ** 2
/** More entries than this cannot come from an export of this app. */
export const MAX_BUNDLE_ENTRIES = 200_000

export const ENTRY = {
  manifest: 'manifest.json',
  templates: 'templates.json',
  responses: 'responses.jsonl',
  tasks: 'tasks.json',
  attachments: 'attachments.json',
} as const
export const ATTACHMENT_PREFIX = 'attachments/'

export function attachmentEntryName(id: string): string {
  return ATTACHMENT_PREFIX + id
}

export interface EntryChecksum {
  /** Uncompressed size in bytes. */
  size: number
  /** Lower-case hex SHA-256 of the uncompressed bytes. */
  sha256: string
}

/** What an export selected: everything when empty. */
export interface BundleFilter {
  templateId?: string
  /** Inclusive ISO dates (`YYYY-MM-DD`) on the response's `startedAt`. */
  from?: string
  to?: string
  /** A `fieldId=value` subject term, e.g. `building=3号楼`. */
  subjectTerm?: string
}

export interface BundleCounts {
  templates: number
  templateVersions: number
  responses: number
  answers: number
  tasks: number
  attachments: number
}

export interface BundleManifest {
  kind: typeof BUNDLE_KIND
  formatVersion: number
  appVersion: string
  /** The device that wrote the bundle (`getDeviceId`). */
  deviceId: string
  createdAt: string
  filter?: BundleFilter
  counts: BundleCounts
  /** Every entry but the manifest itself, by name. */
  entries: Record<string, EntryChecksum>
}

export const BUNDLE_TEMPLATE_STATUSES = ['draft', 'published', 'archived'] as const
export const BUNDLE_TEMPLATE_SOURCES = ['sample', 'user', 'import'] as const

/** A template's metadata and unpublished draft (mirrors the stored template row). */
export interface BundleTemplate {
  id: string
  title: string
  status: (typeof BUNDLE_TEMPLATE_STATUSES)[number]
  latestVersion: number
  draft?: Template
  source: (typeof BUNDLE_TEMPLATE_SOURCES)[number]
  createdAt: string
  updatedAt: string
}

export interface BundleTemplateVersion {
  templateId: string
  version: number
  template: Template
  publishedAt: string
}

/**
 * One response: the format's Response (so the CLI can score a line as it is), plus what the
 * format does not carry. Derived fields (score, subject indexes) are recomputed on import: a
 * bundle is untrusted data and its numbers must come from the template.
 */
export interface BundleResponse {
  response: Response & { id: string; status: ResponseStatus; updatedAt: string }
  templateTitle: string
  deviceId?: string
}

export interface BundleAttachment {
  id: string
  responseId: string
  /** null: the response's signature. */
  itemId: string | null
  name: string
  type: string
  size: number
  width?: number
  height?: number
  createdAt: string
}

/** The task statuses and record: the one Task type of core/tasks, as stored and as bundled. */
export { TASK_STATUSES as BUNDLE_TASK_STATUSES } from '../../tasks/task'
export type BundleTask = Task

/** Everything in a bundle but the attachment bytes, parsed and shape-checked. */
export interface BundleContent {
  manifest: BundleManifest
  templates: BundleTemplate[]
  versions: BundleTemplateVersion[]
  responses: BundleResponse[]
  tasks: BundleTask[]
  attachments: BundleAttachment[]
}
