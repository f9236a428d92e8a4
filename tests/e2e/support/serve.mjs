// A tiny static server for the production build, shared by the e2e globalSetup and
// scripts/bench.mjs. Plain node so it needs no build step and works without vite's config
// (which would pull in the PWA plugin and the dev toolchain).
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves `root` on 127.0.0.1 (port 0 = a free one) with an SPA fallback: a path without a file
 * extension that matches no file gets index.html, as any production host must be configured.
 * @param {{ root?: string, host?: string, port?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveDist({ root = resolve('dist'), host = '127.0.0.1', port = 0 } = {}) {
  const base = resolve(root)
  const index = join(base, 'index.html')
  await stat(index).catch(() => {
    throw new Error(`No production build at ${base}: run \`npm run build\` first.`)
  })

  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      const file = normalize(join(base, path))
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end()
        return
      }
      let target = file
      const info = await stat(file).catch(() => null)
      if (!info || info.isDirectory()) {
        if (info?.isDirectory() || !extname(path)) target = index
        else {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
          return
        }
      }
      const body = await readFile(target)
      res.writeHead(200, {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        // The service worker decides what is cached; the browser's HTTP cache must not interfere.
        'cache-control': 'no-cache',
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
    }
  })

  await new Promise((ok, ko) => {
    server.once('error', ko)
    server.listen(port, host, () => ok(undefined))
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://${host}:${actualPort}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.()
        server.close(() => ok(undefined))
      }),
  }
}
