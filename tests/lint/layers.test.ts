// The layer boundaries are lint rules (.eslint.config.js); this checks that the rules bite, with
// the project's own config, on probe files that are linted as text and never written to disk.
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

const eslint = new ESLint({ overrideConfigFile: '.eslint.config.js' })

async function restricted(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length
}

const vue = (imports: string): string => `<script setup lang="ts">\n${imports}\n</script>\n\n<template>\n  <div />\n</template>\n`

describe('views and components never import storage', () => {
  const cases = [
    { name: 'the @/db barrel in a view', file: 'src/views/Probe.vue', code: vue("import { getDb } from '@/db'\nvoid getDb"), expected: 1 },
    { name: 'a repository module in a component', file: 'src/components/results/Probe.vue', code: vue("import { listTasks } from '@/db/repositories/tasks'\nvoid listTasks"), expected: 1 },
    { name: 'a row type in a component', file: 'src/components/tasks/Probe.vue', code: vue("import type { TaskRow } from '@/db/rows'\nconst x: TaskRow | null = null\nvoid x"), expected: 1 },
    { name: 'dexie in a view', file: 'src/views/Probe.vue', code: vue("import Dexie from 'dexie'\nvoid Dexie"), expected: 1 },
    { name: 'a relative path into src/db from a component helper', file: 'src/components/results/probe.ts', code: "import { getDb } from '../../db/singleton'\nvoid getDb\n", expected: 1 },
    { name: 'a store in a view (allowed)', file: 'src/views/Probe.vue', code: vue("import { useTasksStore } from '@/stores/tasks'\nvoid useTasksStore"), expected: 0 },
    { name: 'the @/db barrel in a store (allowed)', file: 'src/stores/probe.ts', code: "import { getDb } from '@/db'\nvoid getDb\n", expected: 0 },
  ]
  it.each(cases)('$name → $expected error(s)', async ({ file, code, expected }) => {
    expect(await restricted(file, code)).toBe(expected)
  }, 60_000)
})

describe('the core stays pure', () => {
  it('refuses storage and Vue in src/core', async () => {
    expect(await restricted('src/core/probe.ts', "import { getDb } from '@/db/singleton'\nimport { ref } from 'vue'\nvoid getDb\nvoid ref\n")).toBe(2)
  }, 60_000)
})

it('the real views and components pass the rule', async () => {
  const results = await eslint.lintFiles(['src/views', 'src/components'])
  const offending = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line}`))
  expect(offending).toEqual([])
}, 120_000)
