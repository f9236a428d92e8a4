/**
 * The `qingdan` CLI: exit codes and what a person reads on the terminal. The launcher is run for
 * real (`node scripts/qingdan.mjs …` in a child process, as `npx qingdan` would after `npm ci`);
 * the commands themselves run in this process through the same `main`, with the terminal captured,
 * since each child process spends a second or more loading the TypeScript sources.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { main, type CliIo } from '@/cli/main'
import { redFlagFixture } from '../core/cycles/builders'

const root = fileURLToPath(new URL('../../', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'qingdan-cli-'))

interface Run {
  code: number
  stdout: string
  stderr: string
}

// LANG is cleared so the default language is the documented zh-CN, whatever the machine says.
const cliEnv = (env: Record<string, string>): Record<string, string | undefined> => ({ ...process.env, LANG: '', ...env })

/** The CLI as `npx qingdan` runs it: the launcher script in a child process. */
function qingdanProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/qingdan.mjs', ...args], { cwd: root, env: cliEnv(env), timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** The same `main` the launcher calls, in this process, its terminal lines captured as the streams would carry them. */
async function qingdan(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { out: (line) => void (stdout += `${line}\n`), err: (line) => void (stderr += `${line}\n`), env: cliEnv(env) }
  const code = await main(args, io)
  return { code, stdout, stderr }
}

function scratchFile(name: string, text: string): string {
  const path = join(scratch, name)
  writeFileSync(path, text)
  return path
}

const samples = readdirSync(join(root, 'schemas/samples')).filter((f) => f.endsWith('.json')).map((f) => `schemas/samples/${f}`)
const DORM = 'schemas/samples/dorm-room-safety.json'
const WINTER = 'tests/fixtures/dorm-room-safety/winter-findings.json'
const RED_FLAG = 'schemas/samples/red-flag-party-branch.json'

