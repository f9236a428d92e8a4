/**
 * What a room's QR label encodes, and reading a scanned code back. A label is a plain address of
 * this app (`<app>/s/<subject id>`), so any phone camera opens the room's inspection too; a
 * scanned text is trusted only when it is exactly that shape under this app's own address, so a
 * code from elsewhere (another site, `javascript:`, a long payload) is refused, never navigated to.
 */
import { fail, ok, type Issue, type Result } from '../result'
import { SUBJECT_KINDS } from './types'
import type { Template } from '../format/types'

/** The path segment before the subject id; a route of the app (`/s/:subjectId`). */
export const SCAN_SEGMENT = 's'
/** Longer texts are refused before any parsing: no real label comes near it. */
export const MAX_SCAN_TEXT = 1024
/** A subject id longer than this is not one the register makes. */
export const MAX_SUBJECT_ID = 200

// encodeURIComponent's output alphabet: a label's last segment has nothing else.
const ENCODED_SEGMENT = /^[A-Za-z0-9\-_.!~*'()%]+$/
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

const issue = (code: string, zh: string, en: string): Issue => ({ code, pointer: '', severity: 'error', message: { 'zh-CN': zh, en } })
const notOurs = (): Issue => issue('scan.foreign', '这不是本系统的房间二维码', 'This is not a Qingdan room label')

/** The app's address without a trailing slash (`https://x.edu`, `https://x.edu/qingdan`), or null when it is not http(s). */
function appBase(origin: string): string | null {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (url.username || url.password || url.search || url.hash) return null
  return url.origin + url.pathname.replace(/\/+$/, '')
}

/** Whether a text is a subject id the register can make: `room:…`, `branch:…`, `teacher:…`, printable, bounded. */
export function isSubjectId(id: string): boolean {
  if (id.length === 0 || id.length > MAX_SUBJECT_ID || CONTROL.test(id)) return false
  const colon = id.indexOf(':')
  return colon > 0 && colon < id.length - 1 && (SUBJECT_KINDS as readonly string[]).includes(id.slice(0, colon))
}

/** The address a subject's label encodes: `<app>/s/<encodeURIComponent(id)>`. */
export function labelUrl(subjectId: string, origin: string): string {
  const base = appBase(origin) ?? origin.replace(/\/+$/, '')
  return `${base}/${SCAN_SEGMENT}/${encodeURIComponent(subjectId)}`
}

/**
 * The subject id in a scanned text, when the text is a label of this app (`origin`: the app's
 * address, as `labelUrl` was given it). Compared as text, not only as a parsed URL, so user info
 * (`https://evil@x`), other ports, query strings, fragments, backslashes and extra path segments
 * are all refused rather than normalised into something that looks like ours.
 */
export function subjectIdFromScan(text: string, origin: string): Result<string> {
  if (text.length > MAX_SCAN_TEXT) return fail([issue('scan.tooLong', '二维码内容过长，不是房间二维码', 'The code is too long to be a room label')])
  const base = appBase(origin)
  if (base === null) return fail([issue('scan.badOrigin', '本应用的地址无效', 'The app address is not valid')])
  const prefix = `${base}/${SCAN_SEGMENT}/`
  const scanned = text.trim()
  if (!scanned.startsWith(prefix)) return fail([notOurs()])
  const segment = scanned.slice(prefix.length)
  if (!ENCODED_SEGMENT.test(segment)) return fail([notOurs()])
  // The parsed address must agree with the text: same origin, nothing the parser re-read.
  let parsed: URL
  try {
    parsed = new URL(scanned)
  } catch {
    return fail([notOurs()])
  }
  if (parsed.origin + parsed.pathname !== scanned || parsed.origin !== new URL(base).origin) return fail([notOurs()])
  let id: string
  try {
    id = decodeURIComponent(segment)
  } catch {
    return fail([notOurs()])
  }
  return isSubjectId(id) ? ok(id) : fail([issue('scan.badSubject', '二维码中的房间编号无效', 'The label names no valid room')])
}

/**
 * What a label says when the register is not at hand: `room:3号楼/301` → `3号楼 301` (as the
 * register labels rooms), any other kind → the part after the colon.
 */
export function labelFromSubjectId(id: string): string {
  const colon = id.indexOf(':')
  const rest = colon < 0 ? id : id.slice(colon + 1)
  if (id.startsWith('room:')) {
    const slash = rest.lastIndexOf('/')
    if (slash > 0) return `${rest.slice(0, slash)} ${rest.slice(slash + 1)}`
  }
  return rest
}

/** Whether a template's subject is a room: its subject fields include building and room (the dorm sample's ids). */
export function takesRoom(template: Pick<Template, 'subject'>): boolean {
  const ids = new Set((template.subject?.fields ?? []).map((f) => f.id))
  return ids.has('building') && ids.has('room')
}
