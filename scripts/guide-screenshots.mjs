#!/usr/bin/env node
// Retakes the user guide's screenshots (docs/guide/*.png, shown in the README) by walking three
// journeys through the real UI of the production build, as a person on a portrait tablet does:
//   npm run build && node scripts/guide-screenshots.mjs
// Every step waits for what the next tap needs (a test id, a URL), never for a fixed time, so the
// script keeps working while layouts and texts change. Not part of `npm test`: it checks nothing,
// it only photographs.
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { serveDist } from '../tests/e2e/support/serve.mjs'

const root = resolve(import.meta.dirname, '..')
const out = resolve(root, 'docs', 'guide')
/** Above this a PNG is too heavy for a README; the script says so rather than failing. */
const MAX_BYTES = 250 * 1024
const FILL_URL = /\/fill\/[0-9a-f-]{36}$/

mkdirSync(out, { recursive: true })
const server = await serveDist({ root: resolve(root, 'dist') })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
const url = (path) => new URL(path, server.url).href

/** Saves what the viewport shows (or `clip`, in page pixels) as docs/guide/<name>.png. */
async function shot(page, name, clip) {
  // Let fonts, pictures and pending layout settle: the next frame after fonts and images are ready.
  await page.evaluate(async () => {
    await document.fonts.ready
    // Only pictures on screen: a lazy one further down would never load.
    const pending = [...document.images].filter((img) => {
      const box = img.getBoundingClientRect()
      return !img.complete && box.bottom > 0 && box.top < innerHeight
    })
    await Promise.all(
      pending.map(
        (img) =>
          new Promise((done) => {
            img.addEventListener('load', done, { once: true })
            img.addEventListener('error', done, { once: true })
          }),
      ),
    )
    await new Promise((done) => requestAnimationFrame(() => done(undefined)))
  })
  const path = resolve(out, `${name}.png`)
  // Transitions (bars growing, dialogs fading in) end at once, so the picture shows where they land.
  await page.screenshot({ path, fullPage: false, animations: 'disabled', ...(clip && { clip }) })
  const size = statSync(path).size
  console.log(`wrote docs/guide/${name}.png (${Math.round(size / 1024)} KB)${size > MAX_BYTES ? ' — over 250 KB, crop it' : ''}`)
}

/**
 * Scrolls so that `locator` starts just below whatever stays stuck to the top (the top bar, the
 * fill page's live summary), then photographs the viewport. The stuck height is measured, not
 * assumed, so a taller or shorter bar after a layout change still leaves the target in view.
 */
async function shotAt(page, name, locator, gap = 12) {
  await locator.waitFor()
  await locator.evaluate((el, gap) => {
    // The target's place in the page; scrolling there first makes sticky bars stick, to be measured.
    const target = window.scrollY + el.getBoundingClientRect().top
    window.scrollTo(0, target)
    let covered = 0
    for (const other of document.querySelectorAll('body *')) {
      const style = getComputedStyle(other)
      if (style.position !== 'sticky' && style.position !== 'fixed') continue
      const box = other.getBoundingClientRect()
      if (box.height > 0 && box.top <= 1 + covered && box.bottom < innerHeight / 2) covered = Math.max(covered, box.bottom)
    }
    // Near the end of the page the browser clamps this, and the target stays as high as it can.
    window.scrollTo(0, target - covered - gap)
  }, gap)
  await shot(page, name)
}

/** Photographs the viewport down to the end of `locator` (plus a margin), to leave out empty space. */
async function shotDownTo(page, name, locator) {
  await locator.waitFor()
  const box = await locator.boundingBox()
  const viewport = page.viewportSize()
  const height = Math.min(viewport.height, Math.ceil((box?.y ?? 0) + (box?.height ?? viewport.height) + 24))
  await shot(page, name, { x: 0, y: 0, width: viewport.width, height })
}

/** Taps 提交 and confirms; rows size themselves as they scroll past, so tap until the dialog answers. */
async function submitOpenFill(page) {
  const confirm = page.getByTestId('confirm')
  const blockers = page.getByTestId('submit-blockers')
  for (let i = 0; i < 5 && !(await confirm.or(blockers).first().isVisible()); i++) {
    await page.getByTestId('submit').click()
    await confirm.or(blockers).first().waitFor({ timeout: 3000 }).catch(() => undefined)
  }
  if (await blockers.isVisible()) throw new Error(`submit blocked: ${await blockers.textContent()}`)
  await confirm.click()
  await page.getByTestId('fill-complete').waitFor()
}

