/**
 * Where the server finds the files it ships with (migrations, samples, the built app). The server
 * runs both from its sources (tests, via tsx) and bundled into dist-server/ (`npm run server`),
 * so paths are found from the checkout's root, not from this file's folder.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'server', 'migrations')) && existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`Qingdan: cannot find the checkout (server/migrations) above ${from}`)
  }
}

export const ROOT = findRoot(import.meta.dirname)
export const MIGRATIONS_DIR = join(ROOT, 'server', 'migrations')
export const SAMPLES_DIR = join(ROOT, 'schemas', 'samples')
export const APP_DIR = join(ROOT, 'dist')
