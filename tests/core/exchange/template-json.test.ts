import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { readTemplateJson, templateFileName, writeTemplateJson } from '@/core/exchange/template-json'

const sample = readFileSync('schemas/samples/dorm-room-safety.json', 'utf8')

describe('template JSON files', () => {
  it('reads a shipped sample and writes it back to the same template', () => {
    const r = readTemplateJson(sample)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const again = readTemplateJson(writeTemplateJson(r.value))
    expect(again.ok && again.value).toEqual({ ...r.value, $schema: 'https://qingdan.app/schemas/checklist.schema.json' })
  })

  it('reports a syntax error with its line and column', () => {
    const r = readTemplateJson('{\n  "id": "x",\n  oops\n}')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues[0]?.code).toBe('json.parse')
    expect(r.issues[0]?.params).toMatchObject({ line: 3 })
  })

  it('places a cut-off file at its end, where the text stops', () => {
    const r = readTemplateJson('{\n  "id": "cut",\n  "title": ')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues[0]?.params).toEqual({ line: 3, column: 12 })
    expect(r.issues[0]?.message['zh-CN']).toContain('第 3 行第 12 列')
  })

  it('reports schema problems with a pointer to where they are', () => {
    const r = readTemplateJson(JSON.stringify({ id: 'x', version: 1, title: 'x', sections: [{ id: 's', title: 's', items: [{ id: 'q', type: 'single', title: 'q' }] }] }))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.some((i) => i.pointer.startsWith('/sections/0/items/0'))).toBe(true)
  })

  it('accepts a file that starts with a byte-order mark', () => {
    expect(readTemplateJson('\uFEFF' + sample).ok).toBe(true)
  })

  it('names the file by id and version', () => {
    expect(templateFileName({ id: 'dorm/room', version: 3 })).toBe('dorm_room-v3.json')
  })
})
