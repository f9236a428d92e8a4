/** JSON-schema pieces shared by routes. Every object schema refuses unknown properties. */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

export const uuid = { type: 'string', pattern: UUID_PATTERN } as const

/** A name a person typed: not empty, not only spaces, not a novel. */
export const shortText = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const

export const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: uuid },
} as const

/**
 * An id of a stored record the request refers to (a scope, a register entry). Ids made by an
 * import carry any script and `:`/`/` (`floor:3号楼/3`, core's importRooms): only control
 * characters are refused.
 */
export const recordId = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '^[^\\u0000-\\u001f\\u007f]+$' }) as const

/** Text a sheet or a person supplied, stored as it is: not blank, no NUL (PostgreSQL text refuses it). */
export const cleanText = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '^[^\\u0000]*\\S[^\\u0000]*$' }) as const

/** A sign-in name: letters (any script), digits and . _ - ; no spaces, nothing that looks like markup. */
export const username = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\p{L}\\p{N}._-]+$' } as const
