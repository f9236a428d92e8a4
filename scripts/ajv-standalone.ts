/**
 * Build-time JSON Schema validators (Ajv standalone mode).
 *
 * `src/core/validate/ajv.ts` compiles the schemas at run time, which is right in node but, in the
 * browser, ships Ajv's compiler and costs 0.1–0.7 s on the first validation. For browser builds
 * this Vite plugin serves a generated module with the same exports in its place.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import standaloneCode from 'ajv/dist/standalone/index.js'
import addFormats from 'ajv-formats'
import type { Plugin } from 'vite'
import { AJV_FORMATS, AJV_OPTIONS } from '../src/core/validate/ajv-options.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const runtimeModule = fileURLToPath(new URL('../src/core/validate/ajv.ts', import.meta.url))
const VIRTUAL_ID = '\0qingdan-ajv-standalone'

function readSchema(name: string): object {
  return JSON.parse(readFileSync(`${root}schemas/${name}`, 'utf8')) as object
}

/**
 * ES module source exporting `templateSchemaValidator()`, `responseSchemaValidator()` and
 * `cycleSchemaValidator()`, like the runtime module. Ajv's ESM output still `require`s its small
 * runtime helpers; those calls are rewritten into imports so any ESM bundler (and node) can load
 * the result.
 */
export function standaloneValidatorsSource(): string {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } })
  addFormats(ajv, [...AJV_FORMATS])
  ajv.addSchema(readSchema('checklist.schema.json'), 'template')
  ajv.addSchema(readSchema('response.schema.json'), 'response')
  ajv.addSchema(readSchema('cycle.schema.json'), 'cycle')
  const generated = standaloneCode(ajv, { template: 'template', response: 'response', cycle: 'cycle' })

  const imports = new Map<string, string>()
  const body = generated.replace(/require\("([^"]+)"\)/g, (_match, specifier: string) => {
    let name = imports.get(specifier)
    if (!name) {
      name = `__dep${imports.size}`
      imports.set(specifier, name)
    }
    return name
  })
  // Node hands a CommonJS module over as `default`, bundlers as named exports: accept both.
  const header = [...imports]
    .map(([specifier, name]) => `import * as ${name}ns from '${specifier}.js';\nconst ${name} = __cjs(${name}ns);`)
    .join('\n')
  return `function __cjs(ns) { const d = ns.default; return d && typeof d === 'object' && d.__esModule ? d : ns }
${header}
${body.replace(/^"use strict";/, '')}
export function templateSchemaValidator() { return template }
export function responseSchemaValidator() { return response }
export function cycleSchemaValidator() { return cycle }
`
}

/** Swaps the runtime compile for the generated validators in browser builds. */
export function ajvStandalone(): Plugin {
  return {
    name: 'qingdan-ajv-standalone',
    enforce: 'pre',
    resolveId: {
      // The filter lets the bundler skip this hook for every other import.
      filter: { id: /ajv(\.ts)?$/ },
      async handler(source, importer, options) {
        if (!importer) return null
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
        return resolved?.id === runtimeModule ? VIRTUAL_ID : null
      },
    },
    load: {
      filter: { id: /^\0qingdan-ajv-standalone$/ },
      handler: (id) => (id === VIRTUAL_ID ? standaloneValidatorsSource() : null),
    },
  }
}
