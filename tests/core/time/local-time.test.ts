import { describe, expect, it } from 'vitest'
import { DEFAULT_TIME_ZONE, isTimeZone, localDate, localDateTime } from '@/core/time/local-time'

describe('localDateTime', () => {
  it('writes a UTC timestamp as Beijing wall-clock time, the way the screen shows it', () => {
    expect(localDateTime('2026-12-02T11:42:38Z', 'Asia/Shanghai')).toBe('2026-12-02 19:42')
    expect(localDateTime('2026-12-02T11:42:38.123Z', DEFAULT_TIME_ZONE)).toBe('2026-12-02 19:42')
  })

  it('follows the zone it is given, including daylight saving', () => {
    expect(localDateTime('2026-12-02T11:42:38Z', 'UTC')).toBe('2026-12-02 11:42')
    expect(localDateTime('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01 08:00')
    expect(localDateTime('2026-12-01T12:00:00Z', 'America/New_York')).toBe('2026-12-01 07:00')
    expect(localDateTime('2026-12-02T11:42:38Z', 'Asia/Urumqi')).toBe('2026-12-02 17:42')
  })

  it('moves across midnight and writes 00, never 24, just after it', () => {
    expect(localDateTime('2026-12-31T16:05:00Z', 'Asia/Shanghai')).toBe('2027-01-01 00:05')
    expect(localDate('2026-12-31T16:05:00Z', 'Asia/Shanghai')).toBe('2027-01-01')
    expect(localDate('2026-12-31T15:59:00Z', 'Asia/Shanghai')).toBe('2026-12-31')
  })

  it('writes nothing for a missing or unreadable time', () => {
    expect(localDateTime(undefined, 'Asia/Shanghai')).toBe('')
    expect(localDateTime('', 'Asia/Shanghai')).toBe('')
    expect(localDateTime('yesterday', 'Asia/Shanghai')).toBe('')
  })

  it('falls back to Beijing time for a zone the runtime does not know', () => {
    expect(localDateTime('2026-12-02T11:42:38Z', 'Mars/Olympus')).toBe('2026-12-02 19:42')
  })
})

describe('isTimeZone', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })
})
