/**
 * Reads the usual wording of Chinese scoring rules into template fields:
 * 每缺一次扣0.5分 / 过期一具扣1分 / 2分/件 (count × deductEach), 扣完为止 (the floor, rule 2),
 * 不得分 (the item scores 0), 扣2分 (a one-off deduction), 一票否决 (veto), 红线/总分计0 (zero the
 * total), 加分 (bonus), 酌情/视情况 (a judged score). Amounts may be Chinese numerals (扣两分).
 *
 * A rule is read clause by clause (split at ；。，): "未分类扣2分；未登记扣1分" is two deductions,
 * and the caller decides how to build them — never one deduction that silently drops the other.
 * What is not understood is returned as leftover text for the person to finish; the whole rule is
 * always kept as the item's `criteria`.
 */
import { CN_NUMERAL_CHARS, parseAmount } from './numerals'

export const RULE_TOKENS = ['deductEach', 'floor', 'zeroItem', 'deductOnce', 'veto', 'zeroTotal', 'bonus', 'judged'] as const
export type RuleToken = (typeof RULE_TOKENS)[number]

/** Tokens that cost points or decide the result; the others (扣完为止, 酌情) only qualify them. */
export const DECIDING_TOKENS: ReadonlySet<RuleToken> = new Set<RuleToken>(['deductEach', 'deductOnce', 'zeroItem', 'veto', 'zeroTotal', 'bonus'])

export interface RuleFields {
  deductEach?: number
  /** The counted thing, e.g. 次, 处 or 具, for the count item's unit label. */
  unitLabel?: string
  /** A one-off deduction (扣2分) without 每 or 一次. */
  deductOnce?: number
  /** Bonus points per occurrence or in all (加1分). */
  bonusPoints?: number
  veto?: true
  zeroTotal?: true
  zeroItem?: true
  judged?: true
}

/** One clause that costs points or decides the result, e.g. 未分类扣2分. */
export interface RuleClause extends RuleFields {
  /** The clause as written. */
  text: string
  /** What triggers it, with the points phrase taken out: 未分类. */
  condition: string
  recognized: RuleToken[]
}

export interface ParsedRule extends RuleFields {
  /** Every token found, in order of first appearance. */
  recognized: RuleToken[]
  /** The clauses that cost points or decide the result, in order; more than one needs care. */
  clauses: RuleClause[]
  /** The rule text when nothing in it was understood; '' otherwise. */
  leftover: string
}

/** An amount: digits (分 optional, as in 扣0.5) or Chinese numerals followed by 分 (扣两分). */
const AMT = String.raw`(\d+(?:\.\d+)?|[${CN_NUMERAL_CHARS}]+(?=\s*分))\s*分?`
const UNITS = '人次|次|处|项|人|个|条|间|例|件|名|本|篇|份|天|户|张|具|根|台|把|只|位|盏|部|套|辆|栋|层|组'
/** Between the counted thing and 扣: no clause break and no second amount. */
const GAP = '[^，。；,;扣加]'
const DEDUCT = String.raw`扣(?:除|减)?\s*`

interface Pattern {
  token: RuleToken
  re: RegExp
  apply: (m: RegExpExecArray, out: RuleFields) => void
}

const amountOf = (s: string | undefined): number => parseAmount(s ?? '') ?? 0

const unitIn = (s: string): string | undefined =>
  (new RegExp(String.raw`(?:一|1)\s*(${UNITS})`).exec(s) ?? new RegExp(`(${UNITS})`).exec(s))?.[1]

const each = (re: string, unitGroup: boolean): Pattern => ({
  token: 'deductEach',
  re: new RegExp(re),
  apply: (m, out) => {
    out.deductEach = amountOf(unitGroup ? m[2] : m[1])
    const unit = unitGroup ? m[1] : unitIn(m[0])
    if (unit) out.unitLabel = unit
  },
})

