/** Keys of the `meta` table, in one place so that no two features share one by accident. */
export const DEVICE_ID_KEY = 'deviceId'
/** `id@version` of every sample ever installed: a sample the user deleted is not brought back. */
export const INSTALLED_SAMPLES_KEY = 'installedSamples'
/** ISO time of the last bundle export (the backup reminder of #7 reads it). */
export const LAST_BACKUP_KEY = 'lastBackupAt'
/** Schema v5: the device's hybrid logical clock, its last reading (sync orders edits by it). */
export const HLC_KEY = 'hlc'
/** The server's change sequence this device has pulled up to. */
export const SYNC_CURSOR_KEY = 'syncCursor'
/** The server's fingerprint of what this account may read, as of the last pull (see PullResponse.view). */
export const SYNC_VIEW_KEY = 'syncView'
/** Ids of submitted responses pulled before their template version, to score when it arrives. */
export const SYNC_UNSCORED_KEY = 'syncUnscored'
