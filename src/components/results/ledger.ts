/**
 * What the printed ledger (台账) says, as plain functions of the response and its template:
 * the answer in words, the attachments of an item, the verdict with its causes, the points lost.
 * Words come in through `t`, so these run in node tests without mounting anything.
 */
import type { Answer, Item, ScoreResult, Section, Template } from '@/core/format/types'
import { isAnswered } from '@/core/answers/read'
import { verdictOf } from '@/core/scoring/verdict'
import type { Lang } from '@/core/result'
import type { AttachmentMeta } from '@/stores/responses'
import type { ItemLine } from './rows'
import { pointsText } from './format'

export type Translate = (key: string, named?: Record<string, unknown>) => string
type AnsweredItem = Exclude<Item, { type: 'info' }>
type LineSide = NonNullable<ItemLine['self']>

/** The value that counts: the given one, else the item's default (rule 9), as scoring reads it. */
function effectiveValue(item: AnsweredItem, answer: Answer | undefined): Answer['value'] {
  if (answer?.value !== undefined) return answer.value
  const fallback = 'default' in item ? item.default : undefined
  return fallback !== undefined && isAnswered(item.type, fallback) ? fallback : undefined
}

const ids = (v: Answer['value']): string[] => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [])

/** A number with its unit as people write it: 12次 in Chinese, 12 times in English. */
function withUnit(n: number, unit: string | undefined, lang: Lang): string {
  if (unit === undefined || unit.trim() === '') return pointsText(n)
  return lang === 'zh-CN' ? `${pointsText(n)}${unit}` : `${pointsText(n)} ${unit}`
}

/** The answer of one side in words: option labels, counts with their unit, N/A, text. */
export function answerWords(item: AnsweredItem, side: LineSide | null, t: Translate, lang: Lang): string {
  if (!side) return ''
  if (side.result.na || side.answer?.na === true) return t('results.detail.na')
  const value = effectiveValue(item, side.answer)
  if (value === undefined || !isAnswered(item.type, value)) {
    return side.result.scored || item.required === true ? t('results.detail.unanswered') : ''
  }
  const sep = lang === 'zh-CN' ? '、' : ', '
  switch (item.type) {
    case 'single':
      return item.options.find((o) => o.id === value)?.label ?? String(value)
    case 'multi': {
      const chosen = ids(value)
      return chosen.length === 0 ? t('results.ledger.answer.noneChosen') : chosen.map((id) => item.options.find((o) => o.id === id)?.label ?? id).join(sep)
    }
    case 'count':
    case 'number': {
      if (typeof value !== 'number') return String(value)
      // 缺 1 次, as the box read: a count of shortfalls says so, not just "1次".
      const prefix = item.type === 'count' && item.countPrefix ? item.countPrefix + (lang === 'zh-CN' ? '' : ' ') : ''
      return prefix + withUnit(value, item.unitLabel, lang)
    }
    case 'score':
      return typeof value === 'number' ? pointsText(value) : String(value)
    case 'text':
    case 'date':
      return String(value)
    case 'photo':
      return t('results.ledger.answer.photos', { n: ids(value).length })
    case 'file':
      return t('results.ledger.answer.files', { n: ids(value).length })
    case 'signature':
      return t('results.ledger.answer.signed')
    default: {
      const never: never = item
      return never
    }
  }
}

/** The attachment ids of one side of an item: its photos or files, then its evidence. Signatures are not listed here. */
export function attachmentIdsOf(item: AnsweredItem, side: LineSide | null): string[] {
  if (!side || side.answer === undefined) return []
  const own = item.type === 'photo' || item.type === 'file' ? ids(side.answer.value) : []
  return [...new Set([...own, ...(side.answer.attachments ?? [])])]
}

/** The signature attachment id of a signature item's answer, if it was signed. */
export function signatureIdOf(item: AnsweredItem, side: LineSide | null): string | null {
  if (item.type !== 'signature' || !side?.answer || side.result.na) return null
  const v = side.answer.value
  return typeof v === 'string' && v !== '' ? v : null
}

/** One item's attachments as the ledger lists them: images (thumbnails) and other files (names). */
export interface ItemAttachments {
  line: ItemLine
  role: 'self' | 'review'
  images: AttachmentMeta[]
  files: AttachmentMeta[]
}

/** Per item and side, the attachments that exist (a missing id is left out: nothing to print). */
export function ledgerAttachments(lines: readonly ItemLine[], known: ReadonlyMap<string, AttachmentMeta>, roles: ReadonlyArray<'self' | 'review'>): ItemAttachments[] {
  const out: ItemAttachments[] = []
  for (const line of lines) {
    for (const role of roles) {
      const metas = attachmentIdsOf(line.item, line[role]).flatMap((id) => {
        const meta = known.get(id)
        return meta ? [meta] : []
      })
      if (metas.length === 0) continue
      out.push({ line, role, images: metas.filter((m) => m.type.startsWith('image/')), files: metas.filter((m) => !m.type.startsWith('image/')) })
    }
  }
  return out
}

