/** Tiny builders for bundle tests: one template, responses by room, bundle content around them. */
import type { Answer, Template } from '@/core/format/types'
import {
  BUNDLE_FORMAT_VERSION,
  BUNDLE_KIND,
  type BundleContent,
  type BundleResponse,
  type BundleTemplate,
  type ExistingState,
} from '@/core/exchange/bundle'

export function tpl(version = 1, extra: Partial<Template> = {}): Template {
  return {
    id: 'dorm',
    version,
    title: '宿舍检查',
    subject: { fields: [{ id: 'building', label: '楼栋' }, { id: 'room', label: '房间' }] },
    sections: [
      {
        id: 's1',
        title: '安全',
        items: [
          { id: 'q1', type: 'single', title: '电器', options: [{ id: 'ok', label: '符合', points: 2 }, { id: 'bad', label: '违规', points: 0, flag: true }] },
          { id: 'q2', type: 'single', title: '卫生', options: [{ id: 'ok', label: '符合', points: 2 }, { id: 'bad', label: '不符合', points: 0 }] },
        ],
      },
    ],
    ...extra,
  }
}

export const row = (version = 1, updatedAt = '2026-03-01T00:00:00.000Z'): BundleTemplate => ({
  id: 'dorm',
  title: '宿舍检查',
  status: 'published',
  latestVersion: version,
  source: 'user',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt,
})

export const ans = (value: string, updatedAt: string): Answer => ({ value, updatedAt })

export function resp(
  id: string,
  answers: Record<string, Answer>,
  extra: Partial<BundleResponse['response']> = {},
  deviceId = 'device-a',
): BundleResponse {
  return {
    templateTitle: '宿舍检查',
    deviceId,
    response: {
      id,
      templateId: 'dorm',
      templateVersion: 1,
      role: 'self',
      subject: { building: '3号楼', room: id },
      status: 'draft',
      inspector: '王老师',
      startedAt: '2026-03-01T08:00:00.000Z',
      updatedAt: '2026-03-01T08:10:00.000Z',
      answers,
      ...extra,
    },
  }
}

export function content(parts: Partial<Omit<BundleContent, 'manifest'>> = {}): BundleContent {
  const c = { templates: [row()], versions: [{ templateId: 'dorm', version: 1, template: tpl(), publishedAt: '2026-03-01T00:00:00.000Z' }], responses: [], tasks: [], attachments: [], ...parts }
  return {
    manifest: {
      kind: BUNDLE_KIND,
      formatVersion: BUNDLE_FORMAT_VERSION,
      appVersion: '0.1.0',
      deviceId: 'device-a',
      createdAt: '2026-03-02T00:00:00.000Z',
      counts: {
        templates: c.templates.length,
        templateVersions: c.versions.length,
        responses: c.responses.length,
        answers: c.responses.reduce((n, r) => n + Object.keys(r.response.answers).length, 0),
        tasks: c.tasks.length,
        attachments: c.attachments.length,
      },
      entries: {},
    },
    ...c,
  }
}

/** An empty device, or one holding the given records. */
export function existing(parts: Partial<{ [K in keyof ExistingState]: ExistingState[K] }> = {}): ExistingState {
  return {
    templates: new Map(),
    versions: new Map(),
    responses: new Map(),
    history: new Set(),
    attachmentIds: new Set(),
    tasks: new Map(),
    taskSlots: new Set(),
    ...parts,
  }
}

export const T0 = '2026-03-01T09:00:00.000Z'
export const T1 = '2026-03-01T10:00:00.000Z'
export const T2 = '2026-03-01T11:00:00.000Z'
