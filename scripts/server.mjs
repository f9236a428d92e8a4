#!/usr/bin/env node
// `npm run server`: bundles the server (server/main.ts and the src/core it shares) into
// dist-server/main.mjs with esbuild, then runs it in this process. Plain JavaScript: running
// the sources through tsx costs about 70 MB more memory per server process.
// The app is built first when dist/ has none, so on a fresh clone `npm run server` serves it.
// `node scripts/server.mjs --build-only` only bundles (tests build once, then start many).
import { buildSync } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { existsSync, renameSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')
export const SERVER_BUNDLE = resolve(root, 'dist-server', 'main.mjs')

/** Bundles to a temporary name and renames it: processes building at once never read half a file. */
export function buildServer() {
  const tmp = `${SERVER_BUNDLE}.${process.pid}.tmp`
  buildSync({
    entryPoints: [resolve(root, 'server', 'main.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native code and WebAssembly load their own files; pg's optional native binding is absent.
    external: ['@node-rs/argon2', '@electric-sql/pglite', 'pg', 'pg-native'],
    alias: { '@': resolve(root, 'src') },
    // Bundled CommonJS dependencies call require().
    banner: { js: "import { createRequire as qingdanRequire } from 'node:module'; const require = qingdanRequire(import.meta.url);" },
    logLevel: 'warning',
  })
  renameSync(tmp, SERVER_BUNDLE)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildServer()
  if (!process.argv.includes('--build-only')) {
    if (!existsSync(resolve(root, 'dist', 'index.html'))) {
      console.log('Qingdan: building the app (dist/ has none yet)')
      const built = spawnSync(resolve(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
      if (built.status !== 0) process.exit(built.status ?? 1)
    }
    await import(pathToFileURL(SERVER_BUNDLE).href)
  }
}
