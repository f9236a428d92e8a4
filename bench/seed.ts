/**
 * Seeding the app's IndexedDB straight from a bench page, without going through the UI.
 * The page must have opened the app once, so the database exists with the app's schema.
 */
import type { Page } from 'playwright-core'
import type { Template } from '../src/core/format/types'

/** Puts a template version and a draft on it straight into the app's IndexedDB; returns the draft id. */
export async function seedDraft(page: Page, template: Template): Promise<string> {
  // Passed as JSON text: Playwright's argument types recurse too deeply on `Template`.
  return page.evaluate(async (json) => {
    const t = JSON.parse(json) as { id: string; version: number; title: string }
    const id = crypto.randomUUID()
    const now = new Date().toISOString()
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('qingdan')
      open.onsuccess = () => done(open.result)
      open.onerror = () => fail(open.error)
    })
    await new Promise<void>((done, fail) => {
      const tx = db.transaction(['templateVersions', 'responses'], 'readwrite')
      tx.objectStore('templateVersions').put({ templateId: t.id, version: t.version, template: t, publishedAt: now, itemCount: 0 })
      tx.objectStore('responses').put({
        id, templateId: t.id, templateVersion: t.version, templateTitle: t.title, role: 'self', subject: {},
        status: 'draft', inspector: '', startedAt: now, updatedAt: now, subjectKey: '', subjectTerms: [],
      })
      tx.oncomplete = () => done()
      tx.onerror = () => fail(tx.error)
    })
    db.close()
    return id
  }, JSON.stringify(template))
}
