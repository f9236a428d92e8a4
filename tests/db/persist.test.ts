import { describe, expect, it, vi } from 'vitest'
import { persistStorage } from '@/db'

describe('persistStorage', () => {
  it('asks the browser once, however often it is called', async () => {
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) }
    expect(await persistStorage(storage)).toBe(true)
    expect(await persistStorage(storage)).toBe(true)
    expect(storage.persist).toHaveBeenCalledTimes(1)
  })

  it('does not ask again when storage is already persistent', async () => {
    const storage = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true) }
    expect(await persistStorage(storage)).toBe(true)
    expect(storage.persist).not.toHaveBeenCalled()
  })

  it('resolves false without the API, on refusal, or when the browser throws', async () => {
    expect(await persistStorage(undefined)).toBe(false)
    expect(await persistStorage({})).toBe(false)
    expect(await persistStorage({ persist: async () => false })).toBe(false)
    expect(await persistStorage({ persist: () => Promise.reject(new Error('denied')) })).toBe(false)
  })
})
