// Submits the response open on the fill page through its real buttons, and waits for the
// completion screen. Fails naming the blockers if submit is refused.
import type { Page } from 'playwright-core'

export async function submitOpenFill(page: Page): Promise<void> {
  const confirm = page.getByTestId('confirm')
  const blockers = page.getByTestId('submit-blockers')
  // Rows above the bottom bar size themselves as they scroll past, so a tap on 提交 can land
  // while it moves: tap again until the dialog (or the blockers) answer.
  for (let i = 0; i < 5 && !(await confirm.or(blockers).first().isVisible()); i++) {
    await page.getByTestId('submit').click()
    await confirm.or(blockers).first().waitFor({ timeout: 3000 }).catch(() => undefined)
  }
  if (await blockers.isVisible()) throw new Error(`submit blocked: ${await blockers.textContent()}`)
  await confirm.click()
  await page.getByTestId('fill-complete').waitFor()
}

/** Submits the open fill with taps (a touch context), as a tablet does, and waits for 下一间. */
export async function submitByTap(page: Page): Promise<void> {
  const confirm = page.getByTestId('confirm')
  const blockers = page.getByTestId('submit-blockers')
  // Rows above size themselves as they scroll past (content-visibility), so a tap on the bottom
  // bar can land while it moves: tap again until the dialog (or the blockers) answer.
  for (let i = 0; i < 5 && !(await confirm.or(blockers).first().isVisible()); i++) {
    await page.getByTestId('submit').tap()
    await confirm.or(blockers).first().waitFor({ timeout: 3000 }).catch(() => undefined)
  }
  if (await blockers.isVisible()) throw new Error(`submit blocked: ${await blockers.textContent()}`)
  await confirm.tap()
  await page.getByTestId('next-room').waitFor()
}
