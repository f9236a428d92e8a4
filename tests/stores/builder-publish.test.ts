// A publish validates the draft once: the builder's live validation is the publish's, the
// repository does not validate again, and the next draft (N+1) inherits the result.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

const calls = vi.hoisted(() => ({ n: 0 }))
vi.mock('@/core/validate', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/core/validate')>()
  return {
    ...real,
    validateTemplate: (...args: Parameters<typeof real.validateTemplate>) => {
      calls.n++
      return real.validateTemplate(...args)
    },
  }
})

const { listTemplateVersions } = await import('@/db')
const { createTemplate } = await import('@/db/repositories/templates-edit')
const { useBuilderStore } = await import('@/stores/builder')
const { freshDb, template } = await import('../db/helpers')

beforeEach(() => setActivePinia(createPinia()))

describe('publishing from the builder', () => {
  it('validates the draft once, and not again for the next draft', async () => {
    const db = freshDb()
    await createTemplate(db, template('t', 1))
    const store = useBuilderStore()
    await store.load('t', db)
    store.patchTemplate((t) => ({ ...t, title: '改名' }))
    expect(store.errorCount).toBe(0) // the live validation the publish button reads
    calls.n = 0
    const r = await store.publish()
    expect(r.ok).toBe(true)
    expect(store.template.version).toBe(2)
    expect(store.errorCount).toBe(0)
    expect(calls.n).toBe(0)
    expect((await listTemplateVersions(db, 't')).map((v) => [v.version, v.template.title])).toEqual([[1, '改名']])
  })

  it('validates again after the next edit', async () => {
    const db = freshDb()
    await createTemplate(db, template('t', 1))
    const store = useBuilderStore()
    await store.load('t', db)
    await store.publish()
    calls.n = 0
    store.patchItem('q2', (i) => ({ ...i, id: 'q1' }))
    expect(store.errorCount).toBeGreaterThan(0)
    expect(calls.n).toBe(1)
  })
})
