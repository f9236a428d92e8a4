/** The words for a builder version state: "第 1 版 · 已发布", "第 1 版 · 有未发布的修改", "未发布". */
import type { VersionState } from '@/core/builder'

type Translate = (key: string, values?: Record<string, unknown>) => string

export function versionText(t: Translate, v: VersionState): string {
  if (v.published === 0) return t('builder.version.never')
  return t(v.edited ? 'builder.version.edited' : 'builder.version.published', { v: v.published })
}
