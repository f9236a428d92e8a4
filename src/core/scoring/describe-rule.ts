/**
 * `describeRule`: an item's scoring rule as one line of words, in zh-CN or en, shown beside the
 * answer before it is given ("每缺 1 次扣 0.5 分，扣完为止（满分 5）"). It reads only the item
 * (and the template's bands, to tell a veto from a ceiling), never an answer: the same for every
 * response, so it is worked out once per item and kept (see `ruleLineOf`).
 */
import type { Band, CountItem, Item, NumberItem, Option, ScoreItem, Veto, ZeroScope } from '../format/types'
import type { Lang } from '../result'
import { isDeductive, isScoredType, itemMax } from './item-max'

type Words = Record<Lang, string>

/** A figure as text; negative numbers get a real minus sign. */
const fig = (x: number): string => (x < 0 ? `−${-x}` : String(x))
const enPoints = (x: number): string => `${fig(x)} point${x === 1 ? '' : 's'}`

/** The band a veto caps at, and whether that is the lowest (a 一票否决) or only a ceiling. */
export function vetoKind(veto: Veto, bands: readonly Band[] | undefined): { kind: 'veto' | 'ceiling'; band: string | null } {
  const list = bands ?? []
  if (veto === true) return { kind: 'veto', band: list.at(-1)?.label ?? null }
  const index = list.findIndex((b) => (b.id ?? b.label) === veto || b.label === veto)
  const found = index >= 0 ? list[index] : undefined
  // An unknown band scores as the lowest (see notes.ts), so it is a veto.
  if (!found || index === list.length - 1) return { kind: 'veto', band: list.at(-1)?.label ?? null }
  return { kind: 'ceiling', band: found.label }
}

/** What a veto does, in words: 一票否决 for the lowest band, 等次上限 for a better one. */
export function vetoWords(veto: Veto, bands: readonly Band[] | undefined): Words {
  const { kind, band } = vetoKind(veto, bands)
  if (kind === 'veto') return { 'zh-CN': '一票否决', en: 'veto' }
  return { 'zh-CN': `等次上限「${band}」`, en: `grade capped at “${band}”` }
}

const ZERO_WORDS = {
  item: { 'zh-CN': '本项不得分', en: 'this item scores 0' },
  section: { 'zh-CN': '红线：本部分记 0 分', en: 'red line: the section scores 0' },
  total: { 'zh-CN': '红线：总分记 0 分', en: 'red line: the total is 0' },
} as const satisfies Record<ZeroScope, Words>

/** The effects an option or a count carries beyond points (veto, red line), joined. */
function effects(source: { veto?: Veto; zero?: ZeroScope }, bands: readonly Band[] | undefined): Words | null {
  const parts: Words[] = []
  if (source.zero !== undefined) parts.push(ZERO_WORDS[source.zero])
  if (source.veto !== undefined) parts.push(vetoWords(source.veto, bands))
  if (parts.length === 0) return null
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join('，'), en: parts.map((p) => p.en).join(', ') }
}

function join(parts: Words[], sep: Words): Words {
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join(sep['zh-CN']), en: parts.map((p) => p.en).join(sep.en) }
}

const SEMI: Words = { 'zh-CN': '；', en: '; ' }

/** "（满分 5）" / " (max 5)", or nothing for a bonus item (it adds nothing to the max). */
function maxNote(item: Item): Words {
  if ('bonus' in item && item.bonus) return { 'zh-CN': '', en: '' }
  const max = itemMax(item)
  return { 'zh-CN': `（满分 ${fig(max)}）`, en: ` (max ${fig(max)})` }
}

function floorNote(item: { allowNegative?: boolean }): Words {
  return item.allowNegative ? { 'zh-CN': '，可扣至负分', en: ', may go below 0' } : { 'zh-CN': '，扣完为止', en: ', not below 0' }
}

function optionPart(o: Option, deductive: boolean, bands: readonly Band[] | undefined): Words | null {
  const extra = effects(o, bands)
  const q = { 'zh-CN': `「${o.label}」`, en: `“${o.label}”` }
  let points: Words | null = null
  if (deductive) {
    if (o.deduct !== undefined && o.deduct !== 0) points = { 'zh-CN': `扣 ${fig(o.deduct)} 分`, en: `−${fig(o.deduct)}` }
  } else if (o.points !== undefined) {
    points = { 'zh-CN': `${fig(o.points)} 分`, en: enPoints(o.points) }
  }
  if (!points && !extra) return null
  const body = join([points, extra].filter((w): w is Words => w !== null), { 'zh-CN': '，', en: ', ' })
  return { 'zh-CN': `${q['zh-CN']}${body['zh-CN']}`, en: `${q.en}: ${body.en}` }
}

function choiceRule(item: Extract<Item, { type: 'single' | 'multi' }>, bands: readonly Band[] | undefined): Words {
  const deductive = isDeductive(item.options)
  const parts = item.options.map((o) => optionPart(o, deductive, bands)).filter((w): w is Words => w !== null)
  const body = parts.length > 0 ? join(parts, SEMI) : { 'zh-CN': '各选项均不计分', en: 'no option carries points' }
  const lead: Words = item.type === 'multi' ? { 'zh-CN': '可多选，逐项计：', en: 'choose any; each counts: ' } : { 'zh-CN': '', en: '' }
  const floor = deductive ? floorNote(item) : { 'zh-CN': '', en: '' }
  const max = maxNote(item)
  return {
    'zh-CN': `${lead['zh-CN']}${body['zh-CN']}${floor['zh-CN']}${max['zh-CN']}`,
    en: `${lead.en}${body.en}${floor.en}${max.en}`,
  }
}

