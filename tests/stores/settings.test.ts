// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { INSPECTOR_MAX_LENGTH, INSPECTOR_STORAGE_KEY, TIME_ZONE_STORAGE_KEY, useSettingsStore } from '@/stores/settings'
import { LOCALE_STORAGE_KEY, i18n } from '@/app/i18n'

beforeEach(() => {
  localStorage.clear()
  i18n.global.locale.value = 'zh-CN'
  setActivePinia(createPinia())
})

describe('useSettingsStore', () => {
  it('starts in Chinese with no inspector on a fresh device', () => {
    const settings = useSettingsStore()
    expect(settings.locale).toBe('zh-CN')
    expect(settings.inspector).toBe('')
  })

  it('reads the stored language and inspector name when it is created', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en')
    localStorage.setItem(INSPECTOR_STORAGE_KEY, '李老师')
    const settings = useSettingsStore()
    expect(settings.locale).toBe('en')
    expect(settings.inspector).toBe('李老师')
  })

  it('ignores a stored language it does not know', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr')
    expect(useSettingsStore().locale).toBe('zh-CN')
  })

  it('switches the interface language, <html lang> and the stored choice together', () => {
    const settings = useSettingsStore()
    settings.setLocale('en')
    expect(settings.locale).toBe('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(i18n.global.t('app.nav.templates')).toBe('Templates')
  })

  it('stores the inspector name trimmed and capped', () => {
    const settings = useSettingsStore()
    settings.setInspector('  王老师  ')
    expect(settings.inspector).toBe('王老师')
    expect(localStorage.getItem(INSPECTOR_STORAGE_KEY)).toBe('王老师')

    settings.setInspector('名'.repeat(INSPECTOR_MAX_LENGTH + 5))
    expect(settings.inspector).toHaveLength(INSPECTOR_MAX_LENGTH)
  })

  it('forgets the inspector name when it is cleared', () => {
    const settings = useSettingsStore()
    settings.setInspector('王老师')
    settings.setInspector('   ')
    expect(settings.inspector).toBe('')
    expect(localStorage.getItem(INSPECTOR_STORAGE_KEY)).toBeNull()
  })

  it('writes times in Beijing time until another zone is chosen, and keeps the choice', () => {
    expect(useSettingsStore().timeZone).toBe('Asia/Shanghai')
    expect(useSettingsStore().setTimeZone('Asia/Urumqi')).toBe(true)
    expect(localStorage.getItem(TIME_ZONE_STORAGE_KEY)).toBe('Asia/Urumqi')
    setActivePinia(createPinia())
    expect(useSettingsStore().timeZone).toBe('Asia/Urumqi')
    // Back to the default: nothing stored.
    useSettingsStore().setTimeZone('Asia/Shanghai')
    expect(localStorage.getItem(TIME_ZONE_STORAGE_KEY)).toBeNull()
  })

  it('refuses a zone it does not know and ignores one stored by hand', () => {
    const settings = useSettingsStore()
    expect(settings.setTimeZone('Mars/Olympus')).toBe(false)
    expect(settings.timeZone).toBe('Asia/Shanghai')
    localStorage.setItem(TIME_ZONE_STORAGE_KEY, 'Mars/Olympus')
    setActivePinia(createPinia())
    expect(useSettingsStore().timeZone).toBe('Asia/Shanghai')
  })
})
