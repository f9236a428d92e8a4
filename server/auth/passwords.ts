/** Password hashing: argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum). */
import { hash, verify, type Algorithm } from '@node-rs/argon2'

// `Algorithm` is a const enum, which isolatedModules cannot inline: its value, checked by a test.
const ARGON2ID = 2 as Algorithm.Argon2id

export const MIN_PASSWORD_LENGTH = 8
/** Longer passwords are refused before hashing, so a huge body cannot buy a long hash. */
export const MAX_PASSWORD_LENGTH = 1024

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    // A malformed stored hash signs no one in.
    return false
  }
}

let dummy: Promise<string> | undefined
/**
 * Verifies against a throwaway hash, so a sign-in for an unknown or disabled user takes as long
 * as one with a wrong password: the timing does not tell which usernames exist.
 */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword(crypto.randomUUID())
  await verifyPassword(await dummy, password)
  return false
}
