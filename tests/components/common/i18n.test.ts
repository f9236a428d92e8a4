import { describe, expect, it } from 'vitest'
import { applyLang, i18n, mergeMessages, messages, readStoredLang, useLang, type MessageTree } from '@/app/i18n'

function keys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))
}

describe('i18n messages', () => {
  it('assembles every area file of both languages', () => {
    for (const area of ['app', 'home', 'settings', 'templates', 'results']) {
      expect(messages['zh-CN']).toHaveProperty(area)
      expect(messages.en).toHaveProperty(area)
    }
  })

  it('has the same keys in Chinese and English, so no screen falls back half-translated', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort())
  })

  it('deep-merges area files that add keys under the same area', () => {
    const merged = mergeMessages({
      'b.ts': { default: { fill: { b: 'B' } } },
      'a.ts': { default: { fill: { a: 'A', nested: { x: 'X' } } } },
    })
    expect(merged).toEqual({ fill: { a: 'A', b: 'B', nested: { x: 'X' } } })
  })
})

describe('language choice', () => {
  it('reads a stored language and falls back to zh-CN for anything else', () => {
    const storage = (value: string | null) => ({ getItem: () => value })
    expect(readStoredLang(storage('en'))).toBe('en')
    expect(readStoredLang(storage('de'))).toBe('zh-CN')
    expect(readStoredLang(storage(null))).toBe('zh-CN')
    expect(readStoredLang({ getItem: () => { throw new Error('blocked') } })).toBe('zh-CN')
    expect(readStoredLang(undefined)).toBe('zh-CN')
  })

  it('exposes the current language through useLang', () => {
    const lang = useLang()
    applyLang('en')
    expect(lang.value).toBe('en')
    expect(i18n.global.t('home.start')).toBe('Start a check')
    applyLang('zh-CN')
    expect(lang.value).toBe('zh-CN')
    expect(i18n.global.t('home.start')).toBe('开始检查')
  })
})
