/** Messages about answer values (also used for template defaults) and responses. */
import type { LocalizedText } from '@/core/result'

export const VALUE_MESSAGES = {
  'value.type': { 'zh-CN': '答案类型不对：此题应为{expected}。', en: 'Wrong kind of answer: this item takes {expected}.' },
  'value.unknownOption': { 'zh-CN': '选项“{id}”不存在。', en: 'Option "{id}" does not exist.' },
  'value.duplicateOption': { 'zh-CN': '选项“{id}”选了两次。', en: 'Option "{id}" is chosen twice.' },
  'value.notInteger': { 'zh-CN': '应为整数。', en: 'Must be a whole number.' },
  'value.outOfRange': { 'zh-CN': '应在 {min} 到 {max} 之间。', en: 'Must be between {min} and {max}.' },
  'value.offStep': { 'zh-CN': '应为 {min} 起、步长 {step} 的值。', en: 'Must be {min} plus a multiple of {step}.' },
  'value.tooShort': { 'zh-CN': '至少 {limit} 个字符。', en: 'Must have at least {limit} characters.' },
  'value.tooLong': { 'zh-CN': '最多 {limit} 个字符。', en: 'Must have at most {limit} characters.' },
  'value.pattern': { 'zh-CN': '格式不符合要求（{pattern}）。', en: 'Does not match the required format ({pattern}).' },
  'value.patternUncheckable': { 'zh-CN': '答案超过 {limit} 个字符，无法安全地检查格式。', en: 'The answer is longer than {limit} characters, too long to check its format safely.' },
  'value.date': { 'zh-CN': '应为有效日期 YYYY-MM-DD。', en: 'Must be a valid date YYYY-MM-DD.' },
  'value.dateRange': { 'zh-CN': '日期应在 {min} 到 {max} 之间。', en: 'The date must be between {min} and {max}.' },
  'value.attachmentCount': { 'zh-CN': '附件数应在 {min} 到 {max} 之间。', en: 'The number of attachments must be between {min} and {max}.' },
  'response.templateMismatch': { 'zh-CN': '这份记录属于模板“{actual}”，不是“{expected}”。', en: 'This response belongs to template "{actual}", not "{expected}".' },
  'response.versionMismatch': { 'zh-CN': '这份记录按模板第 {actual} 版填写，不是第 {expected} 版。', en: 'This response was filled with version {actual} of the template, not version {expected}.' },
  'answer.unknownItem': { 'zh-CN': '模板中没有题目“{id}”。', en: 'The template has no item "{id}".' },
  'answer.notAnswerable': { 'zh-CN': '题目“{id}”是说明，不能作答。', en: 'Item "{id}" is instructions and takes no answer.' },
  'answer.naNotAllowed': { 'zh-CN': '题目“{id}”不允许选择“不适用”。', en: 'Item "{id}" does not allow not applicable.' },
  'subject.unknownField': { 'zh-CN': '模板没有对象字段“{id}”，将被忽略。', en: 'The template has no subject field "{id}"; it is ignored.' },
  'subject.notAnOption': { 'zh-CN': '“{value}”不是字段“{id}”的可选值。', en: '"{value}" is not a choice of field "{id}".' },
  'subject.required': { 'zh-CN': '提交前必须填写对象字段“{id}”。', en: 'Subject field "{id}" must be filled before submitting.' },
  'answer.required': { 'zh-CN': '提交前必须回答题目“{id}”。', en: 'Item "{id}" must be answered before submitting.' },
  'answer.evidenceMissing': { 'zh-CN': '提交前必须为题目“{id}”上传至少 {min} 份佐证。', en: 'Item "{id}" needs at least {min} evidence attachment(s) before submitting.' },
} as const satisfies Record<string, LocalizedText>