const PATTERNS: Pattern[] = [
  // 每缺一次扣0.5分, 每例扣0.5, 每人扣0.5
  each(String.raw`每${GAP}{0,16}?${DEDUCT}${AMT}`, false),
  // 过期一具扣1分, 少一次扣0.5分, 缺1人次扣0.5, 乱拉电线一根扣2 (not 11次, not 一次性)
  each(String.raw`(?<![\d.])(?:一|1)\s*(${UNITS})(?!性)${GAP}{0,8}?${DEDUCT}${AMT}`, true),
  // 存放2分/件, 每处2分
  each(String.raw`${AMT.replace(String.raw`\s*分?`, '')}\s*分\s*[/／]\s*(${UNITS})`, false),
  each(String.raw`每\s*(${UNITS})\s*${AMT.replace(String.raw`\s*分?`, '')}\s*分`, true),
  {
    token: 'bonus',
    re: new RegExp(String.raw`(?:每${GAP}{0,16}?)?加\s*${AMT}`),
    apply: (m, out) => {
      out.bonusPoints = amountOf(m[1])
    },
  },
  { token: 'floor', re: /扣完为止|扣完即止|扣至0分为止|扣至零分为止/, apply: () => {} },
  { token: 'veto', re: /一票否决|否决/, apply: (_m, out) => (out.veto = true) },
  {
    token: 'zeroTotal',
    re: /红线|总分(?:计|记|为)\s*(?:0|零)\s*分?|全部不得分/,
    apply: (_m, out) => (out.zeroTotal = true),
  },
  { token: 'zeroItem', re: /(?:该项|本项|此项)?不得分|(?:该项|本项)?计\s*(?:0|零)\s*分/, apply: (_m, out) => (out.zeroItem = true) },
  {
    token: 'deductOnce',
    re: new RegExp(DEDUCT + AMT),
    apply: (m, out) => {
      out.deductOnce = amountOf(m[1])
    },
  },
  { token: 'judged', re: /酌情|视情况|视情节|分档|按档/, apply: (_m, out) => (out.judged = true) },
]

interface ClauseParse extends RuleFields {
  recognized: RuleToken[]
  /** The text with the recognized phrases taken out. */
  rest: string
}

function parseClause(text: string): ClauseParse {
  const out: ClauseParse = { recognized: [], rest: '' }
  let rest = text
  for (const p of PATTERNS) {
    if (p.token === 'deductEach' && out.deductEach !== undefined) continue
    // deductOnce only counts when no per-occurrence deduction claimed the number already.
    if (p.token === 'deductOnce' && out.deductEach !== undefined) continue
    const m = p.re.exec(rest)
    if (!m) continue
    p.apply(m, out)
    out.recognized.push(p.token)
    rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length)
  }
  out.rest = rest
  return out
}

/** Punctuation and joining words left over once the phrases are out; not worth showing. */
const FILLER = /^[\s，。；、,.;:：()（）【】0-9]*$/

/** The trigger of a clause: its text less the points phrase, 的, 凡/如 and punctuation. */
const conditionOf = (rest: string): string =>
  rest
    .replace(/\s+/g, '')
    .replace(/^(?:凡|如|若|发现)/, '')
    .replace(/(?:即|则)?(?:触发|实行)?$/, '')
    .replace(/[的者即则，。；、,.;:：]+$/, '')
    .replace(/^[，。；、,.;:：]+/, '')

/** True when no field of `next` contradicts `clause` (a different amount or unit). */
const agrees = (clause: RuleFields, next: RuleFields): boolean =>
  (Object.keys(next) as Array<keyof RuleFields>).every((key) => clause[key] === undefined || clause[key] === next[key])

/** Splits a rule into clauses at ；。，and line breaks (never at 、, which lists things). */
const fragmentsOf = (text: string): string[] =>
  text
    .split(/[；;。，,\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

export function parseRuleText(text: string): ParsedRule {
  const out: ParsedRule = { recognized: [], clauses: [], leftover: '' }
  let context: string[] = []
  for (const fragment of fragmentsOf(text.normalize('NFKC'))) {
    const p = parseClause(fragment)
    for (const token of p.recognized) if (!out.recognized.includes(token)) out.recognized.push(token)
    const { recognized, rest, ...fields } = p
    // The first clause that gives a field gives it to the whole rule.
    for (const [key, value] of Object.entries(fields) as Array<[keyof RuleFields, never]>) {
      if (out[key] === undefined) out[key] = value
    }
    if (!recognized.some((t) => DECIDING_TOKENS.has(t))) {
      // 发现未关闭电源的，扣2分: the words before the points belong to the next clause.
      if (recognized.length === 0) context.push(fragment)
      continue
    }
    const own = conditionOf(rest)
    const previous = out.clauses.at(-1)
    if (previous && own === '' && context.length === 0 && agrees(previous, fields)) {
      // 属红线，总分计0分 / 扣2分，一票否决: a clause with no trigger of its own says more about
      // the one before it, not about a second finding.
      Object.assign(previous, { ...fields, ...previous, text: `${previous.text}，${fragment}` })
      for (const token of recognized) if (!previous.recognized.includes(token)) previous.recognized.push(token)
      continue
    }
    const condition = conditionOf([...context, own].filter((s) => s !== '').join('，'))
    out.clauses.push({ ...fields, text: [...context, fragment].join('，'), condition: condition || fragment, recognized })
    context = []
  }
  // What remains that is a condition ("发现未关闭电源") is context, not an unknown rule:
  // only report it when nothing at all was recognized.
  const trimmed = text.replace(/\s+/g, ' ').trim()
  out.leftover = out.recognized.length === 0 && !FILLER.test(trimmed) ? trimmed : ''
  return out
}
