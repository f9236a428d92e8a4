// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'

// The production form of app/messages.ts: only zh-CN at hand, English fetched on demand.
const fetchEnglish = vi.hoisted(() => {
  let release: () => void = () => undefined
  const gate = new Promise<void>((done) => (release = done))
  return { gate, release: () => release() }
})
vi.mock('@/app/messages', () => ({
  messages: { 'zh-CN': { app: { hello: '你好' } } },
  loadMessages: vi.fn(async (lang: string) => {
    if (lang !== 'en') throw new Error(`unexpected ${lang}`)
    await fetchEnglish.gate
    return { app: { hello: 'Hello' } }
  }),
}))

const { applyLang, ensureLangLoaded, i18n } = await import('@/app/i18n')
const { loadMessages } = await import('@/app/messages')

describe('languages loaded on demand (production builds)', () => {
  it('keeps the current language until the new one has arrived, then switches once', async () => {
    applyLang('zh-CN')
    applyLang('en')
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(i18n.global.t('app.hello')).toBe('你好')
    fetchEnglish.release()
    await ensureLangLoaded('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(i18n.global.t('app.hello')).toBe('Hello')
    await ensureLangLoaded('en')
    expect(loadMessages).toHaveBeenCalledTimes(1)
    applyLang('zh-CN')
    expect(i18n.global.locale.value).toBe('zh-CN')
  })
})
