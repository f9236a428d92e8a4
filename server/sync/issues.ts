/**
 * The sync service's own refusals, each an Issue with a message in every language. Problems with
 * an answer's value or a template's content come from core's validators as they are (already
 * bilingual); this table covers what only sync can say: envelopes, clocks, conflicts, blobs.
 */
import type { Issue, LocalizedText } from '@/core/result'
import { MAX_CLOCK_AHEAD_MS } from '@/core/sync'

const MESSAGES = {
  badRequest: { 'zh-CN': '同步请求格式不对：{detail}', en: 'The sync request is malformed: {detail}' },
  badField: { 'zh-CN': '字段“{field}”缺失或格式不对。', en: 'The field "{field}" is missing or malformed.' },
  badText: { 'zh-CN': '文本中含有不允许的字符（\\u0000）。', en: 'The text contains a character that is not allowed (\\u0000).' },
  seqOrder: {
    'zh-CN': '同步序号必须逐条递增：第 {index} 条（{seq}）不大于前一条。',
    en: 'Sync sequence numbers must increase: mutation {index} ({seq}) is not above the one before it.',
  },
  wrongDevice: {
    'zh-CN': '这批改动来自另一台设备（{deviceId}），不是当前登录的设备。',
    en: 'This batch comes from another device ({deviceId}), not the one signed in.',
  },
  batchTooLarge: { 'zh-CN': '一批最多 {limit} 条改动，这批有 {count} 条。', en: 'A batch holds at most {limit} changes; this one has {count}.' },
  badClock: { 'zh-CN': '改动的时钟读数格式不对。', en: 'The change carries a malformed clock reading.' },
  clockAhead: {
    'zh-CN': `这台设备的时钟比服务器快了 ${MAX_CLOCK_AHEAD_MS / 60_000} 分钟以上（{hlc}）。请把平板的日期和时间改正（设为自动获取），再重新同步。`,
    en: `This device's clock is more than ${MAX_CLOCK_AHEAD_MS / 60_000} minutes ahead of the server ({hlc}). Set the tablet's date and time correctly (automatic), then sync again.`,
  },
  unknownTemplateVersion: {
    'zh-CN': '服务器上没有模板“{templateId}”第 {version} 版，请先同步该模板。',
    en: 'The server has no version {version} of template "{templateId}": sync the template first.',
  },
  unknownResponse: { 'zh-CN': '服务器上没有记录“{responseId}”。', en: 'The server has no response "{responseId}".' },
  templateChanged: {
    'zh-CN': '记录“{responseId}”不能改用另一个模板或版本。',
    en: 'Response "{responseId}" cannot move to another template or version.',
  },
  versionConflict: {
    'zh-CN': '模板“{templateId}”第 {version} 版已经发布过，内容不同；已发布的版本不能更改，请发布为新版本。',
    en: 'Version {version} of template "{templateId}" was already published with other content; a published version never changes: publish a new version.',
  },
  versionMismatch: {
    'zh-CN': '模板内容是“{actualId}”第 {actualVersion} 版，与“{templateId}”第 {version} 版不符。',
    en: 'The template content is "{actualId}" version {actualVersion}, not "{templateId}" version {version}.',
  },
  attachmentConflict: {
    'zh-CN': '附件“{id}”已存在，内容不同；附件不能更改。',
    en: 'Attachment "{id}" already exists with other content; attachments never change.',
  },
  attachmentLocked: {
    'zh-CN': '记录“{responseId}”已提交，附件“{id}”不能再删除：已提交的记录保留它的证据。',
    en: 'Response "{responseId}" is submitted, so its attachment "{id}" can no longer be deleted: a submitted response keeps its evidence.',
  },
  notSubmitted: { 'zh-CN': '提交的记录状态必须是“已提交”。', en: 'A submission must carry a submitted response.' },
  submitWithAnswers: {
    'zh-CN': '已提交的记录必须连同答案一起提交。',
    en: 'A submitted response must be sent with its answers (as a submission).',
  },
  outOfScope: {
    'zh-CN': '记录“{id}”不在你的权限范围内（{action}），未保存。',
    en: 'Record "{id}" lies outside the scopes where you may do this ({action}); nothing was stored.',
  },
  badQuery: { 'zh-CN': '参数“{name}”应为非负整数（最大 {limit}）。', en: 'The parameter "{name}" must be a whole number from 0 to {limit}.' },
  badHash: {
    'zh-CN': '文件地址应为 64 位小写十六进制 SHA-256。',
    en: 'The file address must be a SHA-256 in 64 lower-case hexadecimal digits.',
  },
  hashMismatch: {
    'zh-CN': '收到的文件不完整或已损坏（SHA-256 不符），未保存。请重新上传。',
    en: 'The file arrived incomplete or damaged (its SHA-256 does not match) and was not stored. Upload it again.',
  },
  blobNotReferenced: {
    'zh-CN': '没有附件引用这个文件；请先同步附件所在的记录，再上传文件。',
    en: 'No attachment refers to this file: sync the response it belongs to first, then upload the file.',
  },
  blobNotFound: { 'zh-CN': '服务器上没有这个文件。', en: 'The server does not hold this file.' },
  badBlobType: {
    'zh-CN': '文件应以 application/octet-stream 上传。',
    en: 'Upload files as application/octet-stream.',
  },
} as const satisfies Record<string, LocalizedText>

export type SyncIssueCode = keyof typeof MESSAGES

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])))
}

export function syncMessage(code: SyncIssueCode, params: Record<string, string | number> = {}): LocalizedText {
  const text = MESSAGES[code]
  return { 'zh-CN': fill(text['zh-CN'], params), en: fill(text.en, params) }
}

export function syncIssue(code: SyncIssueCode, pointer: string, params: Record<string, string | number> = {}, itemId?: string): Issue {
  return {
    code,
    pointer,
    severity: 'error',
    message: syncMessage(code, params),
    ...(itemId !== undefined && { itemId }),
    ...(Object.keys(params).length > 0 && { params }),
  }
}
