/**
 * The compiled JSON Schemas. Compiling costs far more than validating, so each schema is
 * compiled once, on first use, and kept for the life of the module.
 *
 * Browser builds never run this file: `scripts/ajv-standalone.ts` replaces it with validation
 * code generated at build time (Ajv standalone), so the app ships no schema compiler and never
 * compiles in the browser.
 */
import Ajv2020 from 'ajv/dist/2020'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import checklistSchema from '../../../schemas/checklist.schema.json'
import cycleSchema from '../../../schemas/cycle.schema.json'
import responseSchema from '../../../schemas/response.schema.json'
import { AJV_FORMATS, AJV_OPTIONS } from './ajv-options'

let ajv: Ajv2020 | null = null
let templateValidator: ValidateFunction | null = null
let responseValidator: ValidateFunction | null = null
let cycleValidator: ValidateFunction | null = null

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020(AJV_OPTIONS)
    addFormats(ajv, [...AJV_FORMATS])
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

export function cycleSchemaValidator(): ValidateFunction {
  cycleValidator ??= instance().compile(cycleSchema)
  return cycleValidator
}
