/**
 * The dorm round (查寝): after a room is submitted, the next one starts with building and floor kept
 * and the room number advanced. Pure helpers, kept out of the store so they are trivially testable.
 */

/**
 * Advances the last run of digits in a room label by one, keeping its zero padding and every
 * letter around it: "201" → "202", "A-09" → "A-10", "3F-099B" → "3F-100B". A label without a digit
 * gets "-2" appended (the second room of that name) so the next room is never the same one.
 */
export function nextRoom(room: string | number): string | number {
  if (typeof room === 'number') return Number.isInteger(room) ? room + 1 : room
  const match = /(\d+)(\D*)$/.exec(room)
  if (!match || match[1] === undefined) return room === '' ? room : `${room}-2`
  const digits = match[1]
  const tail = match[2] ?? ''
  const head = room.slice(0, room.length - digits.length - tail.length)
  // BigInt, because a room "code" may be a long digit string and Number would round it.
  const advanced = (BigInt(digits) + 1n).toString().padStart(digits.length, '0')
  return head + advanced + tail
}

/** The field ids that hold the room number, in order of preference. */
const ROOM_FIELD_IDS = ['room', 'roomNo', 'room_no', 'dorm', '房间', '房间号', '宿舍号'] as const

/**
 * The subject for the next room: every field kept, the room field advanced. Which field is the
 * room: one of the known ids, otherwise the last field (building → floor → room is the usual order).
 * Returns undefined when the subject has no field to advance.
 */
export function nextSubject(
  subject: Record<string, string | number>,
  fieldOrder: readonly string[] = Object.keys(subject),
): Record<string, string | number> | undefined {
  const known = ROOM_FIELD_IDS.find((id) => id in subject)
  const fieldId = known ?? [...fieldOrder].reverse().find((id) => id in subject)
  if (fieldId === undefined) return undefined
  const value = subject[fieldId]
  if (value === undefined) return undefined
  return { ...subject, [fieldId]: nextRoom(value) }
}
