/**
 * The fill view in Chromium (issue #4, item 8), on generated templates of N items (three options
 * each, a remark per item), against the production build served at QINGDAN_BENCH_URL:
 *
 * - fill.render300.ms / fill.render1000.ms: route change (tap 继续填写 in the drafts list) → the
 *   first screen of rows (20 rows, more than a tablet shows) tappable and the live score over all N
 *   shown, after the next frame. Median of 5. Budgets 300 / 600. Later rows render in slices on
 *   the following tasks: fill.renderAll300.ms / fill.renderAll1000.ms time the last row's arrival.
 * - fill.heap1000.mb: used JS heap after GC with the 1,000-item view open. Budget 20.
 * - fill.tap1000.ms: a tap on an option → its row and the live total patched (seen by a
 *   MutationObserver on the total). Median of 21. Budget 16.
 * - fill.autosave.ms: a tap on a row on screen → the answer committed in IndexedDB (the status
 *   turns 已保存 only when Dexie's transaction completed; seen by a MutationObserver, and the last
 *   answer read back). Median of 15. Budget 20.
 * - fill.floor.*: the same measures on a plain page of N native radio groups and a textarea each,
 *   built with createElement, totalled by a loop: the floor no framework can beat.
 * - fill.render300.ratio: fill.render300.ms ÷ fill.floor.render300.ms, both from this run (issue
 *   #10: target ≤ 1.5), so machine load cancels out as far as it can.
 *
 * Imports are relative because bench files run through tsx, outside Vite's alias.
 */
import type { Page } from 'playwright-core'
import { launchBrowser, newTabletPage } from '../tests/e2e/support/chromium'
import { generateTemplate } from './generate'
import { seedDraft } from './seed'

const RUNS = 5
const TAPS = 21
const SAVES = 15
/** A 768×1024 tablet shows 6–8 rows; the 20th row is well below the fold. */
const FIRST_SCREEN = 'q20'

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
const round2 = (x: number): number => Math.round(x * 100) / 100

/**
 * Drafts list → tap 继续填写 of `id` → [the first screen of rows and the total on screen, every
 * row in the DOM], each measured one frame after it happened.
 */
async function timeRouteChange(page: Page, base: string, id: string, firstScreenItemId: string, lastItemId: string): Promise<[number, number]> {
  await page.goto(new URL('/fill', base).href)
  const link = page.locator(`a[href="/fill/${id}"]`)
  await link.waitFor()
  return page.evaluate(
    ([href, first, last]) =>
      new Promise<[number, number]>((done) => {
        const a = document.querySelector<HTMLAnchorElement>(`a[href="${href}"]`)!
        const t0 = performance.now()
        let interactive = 0
        a.click()
        const check = (): void => {
          const ready = document.getElementById(`item-${first}`) && document.querySelector('[data-testid=total]')
          // One more frame after each: layout and paint of what was just rendered.
          if (!interactive && ready) requestAnimationFrame(() => (interactive = performance.now() - t0))
          if (ready && document.getElementById(`item-${last}`)) {
            requestAnimationFrame(() => setTimeout(() => done([interactive || performance.now() - t0, performance.now() - t0]), 0))
          } else requestAnimationFrame(check)
        }
        check()
      }),
    [`/fill/${id}`, firstScreenItemId, lastItemId] as const,
  )
}

/**
 * Tap → the row and the live total patched in the DOM. The end is taken by a MutationObserver on
 * the total, whose callback runs right after the DOM write (Vue's flush is a microtask), so
 * later tasks — the autosave write starts on the next one — are not counted as the tap's.
 */
