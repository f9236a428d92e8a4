/** Bilingual messages of bundle import problems. Each stops the import or refuses one record. */
import type { Issue, Lang, LocalizedText } from '../../result'

export const BUNDLE_MESSAGES = {
  tooLarge: {
    'zh-CN': '备份包大小为 {size}，超过上限 {limit}，未导入任何内容。',
    en: 'The bundle is {size}, over the {limit} limit; nothing was imported.',
  },
  notZip: {
    'zh-CN': '文件不完整或不是清单备份包（可能在传输中被截断），未导入任何内容。',
    en: 'The file is incomplete or not a Qingdan bundle (it may have been truncated in transfer); nothing was imported.',
  },
  noManifest: {
    'zh-CN': '备份包缺少 manifest.json，无法确认其内容，未导入任何内容。',
    en: 'The bundle has no manifest.json, so its content cannot be checked; nothing was imported.',
  },
  badManifest: {
    'zh-CN': '备份包的 manifest.json 格式有误：{detail}。未导入任何内容。',
    en: 'The bundle’s manifest.json is malformed: {detail}. Nothing was imported.',
  },
  formatVersion: {
    'zh-CN': '备份包格式版本为 {version}，本应用只支持版本 {supported}，请升级应用后再导入。未导入任何内容。',
    en: 'The bundle format version is {version}; this app reads version {supported} only. Update the app and try again. Nothing was imported.',
  },
  missingEntry: {
    'zh-CN': '备份包缺少文件 {name}，可能已损坏，未导入任何内容。',
    en: 'The bundle lacks {name}; it may be damaged. Nothing was imported.',
  },
  unlistedEntry: {
    'zh-CN': '备份包中的文件 {name} 未在清单中登记，可能被改动过，未导入任何内容。',
    en: 'The bundle holds {name}, which its manifest does not list; it may have been altered. Nothing was imported.',
  },
  checksum: {
    'zh-CN': '备份包中的 {name} 校验值不符（文件已损坏或被改动），未导入任何内容。',
    en: 'The checksum of {name} does not match (the file is damaged or altered); nothing was imported.',
  },
  entryTooLarge: {
    'zh-CN': '备份包中的 {name} 大小为 {size}，超过上限 {limit}，未导入任何内容。',
    en: '{name} in the bundle is {size}, over the {limit} limit; nothing was imported.',
  },
  badJson: {
    'zh-CN': '备份包中的 {name} 不是有效的 JSON（{detail}），未导入任何内容。',
    en: '{name} in the bundle is not valid JSON ({detail}); nothing was imported.',
  },
  badRecord: {
    'zh-CN': '备份包中 {name} 的一条记录格式有误：{detail}。未导入任何内容。',
    en: 'A record in {name} is malformed: {detail}. Nothing was imported.',
  },
  duplicateId: {
    'zh-CN': '备份包的 {name} 中有两条记录使用同一编号 {id}，可能被改动过，未导入任何内容。',
    en: 'Two records in {name} share the id {id}; the bundle may have been altered. Nothing was imported.',
  },
  countMismatch: {
    'zh-CN': '备份包中 {name} 有 {actual} 条记录，清单登记为 {expected} 条，未导入任何内容。',
    en: '{name} holds {actual} records but the manifest lists {expected}; nothing was imported.',
  },
  invalidTemplate: {
    'zh-CN': '备份包中的模板 {id} 第 {version} 版未通过校验：{detail}。未导入任何内容。',
    en: 'Template {id} version {version} in the bundle fails validation: {detail}. Nothing was imported.',
  },
  invalidResponse: {
    'zh-CN': '备份包中的记录 {id} 未通过校验：{detail}。未导入任何内容。',
    en: 'Response {id} in the bundle fails validation: {detail}. Nothing was imported.',
  },
  templateMissing: {
    'zh-CN': '记录 {id} 使用的模板 {templateId} 第 {version} 版既不在备份包中也不在本机，未导入任何内容。',
    en: 'Response {id} uses template {templateId} version {version}, which is neither in the bundle nor on this device; nothing was imported.',
  },
  attachmentMissing: {
    'zh-CN': '附件 {id} 登记在备份包中，但没有它的文件，未导入任何内容。',
    en: 'Attachment {id} is listed in the bundle but its file is missing; nothing was imported.',
  },
  attachmentType: {
    'zh-CN': '附件 {id}（{name}）不是本应用可显示的照片或 PDF（可能是网页、SVG 或被改名的文件），未导入任何内容。',
    en: 'Attachment {id} ({name}) is not a photo or PDF this app can show (it may be a web page, an SVG or a renamed file); nothing was imported.',
  },
  attachmentTooLarge: {
    'zh-CN': '附件 {id} 大小为 {size}，超过单个附件上限 {limit}，未导入任何内容。',
    en: 'Attachment {id} is {size}, over the {limit} limit per attachment; nothing was imported.',
  },
  sampleKept: {
    'zh-CN': '“{title}”（{id}）是本应用自带的示例模板，备份包不能替换或隐藏它，已保留本机的版本。',
    en: '“{title}” ({id}) is a sample shipped with the app; a bundle cannot replace or hide it, so this device’s copy was kept.',
  },
  draftDropped: {
    'zh-CN': '模板“{title}”（{id}）的草稿未通过校验（{detail}），未导入该草稿；已发布的版本照常导入。',
    en: 'The draft of template “{title}” ({id}) fails validation ({detail}) and was not imported; its published versions were.',
  },
  futureTimes: {
    'zh-CN': '备份包中有 {count} 个时间比本机时钟晚一天以上（最晚为 {latest}），可能是对方设备时钟有误或文件被改动。这些时间已改记为 {anchor}，相应记录不会覆盖本机已有的记录。',
    en: '{count} time(s) in the bundle are more than a day ahead of this device’s clock (the latest is {latest}): the other device’s clock may be wrong, or the file was altered. They were recorded as {anchor}, and those records will not replace this device’s own.',
  },
  versionConflict: {
    'zh-CN': '模板“{title}”（{templateId}）第 {version} 版与本机已有的同版本内容不同，已拒绝导入该版本及依据它填写的 {dependents} 份记录。请在其中一台设备上将模板另存为新版本后重新导出。',
    en: 'Template “{title}” ({templateId}) version {version} differs from the same version on this device; that version and the {dependents} response(s) filled on it were refused. Publish the template as a new version on one device and export again.',
  },
} as const satisfies Record<string, LocalizedText>

export type BundleIssueCode = keyof typeof BUNDLE_MESSAGES
/** A param may itself be bilingual (e.g. a validation message quoted in the detail). */
export type BundleIssueParams = Record<string, string | number | LocalizedText>

/** Sizes in words people read (2 GB, 20 MB), not bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(2)} GB`
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`
  return `${bytes} B`
}

function fill(text: string, params: BundleIssueParams, lang: Lang): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'object' ? value[lang] : String(value)
  })
}

/** Params with bilingual values flattened to the English text (Issue.params holds plain values). */
function plainParams(params: BundleIssueParams): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v.en : v]))
}

/** An error issue (code `bundle.<name>`) with its message in both languages. */
export function bundleIssue(code: BundleIssueCode, params: BundleIssueParams = {}, at = ''): Issue {
  const text = BUNDLE_MESSAGES[code]
  return {
    code: `bundle.${code}`,
    pointer: at,
    severity: 'error',
    message: { 'zh-CN': fill(text['zh-CN'], params, 'zh-CN'), en: fill(text.en, params, 'en') },
    ...(Object.keys(params).length > 0 && { params: plainParams(params) }),
  }
}
