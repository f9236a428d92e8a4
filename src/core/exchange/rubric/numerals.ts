/**
 * Amounts as rubrics write them: 0.5, 2, or in Chinese numerals (扣两分, 扣十分, 扣半分, 缺二次).
 */

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** The characters a Chinese amount is written with, for use inside a regular expression class. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百半'

/** An amount in Arabic or Chinese numerals up to 999 (一百二十, 十五, 两); null when unreadable. */
export function parseAmount(text: string): number | null {
  const s = text.trim()
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s)
  if (s === '半') return 0.5
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null
  let total = 0
  let digit: number | null = null
  for (const ch of s) {
    if (ch === '百' || ch === '十') {
      // 十五: a bare 十 means one ten.
      total += (digit ?? 1) * (ch === '百' ? 100 : 10)
      digit = null
    } else {
      const d = DIGITS[ch]
      if (d === undefined) return null
      // 二三 is not a number; 一百零五 is (零 only holds a place).
      if (digit !== null && digit !== 0 && d !== 0) return null
      digit = d
    }
  }
  return total + (digit ?? 0)
}