async function timeTaps(page: Page, itemId: string, totalSelector: string): Promise<number> {
  const times = await page.evaluate(
    async ([id, sel, taps]) => {
      const out: number[] = []
      const row = document.getElementById(`item-${id}`)!
      const total = document.querySelector(sel)!
      for (let i = 0; i < taps; i++) {
        const option = row.querySelectorAll<HTMLElement>('[data-option], input[type=radio]')[i % 2 === 0 ? 0 : 2]!
        const before = total.textContent
        let t0 = 0
        const t1 = await new Promise<number>((done, fail) => {
          const observer = new MutationObserver(() => {
            if (total.textContent === before) return
            observer.disconnect()
            done(performance.now())
          })
          observer.observe(total, { subtree: true, childList: true, characterData: true })
          setTimeout(() => fail(new Error(`tap ${i} did not update the total`)), 5000)
          t0 = performance.now()
          option.click()
        })
        const checked = option.getAttribute('aria-checked') === 'true' || (option as HTMLInputElement).checked
        if (!checked) throw new Error(`tap ${i} did not update the row`)
        out.push(t1 - t0)
        await new Promise((r) => setTimeout(r, 30))
      }
      return out
    },
    [itemId, totalSelector, TAPS] as const,
  )
  return median(times.slice(1))
}

/**
 * Tap → the answer committed. The row is scrolled into view first: a person taps a row on screen,
 * and an off-screen row (`content-visibility: auto`) costs an extra frame no real tap pays. The end
 * is taken by a MutationObserver on the status, which turns 已保存 in the DOM write right after
 * Dexie's transaction completed; no polling loop competes with IndexedDB's tasks. The last tapped
 * option is then read back from IndexedDB, so a status that lied would fail the bench.
 */
async function timeAutosave(page: Page, itemId: string, responseId: string): Promise<number> {
  const times = await page.evaluate(
    async ([id, n, rid]) => {
      const out: number[] = []
      const row = document.getElementById(`item-${id}`)!
      const status = document.querySelector('[data-testid=save-status]')!
      row.scrollIntoView({ block: 'center' })
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))
      let last = ''
      for (let i = 0; i < n; i++) {
        const option = row.querySelectorAll<HTMLElement>('[data-option]')[i % 2 === 0 ? 1 : 0]!
        last = option.dataset.option ?? ''
        let t0 = 0
        const t1 = await new Promise<number>((done, fail) => {
          let seenSaving = false
          const observer = new MutationObserver(() => {
            const text = status.textContent ?? ''
            if (text.includes('保存中')) seenSaving = true
            else if (seenSaving && text.includes('已保存')) {
              observer.disconnect()
              done(performance.now())
            }
          })
          observer.observe(status, { subtree: true, childList: true, characterData: true })
          setTimeout(() => fail(new Error(`save ${i} did not reach 已保存`)), 5000)
          t0 = performance.now()
          option.click()
        })
        out.push(t1 - t0)
        await new Promise((r) => setTimeout(r, 50))
      }
      const stored = await new Promise<unknown>((done, fail) => {
        const open = indexedDB.open('qingdan')
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction('answers').objectStore('answers').get([rid, id])
          get.onsuccess = () => {
            open.result.close()
            done((get.result as { answer?: { value?: unknown } } | undefined)?.answer?.value)
          }
          get.onerror = () => fail(get.error)
        }
      })
      if (stored !== last) throw new Error(`the last tap (${last}) was not committed: stored ${String(stored)}`)
      return out
    },
    [itemId, SAVES, responseId] as const,
  )
  return median(times)
}

/**
 * Used JS heap after a full GC, from the DevTools protocol's performance metrics (JSHeapUsedSize,
 * what the DevTools memory panel shows as the JS heap).
 */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? usage.usedSize
  return used / (1024 * 1024)
}

