/** Notes a score result carries to say why a number is what it is, in every language. */
import type { ResultNote } from '../format/types'

export const NOTE_CODES = [
  'applicableMaxZero',
  'weightDropped',
  'visibilityCycle',
  'unknownOption',
  'unknownVetoBand',
  'lowestBandFallback',
  'templateMismatch',
  'ruleBudgetExhausted',
] as const
export type NoteCode = (typeof NOTE_CODES)[number]

type Params = Record<string, string | number>

const MESSAGES = {
  applicableMaxZero: (): ResultNote['message'] => ({
    'zh-CN': '没有适用的评分项（适用满分为0），总分按0分计。',
    en: 'Nothing applicable was scored (applicable max is 0), so the total is 0.',
  }),
  weightDropped: (p) => ({
    'zh-CN': `部分「${p.sectionId}」没有适用项，其权重 ${p.weight} 不计入满分。`,
    en: `Section "${p.sectionId}" has nothing applicable; its weight ${p.weight} leaves the max.`,
  }),
  visibilityCycle: (p) => ({
    'zh-CN': `显示条件互相依赖（${p.ids}），这些项按显示处理。`,
    en: `Show-if conditions depend on each other (${p.ids}); these are treated as shown.`,
  }),
  unknownOption: (p) => ({
    'zh-CN': `「${p.itemId}」的答案含有不存在的选项「${p.optionId}」，该选项不计分。`,
    en: `The answer to "${p.itemId}" names an option that does not exist ("${p.optionId}"); it scores nothing.`,
  }),
  unknownVetoBand: (p) => ({
    'zh-CN': `「${p.itemId}」的否决指向不存在的等级「${p.veto}」，按最低等级处理。`,
    en: `The veto on "${p.itemId}" names no band ("${p.veto}"); the lowest band is used.`,
  }),
  lowestBandFallback: (p) => ({
    'zh-CN': `没有等级的条件全部满足，按最低等级「${p.label}」评定。`,
    en: `No band's conditions were all met, so the lowest band "${p.label}" applies.`,
  }),
  templateMismatch: (p) => ({
    'zh-CN': `答卷属于模板 ${p.responseTemplate} 第${p.responseVersion}版，却按 ${p.template} 第${p.version}版计分。`,
    en: `The response was filled for ${p.responseTemplate} v${p.responseVersion} but is scored against ${p.template} v${p.version}.`,
  }),
  ruleBudgetExhausted: (): ResultNote['message'] => ({
    'zh-CN': '条件太多或太复杂，一次计分算不完；其余条件按不成立处理（相关项隐藏、不必填、等级条件不满足）。请检查模板。',
    en: 'The conditions are too many or too complex for one scoring; the rest count as not met (items hidden, not required, band conditions unmet). Check the template.',
  }),
} satisfies Record<NoteCode, (p: Params) => ResultNote['message']>

export function note(code: NoteCode, params: Params): ResultNote {
  return { code, message: MESSAGES[code](params) }
}
