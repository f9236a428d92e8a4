/** Messages about the document as a whole and about JSON Schema errors. `{name}` is filled from params. */
import type { LocalizedText } from '@/core/result'

export const DOCUMENT_MESSAGES = {
  'document.tooLarge': {
    'zh-CN': '文件太大（{size} 字节），上限为 {limit} 字节。',
    en: 'The document is too large ({size} bytes); the limit is {limit} bytes.',
  },
  'document.tooDeep': {
    'zh-CN': '文件嵌套超过 {limit} 层（或含有循环引用）。',
    en: 'The document is nested deeper than {limit} levels (or refers to itself).',
  },
  'document.unreadable': {
    'zh-CN': '无法作为 JSON 读取：{reason}',
    en: 'Cannot be read as JSON: {reason}',
  },
  'document.formatVersion': {
    'zh-CN': '格式版本 {version} 比本程序支持的 {supported} 新，请升级清单程序。',
    en: 'Format version {version} is newer than the supported {supported}; please update Qingdan.',
  },
  'validate.internal': {
    'zh-CN': '校验时出现内部错误：{reason}',
    en: 'Validation failed internally: {reason}',
  },
  'schema.required': {
    'zh-CN': '缺少必填字段“{property}”。',
    en: 'Missing required property "{property}".',
  },
  'schema.unknownProperty': {
    'zh-CN': '未知字段“{property}”（拼写错误，或不属于此处）。',
    en: 'Unknown property "{property}" (a typo, or it does not belong here).',
  },
  'schema.type': {
    'zh-CN': '类型应为 {expected}。',
    en: 'Must be of type {expected}.',
  },
  'schema.enum': {
    'zh-CN': '取值应为以下之一：{allowed}。',
    en: 'Must be one of: {allowed}.',
  },
  'schema.const': {
    'zh-CN': '取值应为 {allowed}。',
    en: 'Must be {allowed}.',
  },
  'schema.pattern': {
    'zh-CN': '格式不对：应匹配 {pattern}（标识只能用字母、数字、下划线、连字符）。',
    en: 'Wrong format: must match {pattern} (ids use letters, digits, underscore and hyphen only).',
  },
  'schema.format': {
    'zh-CN': '格式不对：应为 {format}（日期 YYYY-MM-DD，时间 ISO 8601）。',
    en: 'Wrong format: must be a {format} (dates YYYY-MM-DD, times ISO 8601).',
  },
  'schema.minLength': { 'zh-CN': '至少 {limit} 个字符。', en: 'Must have at least {limit} characters.' },
  'schema.maxLength': { 'zh-CN': '最多 {limit} 个字符。', en: 'Must have at most {limit} characters.' },
  'schema.minItems': { 'zh-CN': '至少需要 {limit} 项。', en: 'Must have at least {limit} entries.' },
  'schema.maxItems': { 'zh-CN': '最多 {limit} 项。', en: 'Must have at most {limit} entries.' },
  'schema.maxProperties': { 'zh-CN': '最多 {limit} 个字段。', en: 'Must have at most {limit} properties.' },
  'schema.minimum': { 'zh-CN': '不能小于 {limit}。', en: 'Must be at least {limit}.' },
  'schema.maximum': { 'zh-CN': '不能大于 {limit}。', en: 'Must be at most {limit}.' },
  'schema.exclusiveMinimum': { 'zh-CN': '必须大于 {limit}。', en: 'Must be greater than {limit}.' },
  'schema.exclusiveMaximum': { 'zh-CN': '必须小于 {limit}。', en: 'Must be less than {limit}.' },
  'schema.reserved': {
    'zh-CN': '不允许的取值 {value}（__proto__、constructor、prototype 是保留名称；veto 不能为 false，省略即可）。',
    en: 'Value {value} is not allowed (__proto__, constructor and prototype are reserved; veto cannot be false, omit it instead).',
  },
  'schema.propertyName': {
    'zh-CN': '字段名“{property}”太长（最多 {limit} 个字符）。',
    en: 'Property name "{property}" is too long (at most {limit} characters).',
  },
  'validate.truncated': {
    'zh-CN': '问题太多，只列出前 {shown} 个（共 {total} 个）。',
    en: 'Too many problems: only the first {shown} of {total} are listed.',
  },
  'schema.other': {
    'zh-CN': '不符合模式（{keyword}）：{reason}',
    en: 'Does not match the schema ({keyword}): {reason}',
  },
} as const satisfies Record<string, LocalizedText>
