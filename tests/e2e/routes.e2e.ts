// Every route in zh-CN and in English, in real Chromium against the production build (#12 item 7):
// a dorm room submitted through the fill UI (a finding, so a task exists) and a draft left open,
// then each page is read back and must show no i18n key, no option or field id, no schema code,
// no "1 points" and, in English, no full-width punctuation around English words; and axe-core
// finds no serious or critical accessibility violation, with exactly one `main` landmark.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import type { Answer, Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { appUrl, launchBrowser, newTabletPage } from './support'
import { submitOpenFill } from './support/fill'

/** Option ids and subject-field ids of the shipped samples: data, never labels. */
const IDS = [
  'yes', 'no', 'na', 'none', 'minor', 'major', 'pass', 'fail', 'good', 'fair', 'poor', 'average', 'excellent',
  'period', 'department', 'year', 'building', 'floor', 'room', 'teacher', 'branch', 'inspector',
] as const

/** Enum values of the template format (format.md): shown only as words of the interface. */
const CODES = [
  'single', 'multi', 'count', 'number', 'score', 'text', 'date', 'photo', 'signature',
  'inspection', 'evaluation', 'conduct', 'veto', 'ceiling', 'judged', 'deduct', 'bands', 'thresholds',
] as const

/** Message areas of src/locales: "area.key" on screen is a key that was not translated. */
const KEY = /\b(?:app|home|fill|results|builder|imports|tasks|backup|settings|ledger|templates|common|scoring|subject|sync|register|labels|admin)\.[a-zA-Z]\w*(?:\.\w+)*(?!\.(?:json|csv|xlsx|zip)\b)/

/** A format code in camelCase (deductEach, visibleIf, maxPoints): no English sentence has one. */
const CAMEL = /\b[a-z]+[A-Z][a-zA-Z]*\b/

/** "1 points", "1 items": a plural after one. Words ending in s that are singular are let through. */
const ONE_PLURAL = /(?<![\d.,])\b1 (?!(?:class|status|pass|process|access|address|progress|yes|bonus|minus|plus|this|is|was|has|as|its|pts)\b)[a-z]+s\b/

const CJK = /[\u3400-\u9fff]/
const FULL_WIDTH = /[（），。：；！？、「」]/
/** Full-width punctuation touching a Latin letter ("Score：", "（max 5）" around English). */
const FULL_WIDTH_BY_LATIN = /[A-Za-z][（），。：；！？、「」]|[（），。：；！？、「」][A-Za-z]/

interface Screen {
  /** Visible text nodes, whitespace collapsed. */
  texts: string[]
  /** aria-label, title, placeholder, alt and <option> texts, which a person or a reader meets too. */
  attrs: string[]
  title: string
  mains: number
}

/** What the page shows, read in the page. */
function readScreen(page: Page): Promise<Screen> {
  return page.evaluate(() => {
    const texts: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim()
      const parent = node.parentElement
      if (!text || !parent || parent.closest('script, style, template, [data-testid=ledger]')) continue
      // Form labels count even while their panel is folded away: opening it shows them.
      if (parent.closest('option, label') || parent.checkVisibility({ visibilityProperty: true })) texts.push(text)
    }
    const attrs: string[] = []
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (el.closest('[data-testid=ledger]')) continue
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name)?.trim()
        if (value) attrs.push(value)
      }
    }
    return { texts, attrs, title: document.title, mains: document.querySelectorAll('main, [role=main]').length }
  })
}

