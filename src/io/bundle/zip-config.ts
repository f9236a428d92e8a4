/**
 * zip.js set up once for bundles: no web workers (the app's CSP-free static build and node tests
 * run the same code path; compression uses the platform's native CompressionStream anyway).
 */
import { configure } from '@zip.js/zip.js'

let configured = false

export function configureZip(): void {
  if (configured) return
  configure({ useWebWorkers: false })
  configured = true
}
