import type { Options } from 'ajv'

/**
 * One source for how the schemas are compiled, shared by the runtime compile (node: tests, CLI)
 * and the build-time standalone code the browser loads (scripts/ajv-standalone.ts), so both
 * accept and reject exactly the same documents.
 *
 * allErrors: an author fixing a file wants every problem at once, not one per run.
 * strict: a typo in our own schema fails loudly in the tests instead of being ignored
 * (strictRequired off: `required` may name properties declared in an allOf branch).
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
} as const satisfies Options

/** The `format`s the schemas use; only these are added, to keep the generated code small. */
export const AJV_FORMATS = ['date', 'date-time'] as const