/** Everything wrong on one screen, as "route: problem «text»" lines. */
function problems(route: string, lang: 'zh-CN' | 'en', screen: Screen): string[] {
  const found: string[] = []
  const say = (what: string, text: string): void => void found.push(`${lang} ${route}: ${what} «${text}»`)
  const all = [screen.title, ...screen.texts, ...screen.attrs]
  for (const text of all) {
    if (KEY.test(text)) say('i18n key', text)
    if (CAMEL.test(text)) say('camelCase code', text)
    const bare = text.replace(/[\s:：()（）]/g, '')
    if ((IDS as readonly string[]).includes(bare) || (CODES as readonly string[]).includes(bare)) say('raw id or code', text)
    for (const id of IDS) if (new RegExp(`[「"“']${id}[」"”']`).test(text)) say('quoted option id', text)
    if (/\w+ \/ \w+ \/ \w+/.test(text) && /\b(?:period|department|year|building|floor|room)\b/.test(text)) say('field ids', text)
    if (lang === 'zh-CN') {
      for (const code of CODES) if (new RegExp(`(?<![A-Za-z])${code}(?![A-Za-z])`).test(text) && CJK.test(text)) say('code in Chinese text', text)
    } else {
      if (ONE_PLURAL.test(text)) say('plural after 1', text)
      if (FULL_WIDTH.test(text) && (!CJK.test(text) || FULL_WIDTH_BY_LATIN.test(text))) say('full-width punctuation', text)
    }
  }
  if (screen.mains !== 1) found.push(`${lang} ${route}: ${screen.mains} main landmarks`)
  return [...new Set(found)]
}

/** Serious and critical axe-core violations, one line each with the first offending nodes. */
async function axeProblems(page: Page, route: string, lang: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).exclude('[data-testid=ledger]').options({ resultTypes: ['violations'] }).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${lang} ${route}: axe ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
}

const root = resolve(import.meta.dirname, '../..')
const json = <T>(path: string): T => JSON.parse(readFileSync(resolve(root, path), 'utf8')) as T

let browser: Browser
let page: Page
/** Ids made while seeding: the submitted room and the draft left open. */
let submitted = ''
let draft = ''

async function startRoom(room: string): Promise<string> {
  await page.goto(appUrl('/fill/new/dorm-room-safety/1'))
  await page.locator('#subject-building').fill('3号楼')
  await page.locator('#subject-floor').fill('2')
  await page.locator('#subject-room').fill(room)
  await page.locator('#inspector').fill('王老师')
  await page.getByTestId('begin').click()
  await page.waitForURL(/\/fill\/[0-9a-f-]{36}$/)
  return new URL(page.url()).pathname.split('/').pop()!
}

beforeAll(async () => {
  browser = await launchBrowser()
  ;({ page } = await newTabletPage(browser))
  await page.goto(appUrl('/fill'))
  await page.getByText('宿舍安全检查').first().waitFor()
  submitted = await startRoom('201')
  await page.getByRole('button', { name: '增加 晚归', exact: true }).click()
  await submitOpenFill(page)
  draft = await startRoom('202')
  await seedRedFlag()
})

/**
 * The 红旗 self-assessment and its review, stored straight into IndexedDB as a finished round
 * leaves them (23 required items are too many to tap here): subject fields the interface has no
 * word for ("period"), and the self / review comparison.
 */
async function seedRedFlag(): Promise<void> {
  type Fixture = { subject: Record<string, string>; answers: Record<string, { attachments?: string[] }> }
  const self = json<Fixture>('tests/fixtures/red-flag-party-branch/self-red-flag.json')
  const review = json<Fixture>('tests/fixtures/red-flag-party-branch/review-red-flag.json')
  for (const a of [...Object.values(self.answers), ...Object.values(review.answers)]) delete a.attachments
  const template = json<Template>('schemas/samples/red-flag-party-branch.json')
  const title = template.title
  // The stored score, as submitting leaves it: the results list reads it (the detail page rescored).
  const score = (answers: Fixture['answers']) =>
    scoreResponse(template, { templateId: template.id, templateVersion: 1, answers: answers as Record<string, Answer> })
  const results = { self: score(self.answers), review: score(review.answers) }
  await page.evaluate(
    async ({ title, self, review, results }) => {
      const at = '2026-11-27T02:00:00.000Z'
      const row = (id: string, role: string, inspector: string, extra: Record<string, unknown>) => ({
        id, templateId: 'red-flag-party-branch', templateVersion: 1, templateTitle: title, role, subject: self.subject,
        status: 'submitted', inspector, startedAt: at, updatedAt: at, submittedAt: at, ...extra,
      })
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open('qingdan')
        open.onsuccess = () => done(open.result)
        open.onerror = () => fail(open.error)
      })
      const tx = db.transaction(['responses', 'answers'], 'readwrite')
      tx.objectStore('responses').put(row('rf-self', 'self', '张书记', { result: results.self }))
      tx.objectStore('responses').put(row('rf-review', 'review', '李考核', { reviewOf: 'rf-self', result: results.review }))
      for (const [itemId, answer] of Object.entries(self.answers)) tx.objectStore('answers').put({ responseId: 'rf-self', itemId, answer })
      for (const [itemId, answer] of Object.entries(review.answers)) tx.objectStore('answers').put({ responseId: 'rf-review', itemId, answer })
      await new Promise<void>((done, fail) => {
        tx.oncomplete = () => done()
        tx.onerror = () => fail(tx.error)
      })
      db.close()
    },
    { title, self, review, results },
  )
}