/** The floor: N plain radio groups with a textarea each, and a total summed over all N per change. */
async function floor(page: Page, n: number): Promise<{ render: number; tap: number; heap: number }> {
  await page.setContent('<main id="root"></main><p id="total" data-testid="total"></p>')
  await page.evaluate('globalThis.__name = (f) => f')
  const renders: number[] = []
  for (let r = 0; r < RUNS; r++) {
    renders.push(
      await page.evaluate(
        (count) =>
          new Promise<number>((done) => {
            const root = document.getElementById('root')!
            root.replaceChildren()
            const t0 = performance.now()
            const values = new Array<number>(count).fill(-1)
            const total = document.getElementById('total')!
            const sum = (): void => {
              total.textContent = String(values.reduce((a, v) => a + (v < 0 ? 0 : 2 - v), 0))
            }
            for (let i = 0; i < count; i++) {
              const row = document.createElement('article')
              row.id = `item-f${i}`
              const h = document.createElement('h3')
              h.textContent = `检查项 ${i + 1}`
              row.append(h)
              for (let o = 0; o < 3; o++) {
                const label = document.createElement('label')
                const input = document.createElement('input')
                input.type = 'radio'
                input.name = `f${i}`
                input.addEventListener('change', () => {
                  values[i] = o
                  sum()
                })
                label.append(input, ['符合', '基本符合', '不符合'][o]!)
                row.append(label)
              }
              const note = document.createElement('textarea')
              note.setAttribute('aria-label', '备注')
              row.append(note)
              root.append(row)
            }
            sum()
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0))
          }),
        n,
      ),
    )
  }
  const tap = await timeTaps(page, `f${Math.floor(n / 2)}`, '#total')
  return { render: median(renders), tap, heap: await heapMb(page) }
}

export default async function run(): Promise<Record<string, number>> {
  const base = process.env.QINGDAN_BENCH_URL
  if (!base) throw new Error('QINGDAN_BENCH_URL is not set: run through `npm run bench`.')
  const browser = await launchBrowser()
  const metrics: Record<string, number> = {}
  try {
    const { page } = await newTabletPage(browser)
    // tsx keeps function names with an `__name` helper that does not exist in the page.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
    // The app creates its database (and installs the samples) on the first visit.
    await page.goto(new URL('/fill', base).href)
    await page.getByTestId('templates').locator('li').first().waitFor()

    for (const n of [300, 1000]) {
      const template = generateTemplate(n, { id: `bench-${n}` })
      const id = await seedDraft(page, template)
      const last = `q${n}`
      // Warm-up: the lazy FillView chunk and the JIT, not measured.
      await timeRouteChange(page, base, id, FIRST_SCREEN, last)
      const times: Array<[number, number]> = []
      for (let r = 0; r < RUNS; r++) times.push(await timeRouteChange(page, base, id, FIRST_SCREEN, last))
      metrics[`fill.render${n}.ms`] = round2(median(times.map((t) => t[0])))
      metrics[`fill.renderAll${n}.ms`] = round2(median(times.map((t) => t[1])))
      if (n === 1000) {
        metrics['fill.heap1000.mb'] = round2(await heapMb(page))
        // A single-choice row near the middle (the generator makes ~45 % of items single-choice).
        const middle = await page.evaluate(() => {
          const rows = [...document.querySelectorAll('article[id^=item-q]')]
          const pick = rows.slice(rows.length >> 1).find((r) => r.querySelectorAll('[data-option]').length === 3)
          return pick?.id.replace('item-', '') ?? ''
        })
        metrics['fill.tap1000.ms'] = round2(await timeTaps(page, middle, '[data-testid=total]'))
        metrics['fill.autosave.ms'] = round2(await timeAutosave(page, middle, id))
      }
    }

    // The floor in a fresh context: `setContent` on the app's page would keep the app's JS realm.
    const { page: blank } = await newTabletPage(browser)
    await blank.addInitScript({ content: 'globalThis.__name = (f) => f' })
    for (const n of [300, 1000]) {
      const f = await floor(blank, n)
      metrics[`fill.floor.render${n}.ms`] = round2(f.render)
      if (n === 1000) {
        metrics['fill.floor.tap1000.ms'] = round2(f.tap)
        metrics['fill.floor.heap1000.mb'] = round2(f.heap)
      }
    }
    // Issue #10's headline: the fill page's render time in units of the floor, both from this run.
    metrics['fill.render300.ratio'] = round2((metrics['fill.render300.ms'] ?? NaN) / (metrics['fill.floor.render300.ms'] ?? NaN))
    return metrics
  } finally {
    await browser.close()
  }
}
