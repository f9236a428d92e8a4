import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { exampleXlsx, readCsv, readXlsx } from '@/io/rubric-file'
import { rubricTableToTemplate, RUBRIC_EXAMPLE_ROWS } from '@/core/exchange/rubric'

describe('rubric table files', () => {
  it('the shipped example CSV holds exactly the example rows and imports without errors', async () => {
    const rows = await readCsv(readFileSync('public/examples/rubric-example.csv', 'utf8'))
    expect(rows.filter((r) => r.some((c) => c !== ''))).toEqual(RUBRIC_EXAMPLE_ROWS)
    const r = rubricTableToTemplate(rows, 'example')
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(r.rows).toHaveLength(8)
  })

  it('reads merged first-level indicators of the example XLSX into every row they cover', async () => {
    const blob = await exampleXlsx()
    const rows = await readXlsx(await blob.arrayBuffer())
    expect(rows.map((r) => r[0])).toEqual(RUBRIC_EXAMPLE_ROWS.map((r) => r[0]))
    const r = rubricTableToTemplate(rows, 'example')
    expect(r.template.sections.map((s) => s.title)).toEqual(['组织建设', '党员教育', '纪律作风'])
  })
})