/** Titles of the sections an item sits in, outermost first ("三、制度机制 · （一）会议制度"). */
export function sectionTitles(template: Template): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (sections: readonly Section[], prefix: string): void => {
    for (const s of sections) {
      const title = prefix ? `${prefix} · ${s.title}` : s.title
      out.set(s.id, title)
      walk(s.sections ?? [], title)
    }
  }
  walk(template.sections, '')
  return out
}

/** An item's title, or its id when the template no longer has it. */
function titleOf(template: Template, lines: readonly ItemLine[], id: string): string {
  return lines.find((l) => l.item.id === id)?.item.title ?? findItem(template.sections, id)?.title ?? id
}

function findItem(sections: readonly Section[], id: string): Item | undefined {
  for (const s of sections) {
    const hit = s.items.find((i) => i.id === id) ?? findItem(s.sections ?? [], id)
    if (hit) return hit
  }
  return undefined
}

/** "item（option）" for each cause, the options that set it off named when there are some. */
function causes(template: Template, lines: readonly ItemLine[], result: ScoreResult, itemIds: readonly string[], lang: Lang): string {
  const zh = lang === 'zh-CN'
  return itemIds
    .map((id) => {
      const item = findItem(template.sections, id)
      const optionIds = [...result.vetoes, ...result.zeroes].filter((h) => h.itemId === id && h.optionId !== undefined).map((h) => h.optionId)
      const options = item && 'options' in item ? [...new Set(optionIds)].map((o) => item.options.find((x) => x.id === o)?.label ?? o) : []
      const title = titleOf(template, lines, id)
      if (options.length === 0) return title
      return zh ? `${title}（${options.join('、')}）` : `${title} (${options.join(', ')})`
    })
    .join(zh ? '；' : '; ')
}

/**
 * The verdict in words, from core's `verdictOf`: "一票否决（因：…）" only for a real veto,
 * "等次上限：基本合格（因：…）" for a ceiling; null when nothing capped the grade.
 */
export function verdictWords(template: Template, lines: readonly ItemLine[], result: ScoreResult, t: Translate, lang: Lang): string | null {
  const verdict = verdictOf(result, template)
  if (!verdict) return null
  const because = causes(template, lines, result, verdict.itemIds, lang)
  return verdict.kind === 'veto'
    ? t('results.ledger.verdict.veto', { because })
    : t('results.ledger.verdict.ceiling', { band: verdict.ceilingLabel ?? '—', because })
}

/**
 * Red lines (红线, format rule 7) in words: those that zero a section, "红线（该部分记0分）：item →
 * section", and those that zero the total, "红线（总分记0分）：item". A red line is not a 一票否决:
 * `verdictWords` names the vetoes.
 */
export function sectionZeroWords(template: Template, lines: readonly ItemLine[], result: ScoreResult, t: Translate, lang: Lang): string | null {
  const sep = lang === 'zh-CN' ? '；' : '; '
  const titles = sectionTitles(template)
  const sections = result.zeroes
    .filter((z) => z.scope === 'section')
    .map((z) => `${titleOf(template, lines, z.itemId)} → ${titles.get(z.sectionId ?? '') ?? z.sectionId ?? ''}`)
  const totals = result.zeroes.filter((z) => z.scope === 'total').map((z) => titleOf(template, lines, z.itemId))
  const words = [
    ...(totals.length > 0 ? [t('results.ledger.verdict.totalZero', { because: [...new Set(totals)].join(sep) })] : []),
    ...(sections.length > 0 ? [t('results.ledger.verdict.sectionZero', { because: [...new Set(sections)].join(sep) })] : []),
  ]
  return words.length > 0 ? words.join(sep) : null
}

/** Scored items that lost points, "title −2", in template order. */
export function pointsLost(lines: readonly ItemLine[], role: 'self' | 'review'): string[] {
  return lines.flatMap((l) => {
    const r = l[role]?.result
    if (!r || !r.scored || r.na || r.bonus) return []
    const lost = Math.round((r.max - r.score) * 100) / 100
    return lost > 0 ? [`${l.item.title} −${pointsText(lost)}`] : []
  })
}

/** Punctuation of each language: full-width in Chinese, ASCII with spaces in English. */
export interface Punct {
  colon: string
  open: string
  close: string
  semi: string
}

export function punct(lang: Lang): Punct {
  return lang === 'zh-CN' ? { colon: '：', open: '（', close: '）', semi: '；' } : { colon: ': ', open: ' (', close: ')', semi: '; ' }
}

/**
 * Column widths in percent for the ledger's tables (fixed layout, so the separate 合计 table lines
 * up with the items table): 序号, 项目, 分值, 评分标准, then answer + score per side, the difference
 * with a review, and 备注. Chosen so that every heading fits on one line at A4 portrait.
 */
export function columnWidths(paired: boolean): number[] {
  return paired ? [5.5, 17, 6, 15, 11, 8, 11, 8, 7, 11.5] : [5.5, 25, 6.5, 21, 14, 8, 20]
}
