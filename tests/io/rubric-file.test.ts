import { describe, expect, it } from 'vitest'
import { decodeText } from '@/io/text-decode'
import { readRubricFile } from '@/io/rubric-file'
import { rubricTableToTemplate } from '@/core/exchange/rubric'

/**
 * GB18030 bytes of a few words, as Excel on Chinese Windows saves a CSV (taken from Python's
 * gb18030 codec, an encoding table independent of the TextDecoder under test).
 */
const GB = {
  一级指标: [0xd2, 0xbb, 0xbc, 0xb6, 0xd6, 0xb8, 0xb1, 0xea],
  考核内容: [0xbf, 0xbc, 0xba, 0xcb, 0xc4, 0xda, 0xc8, 0xdd],
  分值: [0xb7, 0xd6, 0xd6, 0xb5],
  评分标准: [0xc6, 0xc0, 0xb7, 0xd6, 0xb1, 0xea, 0xd7, 0xbc],
  消防器材: [0xcf, 0xfb, 0xb7, 0xc0, 0xc6, 0xf7, 0xb2, 0xc4],
  灭火器过期一具扣1分: [0xc3, 0xf0, 0xbb, 0xf0, 0xc6, 0xf7, 0xb9, 0xfd, 0xc6, 0xda, 0xd2, 0xbb, 0xbe, 0xdf, 0xbf, 0xdb, 0x31, 0xb7, 0xd6],
  按时上党课: [0xb0, 0xb4, 0xca, 0xb1, 0xc9, 0xcf, 0xb5, 0xb3, 0xbf, 0xce],
} as const

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))

/** A CSV in GB18030: cells joined by commas, rows by CRLF. */
const gbCsv = (rows: ReadonlyArray<ReadonlyArray<readonly number[] | string>>): Uint8Array<ArrayBuffer> =>
  new Uint8Array(rows.flatMap((row) => [...row.flatMap((cell, i) => [...(i > 0 ? [0x2c] : []), ...(typeof cell === 'string' ? ascii(cell) : cell)]), 0x0d, 0x0a]))

const GB_TABLE = gbCsv([
  [GB.一级指标, GB.考核内容, GB.分值, GB.评分标准],
  [GB.消防器材, GB.按时上党课, '5', GB.灭火器过期一具扣1分],
])

describe('decoding a text file of unknown encoding', () => {
  it.each([
    ['UTF-8 with a BOM, the BOM stripped', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('分值,a')]), '分值,a', 'utf-8'],
    ['UTF-8 without a BOM', new TextEncoder().encode('考核内容'), '考核内容', 'utf-8'],
    ['plain ASCII', new TextEncoder().encode('item,max'), 'item,max', 'utf-8'],
    ['GB18030 (GBK) Chinese', new Uint8Array([...GB.考核内容, 0x2c, ...GB.分值]), '考核内容,分值', 'gb18030'],
    ['UTF-16 LE with its BOM', new Uint8Array([0xff, 0xfe, 0x06, 0x52, 0x3c, 0x50]), '分值', 'utf-16le'],
  ])('reads %s', (_name, bytes, text, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding })
  })
})

describe('reading a rubric CSV saved by Excel on Chinese Windows', () => {
  it('finds the header of a GB18030 CSV and reads its Chinese cells', async () => {
    const file = new File([GB_TABLE], '消防检查.csv', { type: 'text/csv' })
    const { grid } = await readRubricFile(file)
    expect(grid[0]).toEqual(['一级指标', '考核内容', '分值', '评分标准'])
    const r = rubricTableToTemplate(grid, '消防检查')
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(r.rows.map((row) => [row.section, row.title, row.max])).toEqual([['消防器材', '按时上党课', 5]])
  })

  it('reads a UTF-8 CSV with a BOM the same way', async () => {
    const text = '\uFEFF一级指标,考核内容,分值,评分标准\r\n消防器材,按时上党课,5,灭火器过期一具扣1分\r\n'
    const { grid } = await readRubricFile(new File([new TextEncoder().encode(text)], 'x.csv'))
    expect(grid[0]?.[0]).toBe('一级指标')
    expect(grid[1]).toEqual(['消防器材', '按时上党课', '5', '灭火器过期一具扣1分'])
  })
})
