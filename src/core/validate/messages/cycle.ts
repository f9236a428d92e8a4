/**
 * Messages about evaluation cycles (shared/evaluation.md): the cycle document, the cycle against
 * its template, and responses a cycle leaves out. `{name}` is filled from params.
 */
import type { LocalizedText } from '@/core/result'

export const CYCLE_MESSAGES = {
  'cycle.templateMismatch': {
    'zh-CN': '评审周期使用模板 {expected}，而给出的模板是 {actual}。',
    en: 'The cycle uses template {expected}, but the template given is {actual}.',
  },
  'cycle.unknownSubjectField': {
    'zh-CN': '模板没有对象字段“{id}”，无法据此区分评审对象。',
    en: 'The template has no subject field "{id}", so subjects cannot be told apart by it.',
  },
  'cycle.unknownQuotaBand': {
    'zh-CN': '模板没有等次“{band}”（可写等次的 id 或名称）。',
    en: 'The template has no band "{band}" (name a band by its id or label).',
  },
  'cycle.duplicateQuota': {
    'zh-CN': '等次“{band}”的名额限制重复。',
    en: 'Band "{band}" has two quotas.',
  },
  'cycle.quotaLowestBand': {
    'zh-CN': '“{band}”是最低等次，超出名额的对象无处可降，名额限制不起作用。',
    en: '"{band}" is the lowest band: subjects over the quota have nowhere lower to go, so the quota has no effect.',
  },
  'cycle.trimIgnored': {
    'zh-CN': 'trim 只用于 trimmedMean（去掉最高最低分后平均），此处将被忽略。',
    en: 'trim applies only to trimmedMean (mean without the highest and lowest); it is ignored here.',
  },
  'cycle.deadlineOrder': {
    'zh-CN': '评审截止时间（{review}）早于自评截止时间（{self}）。',
    en: 'The review deadline ({review}) is before the self-assessment deadline ({self}).',
  },
  'cycle.duplicateSubject': {
    'zh-CN': '评审对象重复（与第 {first} 个相同）。',
    en: 'The same subject is listed twice (as number {first} too).',
  },
  'cycle.subjectMissingKey': {
    'zh-CN': '评审对象缺少字段“{id}”的值。',
    en: 'The subject has no value for field "{id}".',
  },
  'cycle.responseOtherTemplate': {
    'zh-CN': '该记录属于模板 {actual}，不是本周期的 {expected}，不计入。',
    en: 'This response belongs to template {actual}, not the cycle\'s {expected}; left out.',
  },
  'cycle.responseOtherCycle': {
    'zh-CN': '该记录属于评审周期 {actual}，不是本周期 {expected}，不计入。',
    en: 'This response belongs to cycle {actual}, not {expected}; left out.',
  },
  'cycle.responseDraft': {
    'zh-CN': '该记录尚未提交（草稿），不计入。',
    en: 'This response is not submitted (a draft); left out.',
  },
  'cycle.responseRole': {
    'zh-CN': '只有考核（review）和自评（self）记录属于评审周期，该记录为“{role}”，不计入。',
    en: 'Only review and self responses belong to a cycle; this one is "{role}" and is left out.',
  },
  'cycle.responseNoReviewer': {
    'zh-CN': '考核记录没有评审人（inspector），无法按评审人计入。',
    en: 'The review names no reviewer (inspector), so it cannot be counted per reviewer.',
  },
  'cycle.responseNoSubject': {
    'zh-CN': '记录缺少对象字段“{id}”的值，无法归入评审对象，不计入。',
    en: 'The response has no value for subject field "{id}", so it belongs to no subject; left out.',
  },
  'cycle.reviewReplaced': {
    'zh-CN': '评审人“{reviewer}”对同一对象提交了多次，只计最后提交的一份。',
    en: 'Reviewer "{reviewer}" submitted more than once for this subject; only the latest counts.',
  },
  'cycle.selfReplaced': {
    'zh-CN': '同一对象有多份自评，只显示最后提交的一份。',
    en: 'The subject has more than one self-assessment; only the latest is shown.',
  },
  'cycle.reviewerNotOnPanel': {
    'zh-CN': '评审人“{reviewer}”不在评审组名单中（仍按规则计入）。',
    en: 'Reviewer "{reviewer}" is not on the panel list (still counted, as the rules say).',
  },
  'cycle.subjectNotInCycle': {
    'zh-CN': '该对象不在本周期的评审对象名单中（仍按规则计入）。',
    en: 'This subject is not on the cycle\'s list of subjects (still counted, as the rules say).',
  },
} as const satisfies Record<string, LocalizedText>

/** Cycle codes reported as warnings; every other cycle code is an error. */
export const CYCLE_WARNING_CODES = [
  'cycle.quotaLowestBand',
  'cycle.trimIgnored',
  'cycle.responseOtherTemplate',
  'cycle.responseOtherCycle',
  'cycle.responseDraft',
  'cycle.responseRole',
  'cycle.responseNoReviewer',
  'cycle.responseNoSubject',
  'cycle.reviewReplaced',
  'cycle.selfReplaced',
  'cycle.reviewerNotOnPanel',
  'cycle.subjectNotInCycle',
] as const satisfies ReadonlyArray<keyof typeof CYCLE_MESSAGES>
