/**
 * Errors the UI shows. Storage failures themselves (QuotaExceededError …) are never wrapped or
 * swallowed here: they reach the caller as IndexedDB / Dexie raised them, keeping their `name`.
 */

/** A write to a submitted response: it is immutable; a correction is a new response. */
export class ResponseLockedError extends Error {
  override readonly name = 'ResponseLockedError'
  constructor(readonly responseId: string) {
    super(`Response ${responseId} is submitted and can no longer be changed (已提交，不可修改)`)
  }
}

/** A write to a response that does not exist (deleted in another tab, or a wrong id). */
export class ResponseNotFoundError extends Error {
  override readonly name = 'ResponseNotFoundError'
  constructor(readonly responseId: string) {
    super(`Response ${responseId} does not exist (记录不存在)`)
  }
}
