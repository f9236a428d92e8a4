/** When the home screen reminds people to make a backup (a browser's storage can be cleared). */

/** Remind when the last backup is older than this many days… */
export const BACKUP_REMINDER_DAYS = 7
/** …or when this many responses were created or changed since. */
export const BACKUP_REMINDER_RESPONSES = 20

export interface BackupState {
  lastBackupAt?: string
  notBackedUp: number
}

export type ReminderReason = 'never' | 'old' | 'many'

export interface ReminderOptions {
  days?: number
  responses?: number
}

/**
 * Why to remind, or null. Nothing to back up → no reminder, even on a device never backed up.
 * @param now ISO time.
 */
export function backupReminder(state: BackupState, now: string, options: ReminderOptions = {}): ReminderReason | null {
  const { days = BACKUP_REMINDER_DAYS, responses = BACKUP_REMINDER_RESPONSES } = options
  if (state.notBackedUp === 0) return null
  if (state.lastBackupAt === undefined) return 'never'
  if (Date.parse(now) - Date.parse(state.lastBackupAt) > days * 86_400_000) return 'old'
  if (state.notBackedUp >= responses) return 'many'
  return null
}

/** Whole days since the last backup (for "上次备份：3 天前"). */
export function daysSince(iso: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(iso)) / 86_400_000))
}