afterAll(async () => {
  await browser?.close()
})

/** Each route with what to wait for before reading it (its data has loaded). */
function routes(): { path: string; ready: string; open?: { button: string; panel: string } }[] {
  return [
    { path: '/', ready: '[data-testid=greeting]' },
    { path: '/templates', ready: '[data-testid^=template-card-]' },
    { path: '/templates/dorm-room-safety/edit', ready: '[data-testid=outline-template]' },
    { path: '/fill', ready: '[data-testid=drafts] li' },
    { path: '/fill/new/dorm-room-safety/1', ready: '[data-testid=begin]' },
    { path: `/fill/${draft}`, ready: '[data-testid=submit]', open: { button: '[data-testid=rules-open]', panel: '[data-testid=rules-panel]' } },
    // Both results (the room, and the 红旗 self-assessment shown with its review), not just the first screen's.
    { path: '/results', ready: '[data-testid=result-row] >> nth=1' },
    { path: '/results/dashboard/dorm-room-safety', ready: '[data-testid=top-findings]' },
    { path: `/results/${submitted}`, ready: '[data-testid=detail-total]' },
    { path: '/results/rf-review', ready: '[data-testid=pair-note]' },
    { path: '/tasks', ready: '[data-testid=task]' },
    { path: '/backup', ready: '[data-testid=backup-status]' },
    { path: '/sync', ready: '[data-testid=sign-in-form]' },
    { path: '/register', ready: '[data-testid=register-file]' },
    { path: '/register/labels', ready: 'main h1' },
    { path: '/settings', ready: '[data-testid=inspector-form]' },
  ]
}

async function visitAll(lang: 'zh-CN' | 'en'): Promise<string[]> {
  await page.evaluate((l) => localStorage.setItem('qingdan.locale', l), lang)
  const found: string[] = []
  for (const { path, ready, open } of routes()) {
    await page.goto(appUrl(path))
    const shown = await page.locator(ready).first().waitFor({ timeout: 10_000 }).then(() => true, () => false)
    if (!shown) {
      found.push(`${lang} ${path}: ${ready} never appeared`)
      continue
    }
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang)
    found.push(...problems(path, lang, await readScreen(page)))
    found.push(...(await axeProblems(page, path, lang)))
    if (open) {
      // A panel the page opens on demand (评分规则) is read the same way.
      await page.locator(open.button).click()
      await page.locator(open.panel).waitFor()
      found.push(...problems(`${path} ${open.panel}`, lang, await readScreen(page)))
      found.push(...(await axeProblems(page, `${path} ${open.panel}`, lang)))
    }
  }
  return found
}

describe('every route in both languages (#12 item 7)', () => {
  it('shows no keys, ids or codes and passes axe in zh-CN', async () => {
    expect(await visitAll('zh-CN')).toEqual([])
  }, 150_000)

  it('shows no keys, ids or codes, plural errors or full-width punctuation and passes axe in English', async () => {
    expect(await visitAll('en')).toEqual([])
  }, 150_000)
})