/** Waits until the autosave has stored every answer given so far. */
async function saved(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent?.includes('已保存'))
}

/** A photo made by the browser itself (a wall, a socket, a loose cable), so the script needs no image file. */
async function makeJpeg(page) {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1200, 900)
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#b0bec5'
    ctx.fillRect(0, 0, 1200, 900)
    ctx.fillStyle = '#fff'
    ctx.fillRect(450, 300, 300, 300)
    ctx.strokeStyle = '#222'
    ctx.lineWidth = 18
    ctx.beginPath()
    ctx.moveTo(600, 600)
    ctx.bezierCurveTo(620, 780, 200, 700, 120, 900)
    ctx.stroke()
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 })).arrayBuffer())
    let s = ''
    for (const b of bytes) s += String.fromCharCode(b)
    return btoa(s)
  })
  return Buffer.from(base64, 'base64')
}

/** Opens a template from 填写's list and fills its start form (subject, inspector). */
async function startFill(page, title, subject) {
  await page.goto(url('/fill'))
  await page.getByTestId('templates').locator('li', { hasText: title }).getByRole('link').click()
  for (const [id, value] of Object.entries(subject)) await page.locator(`#subject-${id}`).fill(value)
  await page.getByTestId('begin').waitFor()
}

async function begin(page) {
  await page.getByTestId('begin').click()
  await page.waitForURL(FILL_URL)
  await page.getByTestId('total').waitFor()
  return new URL(page.url()).pathname.split('/').pop()
}

