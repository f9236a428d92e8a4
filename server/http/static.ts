/**
 * Serves the built app (`dist/`) so one URL is enough: files as they are, and index.html for
 * any other GET outside /api (the app's router takes it from there). Unknown /api paths get a
 * 404 in the API's error shape, never the app's HTML.
 */
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import type { ApiError } from '@/core/sync/protocol'

export async function registerStatic(app: FastifyInstance, staticDir: string | undefined): Promise<void> {
  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      // The build's hashed files never change; everything else (index.html, sw.js) is revalidated.
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header('cache-control', /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?', 1)[0]!
    const isApi = path === '/api' || path.startsWith('/api/')
    if (staticDir && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      reply.header('cache-control', 'no-cache')
      return reply.sendFile('index.html')
    }
    const body: ApiError = {
      error: { code: 'notFound', pointer: '', severity: 'error', message: { 'zh-CN': '没有这个地址。', en: 'Not found.' } },
    }
    return reply.code(404).send(body)
  })
}
