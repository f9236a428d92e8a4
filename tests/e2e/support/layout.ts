// Layout measurements shared by the layout e2e tests: columns too narrow for their text, and
// horizontal overflow. Everything runs in the page, in the element's own font.
import type { Page } from 'playwright-core'

/**
 * Boxes matching `boxes` narrower than the first four characters of their own text (measured in
 * their own font): a column that wraps one or two characters per line. Then fields matching
 * `fields` (inputs and selects in table columns) narrower than four characters of their value
 * (or of "0000"). Boxes for screen readers only (e.g. a card layout's hidden table head) are
 * not on screen and are skipped: boxes clipped away (`clip: rect(…)`), or inside one. Returns one line per offender, empty when all is well.
 */
export function narrowBoxes(page: Page, boxes: string, fields?: string): Promise<string[]> {
  return page.evaluate(
    ({ boxes, fields }) => {
      const ctx = document.createElement('canvas').getContext('2d')!
      const out: string[] = []
      // Clipped away for screen readers only (the visually-hidden pattern), on it or an ancestor.
      const offScreen = (el: Element): boolean => {
        for (let a: Element | null = el; a; a = a.parentElement) if (getComputedStyle(a).clip.startsWith('rect(')) return true
        return false
      }
      for (const el of document.querySelectorAll<HTMLElement>(boxes)) {
        const text = (el.innerText ?? '').trim().replace(/\s+/g, ' ')
        const rect = el.getBoundingClientRect()
        // A cell holding a field is measured by its field, below.
        if (!text || rect.width === 0 || el.querySelector('input, select, textarea') || offScreen(el)) continue
        const s = getComputedStyle(el)
        if (s.visibility === 'hidden') continue
        ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`
        const pad = parseFloat(s.paddingLeft) + parseFloat(s.paddingRight)
        const need = ctx.measureText([...text].slice(0, 4).join('')).width
        if (rect.width - pad + 1 < need) out.push(`${el.tagName.toLowerCase()}.${el.className} "${text.slice(0, 20)}" ${Math.round(rect.width)}px < ${Math.round(need)}px`)
      }
      if (!fields) return out
      for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(fields)) {
        const rect = el.getBoundingClientRect()
        if (rect.width === 0) continue
        const s = getComputedStyle(el)
        ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`
        const shown = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el.value
        const need = ctx.measureText([...(shown || '0000')].slice(0, 4).join('')).width
        const pad = parseFloat(s.paddingLeft) + parseFloat(s.paddingRight) + parseFloat(s.borderLeftWidth) + parseFloat(s.borderRightWidth)
        if (rect.width - pad + 1 < need) out.push(`${el.tagName.toLowerCase()}[${el.getAttribute('aria-label')}] "${shown.slice(0, 20)}" ${Math.round(rect.width)}px < ${Math.round(need + pad)}px`)
      }
      return out
    },
    { boxes, fields },
  )
}

/** How far the page scrolls sideways: scrollWidth beyond the viewport, in px (0 when it does not). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, (document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth))
}

/**
 * Elements matching `selector` whose right edge passes the viewport's (content that a parent
 * with `overflow: auto/hidden` would hide from the page-level check).
 */
export function pastTheEdge(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const r = el.getBoundingClientRect()
      if (r.width > 0 && r.right > window.innerWidth + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} right ${Math.round(r.right)}px`)
    }
    return out
  }, selector)
}