describe('qingdan launcher', { timeout: 60_000 }, () => {
  it('is an executable node script', () => {
    expect(statSync(join(root, 'scripts/qingdan.mjs')).mode & 0o111).not.toBe(0)
  })

  it('runs the CLI from the sources: a valid file with exit 0, a problem with exit 1, a usage error on stderr with exit 2', async () => {
    const ok = await qingdanProcess(['validate', DORM])
    expect(ok).toMatchObject({ code: 0, stderr: '' })
    expect(ok.stdout).toContain('模板有效')
    const bad = await qingdanProcess(['validate', scratchFile('launcher-other.json', '{"hello": 1}'), '--lang', 'en'])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('launcher-other.json')
    const usage = await qingdanProcess(['frobnicate'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('frobnicate')
  })
})

describe('qingdan validate', { timeout: 60_000 }, () => {
  it('accepts every shipped sample with exit 0', async () => {
    const r = await qingdan(['validate', ...samples])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`${samples.length} 个文件全部有效`)
    expect(r.stdout).toContain('schemas/samples/red-flag-party-branch.json: 模板有效（red-flag-party-branch 第 1 版）')
  })

  it('checks responses against a template given in the same command, and in English on request', async () => {
    const r = await qingdan(['validate', WINTER, DORM, '--lang', 'en'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`${WINTER}: valid response (template dorm-room-safety version 1)`)
  })

  it('takes English from LANG when no --lang is given', async () => {
    const r = await qingdan(['validate', DORM], { LANG: 'en_US.UTF-8' })
    expect(r.stdout).toContain('valid template (dorm-room-safety version 1)')
  })

  it('says when a response alone was only checked for its format', async () => {
    const r = await qingdan(['validate', WINTER])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('未按模板校验答案')
  })

  it('prints each problem as file:pointer: message and exits 1', async () => {
    const broken = scratchFile('broken-template.json', JSON.stringify({
      id: 'broken', version: 1, title: '坏模板',
      sections: [{ id: 's', title: 's', items: [{ id: 'q', type: 'count', title: 'q', deductEach: 'two' }] }],
    }))
    const r = await qingdan(['validate', broken, DORM])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:/sections/0/items/0[^:]*: \\S`))
    expect(r.stdout).toContain('1/2 个文件无效')
  })

  it('rejects an answer that does not fit its item when the template is given with --template', async () => {
    const bad = scratchFile('bad-answer.json', JSON.stringify({
      templateId: 'dorm-room-safety', templateVersion: 1, answers: { 'power-strip': { value: 'many' } },
    }))
    const r = await qingdan(['validate', '--template', DORM, bad])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`${bad}:/answers/power-strip`)
  })

  it('judges catastrophic-backtracking patterns on long text at once (RE2), in a template and in a response', async () => {
    // Each pattern took seconds to minutes on 41+ characters with a backtracking engine; the child's
    // 60 s timeout would end such a run with no exit code.
    const patterns = ['(a|a)*', '(a|aa)*', 'a*a*a*a*a*a*', '(a+){8}']
    const long = 'a'.repeat(41) + '!'
    const template = scratchFile('redos-template.json', JSON.stringify({
      id: 'redos', version: 1, title: '正则',
      sections: [{ id: 's', title: 's', items: patterns.map((pattern, i) => ({ id: `t${i}`, type: 'text', title: `t${i}`, pattern, default: long })) }],
    }))
    const r = await qingdan(['validate', template])
    expect(r.code).toBe(1)
    for (let i = 0; i < patterns.length; i++) expect(r.stdout).toContain(`${template}:/sections/0/items/${i}/default`)
    const fitting = scratchFile('redos-fitting.json', JSON.stringify({
      id: 'redos', version: 1, title: '正则',
      sections: [{ id: 's', title: 's', items: patterns.map((pattern, i) => ({ id: `t${i}`, type: 'text', title: `t${i}`, pattern })) }],
    }))
    const response = scratchFile('redos-response.json', JSON.stringify({
      templateId: 'redos', templateVersion: 1, answers: Object.fromEntries(patterns.map((_p, i) => [`t${i}`, { value: 'a'.repeat(999) + '!' }])),
    }))
    const checked = await qingdan(['validate', '--template', fitting, response])
    expect(checked.code).toBe(1)
    for (let i = 0; i < patterns.length; i++) expect(checked.stdout).toContain(`${response}:/answers/t${i}/value`)
  })

  it('names a response that belongs to another template', async () => {
    const r = await qingdan(['validate', '--template', 'schemas/samples/floor-common-area.json', WINTER])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('该填报记录属于模板 dorm-room-safety 第 1 版，而给出的模板是 floor-common-area 第 1 版')
  })

  it('gives the line and column of a JSON syntax error', async () => {
    const file = scratchFile('syntax.json', '{\n  "id": "x",\n  "sections": [1, 2,]\n}\n')
    const r = await qingdan(['validate', file])
    expect(r.code).toBe(1)
    // `  "sections": [1, 2,]` — the stray `]` is the 21st character of line 3
    expect(r.stdout).toContain(`${file}:3:21: 不是有效的 JSON`)
  })

  it('rejects a document that is neither a template nor a response', async () => {
    const r = await qingdan(['validate', scratchFile('other.json', '{"hello": 1}')])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('既不是模板')
  })

  it('exits 2 naming a missing file, and refuses files over 5 MB without reading them', async () => {
    const missing = await qingdan(['validate', join(scratch, 'nope.json')])
    expect(missing.code).toBe(2)
    expect(missing.stdout).toContain('nope.json：文件不存在')
    const big = scratchFile('big.json', `{"answers": {}, "pad": "${'x'.repeat(5 * 1024 * 1024)}"}`)
    const r = await qingdan(['validate', big, '--lang=en'])
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('file too large (5.0 MB); the limit is 5 MB')
  })
})

describe('qingdan score', { timeout: 60_000 }, () => {
  it('prints the score result as JSON with exit 0', async () => {
    const r = await qingdan(['score', DORM, WINTER])
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout) as { total: number; max: number; band: { label: string }; findings: unknown[] }
    // Hand-checked in tests/core/samples-dorm.test.ts: 24 + 24 + 31.5 + 7 = 86.5 / 100 → 良好.
    expect(result).toMatchObject({ total: 86.5, max: 100, band: { label: '良好' } })
    expect(result.findings).toHaveLength(6)
  })

  it('refuses, in the chosen language, a response to another template', async () => {
    const r = await qingdan(['score', 'schemas/samples/floor-common-area.json', WINTER, '--lang', 'en'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('belongs to template dorm-room-safety version 1, but the template given is floor-common-area version 1')
  })

  it('refuses another version of the right template', async () => {
    const v2 = scratchFile('v2.json', JSON.stringify({ templateId: 'dorm-room-safety', templateVersion: 2, answers: {} }))
    const r = await qingdan(['score', DORM, v2])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('dorm-room-safety 第 2 版')
  })

  it('refuses an invalid response and says why', async () => {
    const bad = scratchFile('bad-score.json', JSON.stringify({
      templateId: 'dorm-room-safety', templateVersion: 1, answers: { 'no-such-item': { value: 1 } },
    }))
    const r = await qingdan(['score', DORM, bad])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${bad}:/answers/no-such-item`)
    expect(r.stderr).toContain('填报记录无效，未评分')
  })

  it('treats wrong arguments as a usage error with exit 2', async () => {
    const r = await qingdan(['score', DORM])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('score 需要两个文件')
    expect(r.stderr).toContain('用法')
  })
})

