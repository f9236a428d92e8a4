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