function countRule(item: CountItem, bands: readonly Band[] | undefined): Words {
  const unit = item.unitLabel ?? '次'
  const what = item.countPrefix ?? ''
  const parts: Words[] = []
  if (item.deductEach !== undefined && item.deductEach !== 0) {
    const floor = floorNote(item)
    parts.push({
      'zh-CN': `每${what} 1 ${unit}扣 ${fig(item.deductEach)} 分${floor['zh-CN']}`,
      // The unit and prefix are the template's own words (often Chinese): quoted as they are.
      en: `−${fig(item.deductEach)} per ${unit}${what ? ` (${what})` : ''}${floor.en}`,
    })
  }
  const extra = effects(item, bands)
  if (extra) parts.push({ 'zh-CN': `出现即${extra['zh-CN']}`, en: `any at all: ${extra.en}` })
  if (parts.length === 0) return { 'zh-CN': '只记次数，不计分', en: 'counted, not scored' }
  const max = item.deductEach ? maxNote(item) : { 'zh-CN': '', en: '' }
  const body = join(parts, SEMI)
  return { 'zh-CN': `${body['zh-CN']}${max['zh-CN']}`, en: `${body.en}${max.en}` }
}

function scoreRule(item: ScoreItem): Words {
  const min = item.min ?? 0
  const step = item.step ?? 1
  const lead: Words = item.bonus ? { 'zh-CN': '加分：', en: 'bonus: ' } : { 'zh-CN': '', en: '' }
  const stepNote: Words = step === 1 ? { 'zh-CN': '', en: '' } : { 'zh-CN': `，每档 ${fig(step)} 分`, en: ` in steps of ${fig(step)}` }
  const max = maxNote(item)
  return {
    'zh-CN': `${lead['zh-CN']}打分 ${fig(min)}–${fig(item.max)} 分${stepNote['zh-CN']}${max['zh-CN']}`,
    en: `${lead.en}score ${fig(min)}–${fig(item.max)}${stepNote.en}${max.en}`,
  }
}

function numberRule(item: NumberItem): Words | null {
  const u = item.unitLabel ?? ''
  const max = maxNote(item)
  if (item.thresholds !== undefined) {
    // Best first, as rubrics write them, whatever order the template lists them in.
    const sorted = [...item.thresholds].sort((a, b) => b.min - a.min)
    const parts = sorted.map((t) => ({ 'zh-CN': `≥${fig(t.min)}${u} 得 ${fig(t.points)} 分`, en: `≥${fig(t.min)}${u}: ${enPoints(t.points)}` }))
    const lowest = sorted.at(-1)
    if (lowest) parts.push({ 'zh-CN': `低于 ${fig(lowest.min)}${u} 得 0 分`, en: `below ${fig(lowest.min)}${u}: 0` })
    const body = join(parts, SEMI)
    return { 'zh-CN': `${body['zh-CN']}${max['zh-CN']}`, en: `${body.en}${max.en}` }
  }
  if (item.target !== undefined && item.deductEach !== undefined) {
    const unit = item.unit ?? 1
    const floor = floorNote(item)
    return {
      'zh-CN': `低于 ${fig(item.target)}${u} 每低 ${fig(unit)}${u} 扣 ${fig(item.deductEach)} 分${floor['zh-CN']}${max['zh-CN']}`,
      en: `below ${fig(item.target)}${u}: −${fig(item.deductEach)} for each full ${fig(unit)}${u} short${floor.en}${max.en}`,
    }
  }
  return null
}

/**
 * An item's scoring rule in words, or null for an item that carries no points and no veto.
 * `bands` (the template's `scoring.bands`) tell a 一票否决 (lowest band) from an 等次上限.
 */
export function describeRule(item: Item, lang: Lang, bands?: readonly Band[]): string | null {
  if (!isScoredType(item)) return null
  let words: Words | null
  switch (item.type) {
    case 'single':
    case 'multi':
      words = choiceRule(item, bands)
      break
    case 'count':
      words = countRule(item, bands)
      break
    case 'score':
      words = scoreRule(item)
      break
    case 'number':
      words = numberRule(item)
      break
    default: {
      const never: never = item
      return never
    }
  }
  if (!words) return null
  const text = words[lang]
  if (!item.bonus || item.type === 'score') return text
  return lang === 'en' ? `bonus: ${text}` : `加分项：${text}`
}

const memo = new WeakMap<Item, Partial<Record<Lang, string | null>>>()

/**
 * `describeRule`, worked out once per item and language: a template's items are not edited in
 * place (a new version is a new object), so the item object is the key. Rows call this on every
 * render for free.
 */
export function ruleLineOf(item: Item, lang: Lang, bands?: readonly Band[]): string | null {
  let entry = memo.get(item)
  if (!entry) {
    entry = {}
    memo.set(item, entry)
  }
  if (!(lang in entry)) entry[lang] = describeRule(item, lang, bands)
  return entry[lang] ?? null
}
