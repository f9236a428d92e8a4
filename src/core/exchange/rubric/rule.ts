/**
 * Reads the usual wording of Chinese scoring rules into template fields:
 * 每缺一次扣0.5分 (count × deductEach), 扣完为止 (the floor, rule 2), 不得分 (the item scores 0),
 * 扣2分 (a one-off deduction), 一票否决 (veto), 红线/总分计0 (zero the total), 加分 (bonus),
 * 酌情/视情况 (a judged score). What is not understood is returned as leftover text for the
 * person to finish; the whole rule is always kept as the item's `criteria`.
 */

export const RULE_TOKENS = ['deductEach', 'floor', 'zeroItem', 'deductOnce', 'veto', 'zeroTotal', 'bonus', 'judged'] as const
export type RuleToken = (typeof RULE_TOKENS)[number]

export interface ParsedRule {
  recognized: RuleToken[]
  deductEach?: number
  /** The counted thing, e.g. 次 or 处, for the count item's unit label. */
  unitLabel?: string
  /** A one-off deduction (扣2分) without 每. */
  deductOnce?: number
  /** Bonus points per occurrence or in all (加1分). */
  bonusPoints?: number
  veto?: true
  zeroTotal?: true
  zeroItem?: true
  judged?: true
  /** The rule text with the recognized phrases taken out; '' when all of it was understood. */
  leftover: string
}

const NUM = String.raw`(\d+(?:\.\d+)?)`
const UNITS = '次|处|项|人|个|条|间|例|件|名|本|篇|份|天|户|张'

interface Pattern {
  token: RuleToken
  re: RegExp
  apply: (m: RegExpExecArray, out: ParsedRule) => void
}

const PATTERNS: Pattern[] = [
  {
    token: 'deductEach',
    re: new RegExp(String.raw`每[^，。；,;扣加]{0,16}?扣(?:除)?\s*${NUM}\s*分`),
    apply: (m, out) => {
      out.deductEach = Number(m[1])
      const unit = new RegExp(String.raw`(?:一|1)\s*(${UNITS})`).exec(m[0]) ?? new RegExp(String.raw`(${UNITS})`).exec(m[0])
      if (unit?.[1]) out.unitLabel = unit[1]
    },
  },
  {
    token: 'bonus',
    re: new RegExp(String.raw`(?:每[^，。；,;扣加]{0,16}?)?加\s*${NUM}\s*分`),
    apply: (m, out) => {
      out.bonusPoints = Number(m[1])
    },
  },
  { token: 'floor', re: /扣完为止|扣完即止|扣至0分为止|扣至零分为止/, apply: () => {} },
  { token: 'veto', re: /一票否决/, apply: (_m, out) => (out.veto = true) },
  {
    token: 'zeroTotal',
    re: /红线|总分(?:计|记|为)\s*(?:0|零)\s*分?|全部不得分/,
    apply: (_m, out) => (out.zeroTotal = true),
  },
  { token: 'zeroItem', re: /(?:该项|本项|此项)?不得分|(?:该项|本项)?计\s*(?:0|零)\s*分/, apply: (_m, out) => (out.zeroItem = true) },
  {
    token: 'deductOnce',
    re: new RegExp(String.raw`扣(?:除)?\s*${NUM}\s*分`),
    apply: (m, out) => {
      out.deductOnce = Number(m[1])
    },
  },
  { token: 'judged', re: /酌情|视情况|视情节|分档|按档/, apply: (_m, out) => (out.judged = true) },
]

/** Punctuation and joining words left over once the phrases are out; not worth showing. */
const FILLER = /^[\s，。；、,.;:：()（）【】0-9]*$/

export function parseRuleText(text: string): ParsedRule {
  const out: ParsedRule = { recognized: [], leftover: '' }
  let rest = text.normalize('NFKC')
  for (const p of PATTERNS) {
    // deductOnce only counts when no per-occurrence deduction claimed the number already.
    if (p.token === 'deductOnce' && out.deductEach !== undefined) continue
    const m = p.re.exec(rest)
    if (!m) continue
    p.apply(m, out)
    out.recognized.push(p.token)
    rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length)
  }
  // What remains that is a condition ("发现未关闭电源") is context, not an unknown rule:
  // only report it when nothing at all was recognized.
  const trimmed = rest.replace(/\s+/g, ' ').trim()
  out.leftover = out.recognized.length === 0 && !FILLER.test(trimmed) ? trimmed : ''
  return out
}
