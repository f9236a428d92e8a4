import { describe, expect, it } from 'vitest'
import { labelSheets, LABELS_PER_SHEET, MAX_LABELS, readLabelSubjects } from '@/core/register/labels'

const room = (building: string, n: string) => ({ id: `room:${building}/${n}`, kind: 'room', scopeId: `floor:${building}/${n[0]}`, fields: { building, floor: n[0], room: n }, label: `${building} ${n}` })

describe('subjects handed to the label page', () => {
  it('keeps valid rooms and only their known fields', () => {
    const r = readLabelSubjects([{ ...room('3号楼', '301'), responsible: '张老师', extra: '<script>' }])
    expect(r).toEqual({ ok: true, warnings: [], value: [{ ...room('3号楼', '301'), responsible: '张老师' }] })
  })

  it('refuses the whole list, naming the entry, when one entry is malformed', () => {
    const bad = [
      room('3号楼', '301'),
      { ...room('3号楼', '302'), id: 'user:1' },
      { ...room('3号楼', '303'), kind: 'branch' },
      { ...room('3号楼', '304'), fields: { building: 3 } },
      { ...room('3号楼', '305'), label: '  ' },
      null,
      '3号楼 306',
    ]
    const r = readLabelSubjects(bad)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.map((i) => i.pointer)).toEqual(['/1', '/2', '/3', '/4', '/5', '/6'])
  })

  it('refuses what is not a list, and lists too long to lay out', () => {
    expect(readLabelSubjects({ 0: room('3号楼', '301') }).ok).toBe(false)
    expect(readLabelSubjects(Array.from({ length: MAX_LABELS + 1 }, () => room('3号楼', '301')))).toMatchObject({ ok: false, issues: [{ code: 'labels.tooMany' }] })
  })
})

describe('label sheets', () => {
  it('fills A4 sheets of 24 in order, the last one partly', () => {
    const sheets = labelSheets(Array.from({ length: 50 }, (_, i) => i))
    expect(sheets.map((s) => s.length)).toEqual([LABELS_PER_SHEET, LABELS_PER_SHEET, 2])
    expect(sheets.flat()).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(labelSheets([])).toEqual([])
  })
})
