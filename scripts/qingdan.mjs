#!/usr/bin/env node
// Launcher for the `qingdan` CLI. It runs the TypeScript sources directly through tsx's API, so
// `npx qingdan …` works right after `npm ci`, with no build step. The project's tsconfig is passed
// explicitly because the `@/` alias must resolve whatever the caller's working directory is.
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'

const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url))
const { main, processIo } = await tsImport('../src/cli/main.ts', { parentURL: import.meta.url, tsconfig })
process.exitCode = await main(process.argv.slice(2), processIo())
