/**
 * `describeTemplate`: a template's scoring rules as lines of words for the 评分规则 panel (bands,
 * their extra conditions, vetoes and ceilings, red lines, the bonus cap), readable at any time
 * while filling. Pure: it reads only the template.
 */
import type { Band, Item, JsonLogicRule, Section, Template, Veto, ZeroScope } from '../format/types'
import type { Lang } from '../result'
import { vetoKind } from './describe-rule'

export interface BandLine {
  label: string
  color?: string
  /** "≥ 95 分" / "≥ 90%", plus the band's extra condition in words when it has one. */
  text: string
}

export interface EffectLine {
  kind: 'veto' | 'ceiling' | 'zero'
  /** The item, and the option when an option carries it. */
  text: string
}

export interface TemplateRules {
  bands: BandLine[]
  /** Vetoes first, then ceilings, then red lines; in template order within each. */
  effects: EffectLine[]
  /** The template-wide bonus cap, when there is one. */
  bonus: string | null
}

/** `{ all: [{ var: sections }, { >=: [{ var: percent }, 80] }] }` → 80; anything else → null. */
function everySectionAtLeast(rule: JsonLogicRule | undefined): number | null {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return null
  const all = rule.all
  if (!Array.isArray(all) || all.length !== 2) return null
  const [list, test] = all
  if (JSON.stringify(list) !== JSON.stringify({ var: 'sections' })) return null
  if (test === null || typeof test !== 'object' || Array.isArray(test)) return null
  const ge = test['>=']
  if (!Array.isArray(ge) || ge.length !== 2 || JSON.stringify(ge[0]) !== JSON.stringify({ var: 'percent' })) return null
  return typeof ge[1] === 'number' ? ge[1] : null
}

function bandLine(band: Band, basis: 'points' | 'percent', lang: Lang): BandLine {
  const min = basis === 'percent' ? `${band.min}%` : lang === 'en' ? `${band.min} points` : `${band.min} 分`
  let text = lang === 'en' ? `≥ ${min}` : `≥ ${min}`
  if (band.when !== undefined) {
    const every = everySectionAtLeast(band.when)
    if (lang === 'en') text += every !== null ? ` and every first-level section at ≥ ${every}%` : ' and a further condition'
    else text += every !== null ? `，且每个一级指标得分率 ≥ ${every}%` : '，另有附加条件'
  }
  return { label: band.label, ...(band.color !== undefined && { color: band.color }), text }
}

const ZERO = {
  item: { 'zh-CN': '本项不得分', en: 'the item scores 0' },
  section: { 'zh-CN': '本部分记 0 分', en: 'the section scores 0' },
  total: { 'zh-CN': '总分记 0 分', en: 'the total is 0' },
} as const satisfies Record<ZeroScope, Record<Lang, string>>

interface Site {
  item: Item
  option?: string
  veto?: Veto
  zero?: ZeroScope
}

function sites(sections: readonly Section[], out: Site[] = []): Site[] {
  for (const s of sections) {
    for (const item of s.items) {
      if (item.type === 'count' && (item.veto !== undefined || item.zero !== undefined)) {
        out.push({ item, ...(item.veto !== undefined && { veto: item.veto }), ...(item.zero !== undefined && { zero: item.zero }) })
      }
      if (item.type === 'single' || item.type === 'multi') {
        for (const o of item.options) {
          if (o.veto !== undefined || o.zero !== undefined) {
            out.push({ item, option: o.label, ...(o.veto !== undefined && { veto: o.veto }), ...(o.zero !== undefined && { zero: o.zero }) })
          }
        }
      }
    }
    if (s.sections) sites(s.sections, out)
  }
  return out
}

/** The template's bands, vetoes, ceilings, red lines and bonus cap in words. */
export function describeTemplate(template: Template, lang: Lang): TemplateRules {
  const scoring = template.scoring
  const bandList = scoring?.bands ?? []
  const basis = scoring?.basis ?? 'points'
  const bands = bandList.map((b) => bandLine(b, basis, lang))
  const vetoes: EffectLine[] = []
  const ceilings: EffectLine[] = []
  const zeroes: EffectLine[] = []
  for (const site of sites(template.sections)) {
    const what = site.option === undefined
      ? lang === 'en' ? `“${site.item.title}” (any at all)` : `「${site.item.title}」出现即`
      : lang === 'en' ? `“${site.item.title}”: “${site.option}”` : `「${site.item.title}」选「${site.option}」`
    const sep = lang === 'en' ? ' → ' : site.option === undefined ? '' : '：'
    if (site.veto !== undefined) {
      const { kind, band } = vetoKind(site.veto, bandList)
      if (kind === 'veto') vetoes.push({ kind, text: `${what}${sep}${lang === 'en' ? 'veto' : '一票否决'}${band ? (lang === 'en' ? ` (“${band}”)` : `（${band}）`) : ''}` })
      else ceilings.push({ kind, text: `${what}${sep}${lang === 'en' ? `grade capped at “${band}”` : `等次上限：${band}`}` })
    }
    if (site.zero !== undefined) zeroes.push({ kind: 'zero', text: `${what}${sep}${lang === 'en' ? 'red line: ' : '红线：'}${ZERO[site.zero][lang]}` })
  }
  const bonus = scoring?.bonusMax !== undefined
    ? lang === 'en' ? `Bonus points are capped at ${scoring.bonusMax}.` : `加分封顶 ${scoring.bonusMax} 分。`
    : null
  return { bands, effects: [...vetoes, ...ceilings, ...zeroes], bonus }
}