// ---------------------------------------------------------------------------------------------
// Journey 1: a dorm round — one room with a hazard and its photo, the completion screen, 下一间,
// then the results list and a record.
async function dormRound(page) {
  await page.goto(url('/'))
  await page.getByTestId('start-check').click()
  await page.getByTestId('templates').locator('li', { hasText: '宿舍安全检查（每间）' }).waitFor()
  await shotDownTo(page, 'dorm-1-pick', page.getByTestId('templates'))

  await startFill(page, '宿舍安全检查（每间）', { building: '3号楼', floor: '2', room: '201' })
  await shotDownTo(page, 'dorm-2-start', page.getByTestId('begin'))
  await begin(page)

  // A tangled wire (a hazard that asks for a photo) and one late return.
  const wiring = page.locator('#item-wiring')
  await wiring.getByRole('button', { name: /^增加/ }).click()
  await wiring.locator('.evidence input[type=file]').setInputFiles({ name: 'wire.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page) })
  await wiring.locator('.evidence img').waitFor()
  await page.locator('#item-winter-check [data-option=no]').click()
  await page.getByRole('button', { name: '增加 晚归', exact: true }).click()
  await saved(page)
  await shotAt(page, 'dorm-3-fill', page.locator('#item-wiring'))

  await submitOpenFill(page)
  await shotAt(page, 'dorm-4-complete', page.getByTestId('fill-complete'))

  // 下一间 opens room 202 with the round-level answer kept; one finding, submit.
  await page.getByTestId('next-room').click()
  await page.waitForFunction(() => document.querySelector('[data-testid="subject"]')?.textContent?.includes('202'))
  await page.getByRole('button', { name: '增加 人离不锁门、贵重物品随意放置', exact: true }).click()
  await saved(page)
  await submitOpenFill(page)

  await page.goto(url('/results'))
  await page.getByTestId('result-row').nth(1).waitFor()
  await page.evaluate(() => window.scrollTo(0, 0))
  await shotDownTo(page, 'dorm-5-results', page.getByTestId('result-row').last())

  await page.getByTestId('result-row').filter({ hasText: '201' }).click()
  await page.getByTestId('detail-total').waitFor()
  await page.getByTestId('findings').locator('img').first().waitFor()
  await shot(page, 'dorm-6-record')
}

// ---------------------------------------------------------------------------------------------
// Journey 2: the 红旗 self-assessment, its 评分规则, the review started from the record and the
// comparison of both.
const fixture = (name) =>
  JSON.parse(readFileSync(resolve(root, `tests/fixtures/red-flag-party-branch/${name}.json`), 'utf8')).answers

/**
 * Stores a hand-checked answer set (tests/fixtures) with a small picture per evidence id straight
 * into IndexedDB, as tests/e2e/review.e2e.ts does: 34 items and nine photos by hand would make the
 * guide a typing exercise. The page is reloaded so the app reads them as its own.
 */
async function seedAnswers(page, responseId, answers) {
  await page.evaluate(
    async ({ responseId, answers }) => {
      const canvas = new OffscreenCanvas(160, 120)
      const ctx = canvas.getContext('2d')
      ctx.fillStyle = '#e8eef5'
      ctx.fillRect(0, 0, 160, 120)
      ctx.fillStyle = '#c62828'
      ctx.fillRect(20, 20, 120, 12)
      ctx.fillStyle = '#90a4ae'
      for (let y = 48; y < 110; y += 14) ctx.fillRect(20, y, 120, 6)
      const blob = await canvas.convertToBlob({ type: 'image/png' })
      await new Promise((done, fail) => {
        const open = indexedDB.open('qingdan')
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction(['answers', 'attachments'], 'readwrite')
          const now = new Date().toISOString()
          for (const [itemId, answer] of Object.entries(answers)) {
            const ids = (answer.attachments ?? []).map((a) => `${responseId}-${a}`)
            for (const id of ids) {
              tx.objectStore('attachments').put({ id, responseId, itemId, name: `${id}.png`, type: 'image/png', size: blob.size, createdAt: now, blob })
            }
            tx.objectStore('answers').put({ responseId, itemId, answer: { ...answer, ...(ids.length && { attachments: ids }), updatedAt: now } })
          }
          tx.oncomplete = () => {
            open.result.close()
            done(undefined)
          }
          tx.onerror = () => fail(tx.error)
        }
      })
    },
    { responseId, answers },
  )
  await page.reload()
  await page.getByTestId('total').waitFor()
}

/** Bonus items cleared, so the only bonus is the one tapped on the page. */
const withoutBonus = (answers) => ({ ...answers, honor: { value: 'none' }, media: { value: 0 }, promoted: { value: 'no' } })

async function remark(page, itemId, text) {
  const row = page.locator(`#item-${itemId}`)
  await row.locator('button.link').click()
  await row.locator('textarea').fill(text)
}

async function redFlag(page) {
  await startFill(page, '红旗党支部考评细则', { branch: '护理系教工党支部', period: '2026' })
  await page.getByTestId('role-self').waitFor()
  await shotDownTo(page, 'redflag-1-start', page.getByTestId('begin'))
  const selfId = await begin(page)

  // The answers, and one given here by hand: 支部工作经验被上级推广 (a bonus of 2).
  await seedAnswers(page, selfId, withoutBonus(fixture('self-red-flag')))
  await page.locator('#item-promoted [data-option=yes]').click()
  await remark(page, 'ideology', '每季度开展一次研判')
  await saved(page)
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'redflag-2-fill')

  await page.getByTestId('rules-open').click()
  await page.getByTestId('rules-panel').waitFor()
  await shot(page, 'redflag-3-rules')
  await page.getByTestId('rules-close').click()
  await page.getByTestId('rules-panel').waitFor({ state: 'detached' })

  await submitOpenFill(page)
  await page.getByTestId('view-record').click()
  await page.getByTestId('start-review').waitFor()
  await shot(page, 'redflag-4-record')

  // 开始复核: the linked review, same subject; the reviewer answers some items differently.
  await page.getByTestId('start-review').click()
  await page.waitForURL((u) => FILL_URL.test(u.pathname) && !u.pathname.endsWith(selfId))
  await page.getByTestId('total').waitFor()
  const reviewId = new URL(page.url()).pathname.split('/').pop()
  await seedAnswers(page, reviewId, withoutBonus(fixture('review-red-flag')))
  await page.locator('#item-ideology [data-option=fair]').click()
  await remark(page, 'ideology', '研判记录不全')
  await saved(page)
  await shotAt(page, 'redflag-5-review', page.locator('#item-ideology'))
  await submitOpenFill(page)

  await page.getByTestId('view-record').click()
  await page.getByTestId('item-breakdown').waitFor()
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'redflag-6-compare')
  // Further down: the item answered differently, with both answers and both remarks side by side.
  await shotAt(page, 'redflag-7-items', page.locator('tr', { has: page.getByTestId('self-ideology') }))
}