describe('qingdan cycle', { timeout: 60_000 }, () => {
  const MINI = 'tests/fixtures/cycles/mini'
  /** The mini fixture's responses, one file each, as a person would pass them. */
  function miniResponses(): string[] {
    const all = JSON.parse(readFileSync(join(root, MINI, 'responses.json'), 'utf8')) as unknown[]
    return all.map((r, i) => scratchFile(`mini-${String(i).padStart(2, '0')}.json`, JSON.stringify(r)))
  }

  it('prints the league table as JSON with exit 0, and names the left-out responses by file and pointer', async () => {
    const files = miniResponses()
    const r = await qingdan(['cycle', `${MINI}/cycle.json`, `${MINI}/template.json`, ...files])
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout) as { cycle: string; subjects: Array<{ key: { unit: string }; total: number; band: string; rank: number; quotaTie: boolean }> }
    // Hand-checked in tests/core/cycles/fixtures.test.ts: medians 95, 95, 92.38, 99 (vetoed); 1 place of 优秀, tied.
    expect(result.cycle).toBe('mini-2026')
    expect(result.subjects.map((s) => [s.key.unit, s.total, s.band, s.rank, s.quotaTie])).toEqual([
      ['S1', 95, '优秀', 1, true], ['S2', 95, '优秀', 1, true], ['S3', 92.38, '合格', 3, false], ['S4', 99, '不合格', 4, false],
    ])
    expect(r.stderr).toContain(`${files[4]}:/status: 该记录尚未提交（草稿），不计入。`)
    expect(r.stderr).toContain(`${files[15]}:/role: `)
    expect(r.stderr).toContain(`${files[1]}:/submittedAt: 评审人“a”对同一对象提交了多次`)
  })

  it('combines the red-flag panel fixture in English on request', async () => {
    const files = redFlagFixture().responses.map((response, i) => scratchFile(`red-${i}.json`, JSON.stringify(response)))
    const r = await qingdan(['cycle', 'tests/fixtures/cycles/red-flag-panel/cycle.json', RED_FLAG, ...files, '--lang', 'en'])
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout) as { subjects: Array<{ key: { branch: string }; total: number; band: string; rank: number }> }
    // Hand-checked in tests/core/cycles/fixtures.test.ts.
    expect(result.subjects.map((s) => [s.key.branch, s.total, s.band, s.rank])).toEqual([
      ['一支部', 98.22, '红旗党支部', 1], ['三支部', 97.58, '优秀', 2], ['四支部', 97.05, '优秀', 3], ['二支部', 97.33, '优秀', 4], ['五支部', 55.6, '不合格', 5],
    ])
  })

  it('refuses an invalid cycle with file:pointer messages and exit 1', async () => {
    const bad = scratchFile('bad-cycle.json', JSON.stringify({ id: 'c', title: 'C', template: { id: 'mini-panel', version: 1 }, subjectKey: ['unit'], panel: { aggregate: 'average' } }))
    const r = await qingdan(['cycle', bad, `${MINI}/template.json`, ...miniResponses().slice(0, 1)])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`${bad}:/panel/aggregate: `)
    expect(r.stderr).toContain('评审周期文件无效，未合分')
  })

  it('refuses a cycle that does not fit the template, and a template given in the cycle’s place', async () => {
    const mismatch = await qingdan(['cycle', 'tests/fixtures/cycles/red-flag-panel/cycle.json', `${MINI}/template.json`, ...miniResponses().slice(0, 1), '--lang', 'en'])
    expect(mismatch.code).toBe(1)
    expect(mismatch.stderr).toContain('tests/fixtures/cycles/red-flag-panel/cycle.json:/template/id: The cycle uses template red-flag-party-branch@1, but the template given is mini-panel@1.')
    const swapped = await qingdan(['cycle', `${MINI}/template.json`, `${MINI}/cycle.json`, ...miniResponses().slice(0, 1)])
    expect(swapped.code).toBe(1)
    expect(swapped.stderr).toContain(`${MINI}/template.json: 不是评审周期文件`)
  })

  it('checks every response before combining any, and names each bad one', async () => {
    const [first = ''] = miniResponses()
    const wrong = scratchFile('cycle-wrong.json', JSON.stringify({ templateId: 'mini-panel', templateVersion: 2, answers: {} }))
    const bad = scratchFile('cycle-bad.json', JSON.stringify({ templateId: 'mini-panel', templateVersion: 1, answers: { x: { value: 'lots' } } }))
    const r = await qingdan(['cycle', `${MINI}/cycle.json`, `${MINI}/template.json`, wrong, first, bad])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`${wrong}: 该填报记录属于模板 mini-panel 第 2 版`)
    expect(r.stderr).toContain(`${bad}:/answers/x`)
  })

  it('treats too few files as a usage error, and a missing response as an unreadable file (exit 2)', async () => {
    const few = await qingdan(['cycle', `${MINI}/cycle.json`, `${MINI}/template.json`])
    expect(few.code).toBe(2)
    expect(few.stderr).toContain('cycle 需要周期文件、模板文件和至少一个填报文件')
    const missing = await qingdan(['cycle', `${MINI}/cycle.json`, `${MINI}/template.json`, join(scratch, 'none.json')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('none.json：文件不存在')
  })
})

describe('qingdan usage', { timeout: 60_000 }, () => {
  it('prints help with exit 0', async () => {
    const r = await qingdan(['--help', '--lang', 'en'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('qingdan validate FILE...')
  })

  it('exits 2 on an unknown command or option, or an unsupported language', async () => {
    expect((await qingdan(['frobnicate'])).code).toBe(2)
    const option = await qingdan(['validate', DORM, '--fast'])
    expect(option.code).toBe(2)
    expect(option.stderr).toContain('未知选项“--fast”')
    const lang = await qingdan(['validate', DORM, '--lang', 'fr'])
    expect(lang.code).toBe(2)
    expect(lang.stderr).toContain('不支持的语言“fr”')
  })
})
