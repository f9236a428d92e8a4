/** The server's settings, from environment variables (see README, "Team server"). */
import { resolve } from 'node:path'

export interface ServerConfig {
  host: string
  port: number
  /** postgres://… or postgresql://…: a real PostgreSQL; otherwise PGlite in `dataDir`. */
  databaseUrl?: string
  dataDir: string
  /** How many reverse proxies in front may be believed about the client (0: none, the default). */
  trustProxy: number
  adminPassword?: string
}

function proxyHops(value: string | undefined): number {
  if (!value || value === '0' || value === 'false') return 0
  if (value === 'true') return 1
  const hops = Number(value)
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`TRUST_PROXY must be 1 (one reverse proxy), a number of proxies, or unset, not ${JSON.stringify(value)}`)
  return hops
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${JSON.stringify(env.PORT)}`)
  const url = env.DATABASE_URL?.trim()
  const isPostgres = !!url && /^postgres(ql)?:\/\//.test(url)
  if (url && !isPostgres) throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset for the embedded database)')
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    ...(isPostgres && { databaseUrl: url }),
    dataDir: resolve(env.QINGDAN_DATA_DIR?.trim() || 'data'),
    trustProxy: proxyHops(env.TRUST_PROXY),
    ...(env.QINGDAN_ADMIN_PASSWORD && { adminPassword: env.QINGDAN_ADMIN_PASSWORD }),
  }
}
