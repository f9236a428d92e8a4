/** Session and CSRF tokens: 32 random bytes, base64url; the database keeps only their SHA-256. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export const SESSION_DAYS = 30
export const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000
/** A session's expiry slides on use, but is written at most this often, to keep reads cheap. */
export const SESSION_TOUCH_MS = 60 * 1000

const TOKEN = /^[A-Za-z0-9_-]{43}$/

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function isWellFormedToken(value: string): boolean {
  return TOKEN.test(value)
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest()
}

/** Compares in constant time, so a wrong CSRF token does not reveal how much of it was right. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
