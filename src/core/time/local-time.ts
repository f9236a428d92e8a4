/**
 * Wall-clock times in a named time zone, written the way people read them ("2026-12-02 19:42").
 * Stored times are UTC ISO text; every screen and every export turns them into local text here,
 * with the zone passed in (the settings' zone), so the same instant reads the same everywhere and
 * does not depend on the device's own zone. Intl is part of the language, not the DOM, so this
 * stays pure and runs in node.
 */

/** The zone used until the settings say otherwise: China has one zone and no daylight saving. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

const formatters = new Map<string, Intl.DateTimeFormat>()

/** True when the runtime knows `zone` as an IANA time zone (e.g. `Asia/Shanghai`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

// One formatter per zone: constructing one costs far more than formatting with it, and an
// export formats thousands of times.
function formatter(zone: string): Intl.DateTimeFormat {
  const known = formatters.get(zone)
  if (known) return known
  const made = new Intl.DateTimeFormat('en-US', {
    timeZone: isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    // h23, not hour12: false, which some engines render as "24:05" just after midnight.
    hourCycle: 'h23',
  })
  formatters.set(zone, made)
  return made
}

interface LocalParts {
  date: string
  time: string
}

function localParts(iso: string | undefined, zone: string): LocalParts | null {
  if (iso === undefined || iso === '') return null
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
  for (const p of formatter(zone).formatToParts(ms)) part[p.type] = p.value
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` }
}

/**
 * `YYYY-MM-DD HH:mm` of an ISO timestamp in `zone`; '' for a missing or unreadable timestamp.
 * An unknown zone falls back to DEFAULT_TIME_ZONE rather than failing an export over a setting.
 */
export function localDateTime(iso: string | undefined, zone: string): string {
  const p = localParts(iso, zone)
  return p ? `${p.date} ${p.time}` : ''
}

/** `YYYY-MM-DD` of an ISO timestamp in `zone`; '' for a missing or unreadable timestamp. */
export function localDate(iso: string | undefined, zone: string): string {
  return localParts(iso, zone)?.date ?? ''
}

/**
 * The instant (ms since the epoch) at which clocks in `zone` show `date` (`YYYY-MM-DD`) and `time`
 * (`HH:mm`): a plan's due time "each Wednesday 18:00" means 18:00 on the college's clocks. Found
 * by correcting a UTC guess by the zone's offset, twice, so a daylight-saving change between the
 * guess and the answer is followed too. A local time skipped by such a change reads as the next
 * valid one.
 */
export function zonedInstant(date: string, time: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const wanted = Date.UTC(y, m - 1, d, hh, mm)
  let guess = wanted
  for (let i = 0; i < 2; i++) {
    const shown = localParts(new Date(guess).toISOString(), zone)!
    const [sy, sm, sd] = shown.date.split('-').map(Number) as [number, number, number]
    const [sh, smin] = shown.time.split(':').map(Number) as [number, number]
    guess += wanted - Date.UTC(sy, sm - 1, sd, sh, smin)
  }
  return guess
}
