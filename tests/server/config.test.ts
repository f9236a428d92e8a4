import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config'

describe('the server settings', () => {
  it('defaults to 127.0.0.1:8787 with PGlite in ./data and no proxy', () => {
    expect(readConfig({})).toEqual({ host: '127.0.0.1', port: 8787, dataDir: resolve('data'), trustProxy: 0 })
  })

  it('reads every variable', () => {
    const config = readConfig({
      HOST: '0.0.0.0',
      PORT: '9000',
      DATABASE_URL: 'postgresql://u:p@db/qingdan',
      QINGDAN_DATA_DIR: '/srv/q',
      TRUST_PROXY: '1',
      QINGDAN_ADMIN_PASSWORD: 'secret password',
    })
    expect(config).toEqual({ host: '0.0.0.0', port: 9000, databaseUrl: 'postgresql://u:p@db/qingdan', dataDir: '/srv/q', trustProxy: 1, adminPassword: 'secret password' })
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(readConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(0)
  })

  it('refuses settings it cannot honour instead of guessing', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/)
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/)
    expect(() => readConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/)
  })
})
