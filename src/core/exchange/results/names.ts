/**
 * Names of the sheets and files one export writes. Templates are named by people, so two can
 * share a title, differ only in case, or hold characters Excel or Windows refuse; the names here
 * are always accepted and never collide (Excel compares sheet names, and Windows file names,
 * without regard to case).
 */

/** Excel caps sheet names at 31 characters. */
export const SHEET_NAME_MAX = 31
/** File stems stay short enough for a zip entry on any file system, with room for a suffix. */
export const FILE_STEM_MAX = 80

// Characters Excel refuses in a sheet name.
const SHEET_FORBIDDEN = /[\\/?*[\]:]/g
// Characters Windows refuses in a file name, control characters, and runs of white space.
const FILE_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\s]+/g
// Names Windows reserves for devices, whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i

/**
 * Appends " 2", " 3" … to a name already taken (compared without case), cutting the base so
 * the result stays within `max` characters. `taken` holds lower-cased names and is updated.
 */
export function claimUnique(base: string, taken: Set<string>, max: number, sep = ' '): string {
  let candidate = base.slice(0, max)
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = `${sep}${i}`
    candidate = `${base.slice(0, max - suffix.length).trimEnd()}${suffix}`
  }
  taken.add(candidate.toLowerCase())
  return candidate
}

/** A sheet name Excel accepts: no \ / ? * [ ] :, not blank, no quote at either end, not "History". */
export function sheetBase(name: string): string {
  const clean = name.replace(SHEET_FORBIDDEN, ' ').replace(/^'+|'+$/g, '').slice(0, SHEET_NAME_MAX).trim()
  // Excel keeps "History" for its change tracking.
  return clean === '' ? 'Sheet' : clean.toLowerCase() === 'history' ? `${clean} 1` : clean
}

/** Sheet names for the given titles, in order: each accepted by Excel, none equal to another. */
export function uniqueSheetNames(titles: readonly string[]): string[] {
  const taken = new Set<string>()
  return titles.map((t) => claimUnique(sheetBase(t), taken, SHEET_NAME_MAX))
}

/** A file stem Windows, macOS and Linux accept: no separators or reserved characters or names, no dot at either end. */
export function fileStem(text: string): string {
  const clean = text.replace(FILE_FORBIDDEN, '_').replace(/^[._]+|[._]+$/g, '').slice(0, FILE_STEM_MAX)
  if (clean === '') return 'export'
  return WINDOWS_RESERVED.test(clean) ? `${clean}_` : clean
}

/** File names `stem.ext` for the given titles, in order: each safe, none equal to another (without case). */
export function uniqueFileNames(titles: readonly string[], ext: string): string[] {
  const taken = new Set<string>()
  return titles.map((t) => `${claimUnique(fileStem(t), taken, FILE_STEM_MAX, '-')}.${ext}`)
}
