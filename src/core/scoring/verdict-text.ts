/**
 * A verdict (`verdictOf`) in words: "一票否决（因：…）" only for a veto, "等次上限：基本合格（因：…）"
 * for a grade ceiling, so no screen calls a ceiling a veto.
 */
import type { Lang } from '../result'
import type { Verdict } from './verdict'

/** `titleOf` names an item (its title); ids are the fallback. */
export function verdictText(verdict: Verdict, titleOf: (itemId: string) => string, lang: Lang): string {
  const titles = verdict.itemIds.map(titleOf)
  if (lang === 'en') {
    const because = titles.length > 0 ? ` (because: ${titles.join('; ')})` : ''
    if (verdict.kind === 'veto') return `Vetoed${because}`
    return `Grade capped at “${verdict.ceilingLabel ?? ''}”${because}`
  }
  const because = titles.length > 0 ? `（因：${titles.join('；')}）` : ''
  if (verdict.kind === 'veto') return `一票否决${because}`
  return `等次上限：${verdict.ceilingLabel ?? ''}${because}`
}
