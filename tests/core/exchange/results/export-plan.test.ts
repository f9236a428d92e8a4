import { describe, expect, it } from 'vitest'
import { exportPlan, groupByTemplate, type ExportPlanOptions } from '@/core/exchange/results/export-plan'
import { summary } from '../../stats/builders'
import { sample } from '../../../fixtures/load'

const dorm = sample('dorm-room-safety')
const floor = sample('floor-common-area')
const options: ExportPlanOptions = { lang: 'zh-CN', timeZone: 'Asia/Shanghai', itemColumns: false, details: new Map(), openTasks: new Map() }
const dormRows = [summary({ templateId: dorm.id, templateTitle: dorm.title }), summary({ templateId: dorm.id, templateTitle: dorm.title })]
const floorRows = [summary({ templateId: floor.id, templateTitle: floor.title, subject: { building: '3号楼', floor: 2 } })]

describe('groupByTemplate', () => {
  it('groups results by template, titles in order, each with the newest version among its results', () => {
    const groups = groupByTemplate([
      summary({ templateId: 'b', templateTitle: '乙', templateVersion: 1 }),
      summary({ templateId: 'a', templateTitle: '甲 旧名', templateVersion: 1 }),
      summary({ templateId: 'a', templateTitle: '甲', templateVersion: 3 }),
      summary({ templateId: 'a', templateTitle: '甲 旧名', templateVersion: 2 }),
    ])
    expect(groups.map((g) => [g.templateId, g.version, g.title, g.list.length])).toEqual([
      ['a', 3, '甲', 3],
      ['b', 1, '乙', 1],
    ])
  })
})

describe('exportPlan', () => {
  it('exports one template as one CSV, one per-building CSV, or a workbook of summary, items and building', () => {
    const one = [{ template: dorm, list: dormRows }]
    expect(exportPlan('csv', one, options)).toMatchObject({ pack: 'csv', tables: [{ name: dorm.title }] })
    expect(exportPlan('building', one, options)).toMatchObject({ pack: 'csv', tables: [{ name: '分楼报表' }] })
    const book = exportPlan('xlsx', one, options)
    expect([book.pack, book.tables.map((t) => t.name)]).toEqual(['xlsx', [dorm.title, '逐项明细', '分楼报表']])
  })

  it('exports several templates as a table each, named after its template: zipped CSVs or a sheet each', () => {
    const all = [
      { template: dorm, list: dormRows },
      { template: floor, list: floorRows },
    ]
    const csv = exportPlan('csv', all, options)
    expect([csv.pack, csv.tables.map((t) => [t.name, t.rows.length])]).toEqual(['zip', [[dorm.title, 2], [floor.title, 1]]])
    // Each table keeps its own template's columns.
    expect(csv.tables[0]?.columns).toContain('房间号')
    expect(csv.tables[1]?.columns).not.toContain('房间号')
    const building = exportPlan('building', all, options)
    expect([building.pack, building.tables.map((t) => t.name)]).toEqual(['zip', [dorm.title, floor.title]])
    const book = exportPlan('xlsx', all, options)
    expect([book.pack, book.tables.map((t) => t.name)]).toEqual(['xlsx', [dorm.title, floor.title]])
  })

  it('adds item columns to every summary table only when asked', () => {
    const all = [
      { template: dorm, list: dormRows },
      { template: floor, list: floorRows },
    ]
    const wide = exportPlan('xlsx', all, { ...options, itemColumns: true })
    for (const t of wide.tables) expect(t.columns.some((c) => c.endsWith('（得分）'))).toBe(true)
    for (const t of exportPlan('xlsx', all, options).tables) expect(t.columns.some((c) => c.endsWith('（得分）'))).toBe(false)
  })
})
