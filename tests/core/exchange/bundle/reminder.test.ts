import { describe, expect, it } from 'vitest'
import { BACKUP_REMINDER_DAYS, BACKUP_REMINDER_RESPONSES, backupReminder, daysSince } from '@/core/exchange/bundle'

const NOW = '2026-03-20T12:00:00.000Z'
const daysAgo = (n: number): string => new Date(Date.parse(NOW) - n * 86_400_000).toISOString()

describe('backupReminder', () => {
  it('stays quiet when there is nothing to back up', () => {
    expect(backupReminder({ notBackedUp: 0 }, NOW)).toBeNull()
    expect(backupReminder({ notBackedUp: 0, lastBackupAt: daysAgo(100) }, NOW)).toBeNull()
  })

  it('reminds a device that never made a backup', () => {
    expect(backupReminder({ notBackedUp: 1 }, NOW)).toBe('never')
  })

  it('reminds when the last backup is older than N days', () => {
    expect(backupReminder({ notBackedUp: 1, lastBackupAt: daysAgo(BACKUP_REMINDER_DAYS - 1) }, NOW)).toBeNull()
    expect(backupReminder({ notBackedUp: 1, lastBackupAt: daysAgo(BACKUP_REMINDER_DAYS + 1) }, NOW)).toBe('old')
  })

  it('reminds when M responses are not backed up, however recent the backup', () => {
    expect(backupReminder({ notBackedUp: BACKUP_REMINDER_RESPONSES - 1, lastBackupAt: daysAgo(0) }, NOW)).toBeNull()
    expect(backupReminder({ notBackedUp: BACKUP_REMINDER_RESPONSES, lastBackupAt: daysAgo(0) }, NOW)).toBe('many')
  })

  it('counts whole days since a backup', () => {
    expect(daysSince(daysAgo(3.5), NOW)).toBe(3)
  })
})
