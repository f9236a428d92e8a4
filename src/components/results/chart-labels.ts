/**
 * Chart labels that fit beside an axis. chart.js right-aligns a category label against a vertical
 * axis and, when the label is wider than the room it gives the axis (at most half the chart),
 * cuts it at the canvas edge: the label loses its start. Split into lines instead (chart.js draws
 * an array label one line under another), and when even that is too long, end with "…" (the
 * tooltip names the whole title).
 */

/** Display width of a character in half-width units: CJK and full-width forms count 2. */
function units(char: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1
}

/**
 * `text` as at most `lines` lines of at most `width` units each (a CJK character is 2 units, a
 * Latin letter 1), breaking Latin text after a space where it can; the last line ends with "…"
 * when text is left over.
 */
export function wrapLabel(text: string, width = 16, lines = 3): string[] {
  const out: string[] = []
  let line = ''
  let used = 0
  const chars = [...text.trim()]
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    const u = units(c)
    if (used + u > width && line !== '') {
      // Break after the line's last space when there is one, so a word is not split.
      const space = line.lastIndexOf(' ')
      const carry = space > 0 && units(c) === 1 ? line.slice(space + 1) : ''
      out.push(carry ? line.slice(0, space) : line)
      line = carry
      used = [...carry].reduce((n, x) => n + units(x), 0)
      if (out.length === lines) {
        const last = out.pop()!
        const cut = [...last]
        while (cut.length > 0 && cut.reduce((n, x) => n + units(x), 0) + 1 > width) cut.pop()
        out.push(`${cut.join('').trimEnd()}…`)
        return out
      }
    }
    if (line === '' && c === ' ') continue
    line += c
    used += u
  }
  if (line) out.push(line)
  return out
}
