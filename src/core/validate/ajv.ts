/**
 * The compiled JSON Schemas. Compiling costs far more than validating, so each schema is
 * compiled once, on first use, and kept for the life of the module.
 */
import Ajv2020 from 'ajv/dist/2020'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import checklistSchema from '../../../schemas/checklist.schema.json'
import responseSchema from '../../../schemas/response.schema.json'

let ajv: Ajv2020 | null = null
let templateValidator: ValidateFunction | null = null
let responseValidator: ValidateFunction | null = null

function instance(): Ajv2020 {
  if (!ajv) {
    // allErrors: an author fixing a file wants every problem at once, not one per run.
    // strict: a typo in our own schema fails loudly in the tests instead of being ignored
    // (strictRequired off: `required` may name properties declared in an allOf branch).
    ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true })
    addFormats(ajv, ['date', 'date-time'])
  }
  return ajv
}

export function templateSchemaValidator(): ValidateFunction {
  templateValidator ??= instance().compile(checklistSchema)
  return templateValidator
}

export function responseSchemaValidator(): ValidateFunction {
  responseValidator ??= instance().compile(responseSchema)
  return responseValidator
}
