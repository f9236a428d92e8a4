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

  it('counts one in the singular in English, and uses no full-width punctuation there', () => {
    const { t } = i18n.global
    i18n.global.locale.value = 'en'
    try {
      expect(t('results.count', { n: 1 }, 1)).toBe('1 response')
      expect(t('results.count', { n: 3 }, 3)).toBe('3 responses')
      expect(t('builder.library.items', { n: 1 }, 1)).toBe('1 item')
      expect(t('backup.status.pending', { count: 1 }, 1)).toBe('1 response not backed up.')
      expect(t('app.labelled', { label: 'Deadline', value: '2026-12-06' })).toBe('Deadline: 2026-12-06')
      expect(keys(messages.en).map((k) => String(t(k))).filter((text) => /[（），。：；！？、「」]/.test(text))).toEqual([])
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
    // Chinese has one form: the count argument changes nothing.
    expect(t('results.count', { n: 1 }, 1)).toBe(t('results.count', { n: 1 }))
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