// ---------------------------------------------------------------------------------------------
// Journey 3: designing a form in 模板库 — a blank template, a subject field, a section with two
// items, the live preview, and publishing version 1.
async function designForm(page) {
  await page.goto(url('/templates'))
  await page.getByTestId('new-blank').click()
  await page.getByTestId('new-title').fill('实训室安全检查')
  await shotDownTo(page, 'builder-1-new', page.locator('[data-testid^=template-card-]').last())
  await page.getByTestId('confirm').click()
  await page.waitForURL(/\/templates\/[^/]+\/edit$/)
  await page.getByTestId('outline-template').waitFor()

  // Who is checked: one subject field.
  await page.getByTestId('subject-add').click()
  const subjectName = page.getByTestId('subject').getByLabel('名称').first()
  await subjectName.fill('实训室')
  await subjectName.press('Tab')

  await page.getByTestId('outline-section-s1').click()
  await page.getByTestId('section-title').fill('设备与用电')
  await addItem(page, 's1', 'single', '设备接地良好，防护罩完好')
  await prop(page, '满分', '10')
  await page.waitForFunction(() => document.querySelector('[data-testid="preview-total"]')?.textContent?.includes('/ 10'))
  await page.getByTestId('option-preset').selectOption('passFail')
  await addItem(page, 's1', 'count', '下班未断电')
  await prop(page, '满分', '10')
  await prop(page, '每次扣分', '2')
  await page.waitForFunction(() => document.querySelector('[data-testid="preview-total"]')?.textContent?.includes('/ 20'))
  // Try it in the preview as a person would: one pass, one miss.
  const preview = page.getByTestId('preview')
  await preview.locator('#item-q1 [data-option=pass]').click()
  await preview.getByRole('button', { name: '增加 下班未断电' }).click()
  await page.waitForFunction(() => document.querySelector('[data-testid="preview-total"]')?.textContent?.replace(/\s+/g, ' ').includes('18 / 20'))
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent?.includes('草稿已保存'))
  // Panes scroll on their own: show each from its top, where a person starts reading.
  await page.evaluate(() => {
    window.scrollTo(0, 0)
    for (const el of document.querySelectorAll('main *')) if (el.scrollTop > 0) el.scrollTop = 0
  })
  await shot(page, 'builder-2-edit')

  await page.waitForFunction(() => !document.querySelector('[data-testid="publish"]')?.disabled)
  await page.getByTestId('publish').click()
  await page.getByTestId('publish-dialog').waitFor()
  await shot(page, 'builder-3-published')
  await page.getByTestId('publish-close').click()

  // The new form is now offered in 填写.
  await page.goto(url('/fill'))
  await page.getByTestId('templates').locator('li', { hasText: '实训室安全检查' }).waitFor()
  await page.evaluate(() => window.scrollTo(0, 0))
  await shotDownTo(page, 'builder-4-in-fill', page.getByTestId('templates'))
}

async function addItem(page, section, type, title) {
  await page.getByTestId(`add-type-${section}`).selectOption(type)
  await page.getByTestId(`add-item-${section}`).click()
  await page.getByTestId('item-panel').waitFor()
  await page.getByTestId('prop-title').fill(title)
}

async function prop(page, label, value) {
  await page.getByTestId('item-panel').getByLabel(label, { exact: true }).fill(value)
}

// ---------------------------------------------------------------------------------------------
try {
  const context = await browser.newContext({
    viewport: { width: 768, height: 1024 },
    deviceScaleFactor: 1,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // No offline cache needed for pictures; the worker's precache would only cost time.
    serviceWorkers: 'block',
  })
  await context.addInitScript(() => localStorage.setItem('qingdan.inspector', '王老师'))
  // A fixed starting time (a November weekday morning, Beijing) that then runs on as usual: the
  // dates in the pictures stay the same from one retake to the next, so unchanged pages give
  // unchanged files.
  await context.clock.install({ time: new Date('2026-11-16T09:30:00+08:00') })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  const only = process.argv.slice(2)
  const journeys = { dorm: dormRound, redflag: redFlag, builder: designForm }
  for (const [name, journey] of Object.entries(journeys)) {
    if (only.length && !only.includes(name)) continue
    console.log(`journey: ${name}`)
    await journey(page)
  }
} finally {
  await browser.close()
  await server.close()
}
