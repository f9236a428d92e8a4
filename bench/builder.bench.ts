/**
 * The builder in Chromium (issue #5, item 8), on a generated 1,000-item template opened in the
 * editor, against the production build at QINGDAN_BENCH_URL. Each figure is the median of 11,
 * measured one frame after the change is on screen. Budgets: 100 ms each.
 *
 * - builder.select1000.ms: click an outline row → the property panel shows that item.
 * - builder.edit1000.ms: change the selected item's title → the outline row, the preview and
 *   the validation panel updated (the validator re-runs over all 1,000 items on the edit).
 * - builder.undo1000.ms: click 撤销 → the previous title back in the outline.
 *
 * Imports are relative because bench files run through tsx, outside Vite's alias.
 */
import type { Page } from 'playwright-core'
import type { Template } from '../src/core/format/types'
import { launchBrowser, newTabletPage } from '../tests/e2e/support/chromium'
import { generateTemplate } from './generate'

const RUNS = 11
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
const round2 = (x: number): number => Math.round(x * 100) / 100

/** Stores the template as a draft row straight into the app's IndexedDB. */
async function seed(page: Page, template: Template): Promise<void> {
  await page.evaluate(async (t: unknown) => {
    const tpl = t as { id: string; title: string }
    const now = new Date().toISOString()
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('qingdan')
      open.onsuccess = () => done(open.result)
      open.onerror = () => fail(open.error)
    })
    await new Promise<void>((done, fail) => {
      const tx = db.transaction(['templates'], 'readwrite')
      tx.objectStore('templates').put({ id: tpl.id, title: tpl.title, status: 'draft', latestVersion: 0, draft: t, source: 'user', createdAt: now, updatedAt: now })
      tx.oncomplete = () => done()
      tx.onerror = () => fail(tx.error)
    })
    db.close()
  }, template as unknown)
}

type Step = 'select' | 'edit' | 'undo'

/** Does one step in the page and resolves with ms until its result is on screen, plus one frame. */
async function timeIt(page: Page, step: Step, id: string, title: string): Promise<number> {
  return page.evaluate(
    ([kind, itemId, newTitle]) =>
      new Promise<number>((resolve) => {
        const row = document.querySelector<HTMLElement>(`[data-testid=outline-item-${itemId}]`)!
        const titleInput = (): HTMLInputElement | null => document.querySelector('[data-testid=item-panel] input[name=title]')
        const t0 = performance.now()
        let done: () => boolean
        if (kind === 'select') {
          row.click()
          const text = row.lastChild?.textContent?.trim() ?? ''
          done = () => titleInput()?.value === text
        } else if (kind === 'edit') {
          const el = titleInput()!
          el.value = newTitle
          el.dispatchEvent(new Event('input', { bubbles: true }))
          const preview = (): Element | null => document.getElementById(`item-title-${itemId}`)
          done = () => (row.textContent ?? '').includes(newTitle) && (preview()?.textContent ?? newTitle).includes(newTitle)
        } else {
          document.querySelector<HTMLButtonElement>('[data-testid=undo]')!.click()
          done = () => !(row.textContent ?? '').includes(newTitle)
        }
        const check = (): void => {
          if (done()) requestAnimationFrame(() => resolve(performance.now() - t0))
          else requestAnimationFrame(check)
        }
        check()
      }),
    [step, id, title] as const,
  )
}

export default async function run(): Promise<Record<string, number>> {
  const base = process.env.QINGDAN_BENCH_URL
  if (!base) throw new Error('QINGDAN_BENCH_URL is not set: run through `npm run bench`.')
  const browser = await launchBrowser()
  const select: number[] = []
  const edit: number[] = []
  const undo: number[] = []
  try {
    const { page } = await newTabletPage(browser)
    await page.setViewportSize({ width: 1366, height: 1024 })
    await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
    await page.goto(new URL('/templates', base).href)
    await page.getByTestId('new-blank').waitFor()
    const template = generateTemplate(1000, { id: 'bench-builder' })
    await seed(page, template)
    await page.goto(new URL('/templates/bench-builder/edit', base).href)
    await page.getByTestId('outline-item-q1000').waitFor()
    await page.getByTestId('validation-panel').waitFor()
    for (let r = 0; r < RUNS; r++) {
      const id = `q${400 + r * 37}`
      const other = `q${401 + r * 37}`
      // Start from another item so each click changes the selection.
      await page.getByTestId(`outline-item-${other}`).click()
      await page.waitForTimeout(50)
      const title = `改名 ${r}`
      select.push(await timeIt(page, 'select', id, title))
      edit.push(await timeIt(page, 'edit', id, title))
      // The draft autosave and the validator settle before undo is timed.
      await page.waitForTimeout(50)
      undo.push(await timeIt(page, 'undo', id, title))
    }
  } finally {
    await browser.close()
  }
  return {
    'builder.select1000.ms': round2(median(select)),
    'builder.edit1000.ms': round2(median(edit)),
    'builder.undo1000.ms': round2(median(undo)),
  }
}
