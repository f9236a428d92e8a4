#!/usr/bin/env node
// Retakes the README screenshot (public/screenshot.png) from the production build:
//   npm run build && node scripts/e2e-screenshot.mjs
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { serveDist } from '../tests/e2e/support/serve.mjs'

const root = resolve(import.meta.dirname, '..')
const server = await serveDist({ root: resolve(root, 'dist') })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 460 }, locale: 'zh-CN' })
  // A named inspector makes the greeting look like real use; nothing else is staged.
  await context.addInitScript(() => localStorage.setItem('qingdan.inspector', '王老师'))
  const page = await context.newPage()
  await page.goto(`${server.url}/`)
  await page.getByTestId('start-check').waitFor()
  await page.screenshot({ path: resolve(root, 'public', 'screenshot.png') })
  console.log('wrote public/screenshot.png')
} finally {
  await browser.close()
  await server.close()
}
