/**
 * `npm run server`: opens (and migrates) the database, makes sure there is an admin, serves the
 * API and the built app, and stops cleanly on SIGTERM or SIGINT.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from './app'
import { readConfig } from './config'
import { openDatabase } from './db/open'
import { ensureFirstAdmin, FIRST_ADMIN } from './auth/first-admin'
import { MIN_PASSWORD_LENGTH } from './auth/passwords'
import { defaultPlugins } from './plugins'
import { APP_DIR } from './paths'
import { installShippedSamples, readShippedSamples } from './sync/samples'

const config = readConfig()
if (config.adminPassword !== undefined && config.adminPassword.length < MIN_PASSWORD_LENGTH) {
  console.error(`QINGDAN_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters.`)
  process.exit(1)
}
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true })
const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir })

// Sign-in failures older than a day count for nothing (the window is 15 minutes).
await db.query("delete from login_failures where at < now() - interval '1 day'")

await installShippedSamples(db, await readShippedSamples())

const admin = await ensureFirstAdmin(db, config.adminPassword)
if (admin.created && admin.generated) {
  console.log(
    [
      '',
      '==================== Qingdan: first start ====================',
      `Created the administrator account "${FIRST_ADMIN}".`,
      `  username: ${FIRST_ADMIN}`,
      `  one-time password: ${admin.password}`,
      'It is shown only this once: sign in and change it on the admin page.',
      '===============================================================',
      '',
    ].join('\n'),
  )
} else if (admin.created) {
  console.log(`Qingdan: created the administrator "${FIRST_ADMIN}" with the password from QINGDAN_ADMIN_PASSWORD.`)
}

const staticDir = APP_DIR
const hasApp = existsSync(join(staticDir, 'index.html'))
if (!hasApp) console.warn('Qingdan: dist/ not found, so only the API is served. Run `npm run build` to serve the app too.')

const app = await buildApp({ db, logger: true, trustProxy: config.trustProxy, plugins: defaultPlugins, ...(hasApp && { staticDir }) })

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  app.log.info(`${signal}: stopping`)
  // A stuck connection must not keep the process alive forever.
  const force = setTimeout(() => process.exit(1), 10_000)
  force.unref()
  try {
    await app.close()
    await db.close()
    process.exit(0)
  } catch (error) {
    console.error(error)
    process.exit(1)
  }
}
process.once('SIGTERM', () => void stop('SIGTERM'))
process.once('SIGINT', () => void stop('SIGINT'))

try {
  await app.listen({ host: config.host, port: config.port })
} catch (error) {
  console.error(error)
  await db.close()
  process.exit(1)
}
const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : config.port
console.log(`Qingdan server: http://${config.host}:${port} (database: ${where})`)
