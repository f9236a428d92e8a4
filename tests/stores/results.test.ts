import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js'
import { createResponse, openTasksForSubmitted, saveAnswer, setDb, submitResponse, type QingdanDatabase } from '@/db'
import { useResultsStore } from '@/stores/results'
import { useTasksStore } from '@/stores/tasks'
import { useSettingsStore } from '@/stores/settings'
import { freshDb } from '../db/helpers'
import { sample } from '../fixtures/load'

const dorm = sample('dorm-room-safety')
const floor = sample('floor-common-area')
let db: QingdanDatabase

async function submitRoom(room: string, answers: Record<string, string | number>, at: string): Promise<string> {
  const row = await createResponse(db, { template: dorm, subject: { building: '3号楼', floor: 2, room }, role: 'self', inspector: '王老师' })
  for (const [itemId, value] of Object.entries(answers)) await saveAnswer(db, row.id, itemId, { value })
  await submitResponse(db, row.id, dorm, at)
  await openTasksForSubmitted(db, row.id)
  return row.id
}

beforeEach(() => {
  setActivePinia(createPinia())
  db = freshDb()
  setDb(db)
})

describe('results store', () => {
  it('loads every submitted response, newest first, and filters and sorts them', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    await submitRoom('202', {}, '2026-11-02T02:00:00.000Z')
    await submitRoom('203', { 'absent-night': 1 }, '2026-11-03T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    expect(store.loaded).toBe(true)
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['203', '202', '201'])

    store.filter.hasFindings = true
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['203', '201'])
    store.sort = 'score-desc'
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['201', '203'])
    store.setFilter({ subject: { room: '202' } })
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['202'])
    expect(store.templates).toEqual([{ id: dorm.id, title: dorm.title, versions: [1] }])
    expect(store.inspectors).toEqual(['王老师'])
  })

  it('filters by follow-up status from the tasks', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    await submitRoom('202', {}, '2026-11-02T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    store.setFilter({ status: 'open' })
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['201'])
    store.setFilter({ status: 'clean' })
    expect(store.filtered.map((s) => s.subject.room)).toEqual(['202'])
  })
})

describe('tasks store', () => {
  it('counts open and overdue tasks against its clock and starts a linked re-check', async () => {
    await submitRoom('201', { 'late-return': 1, 'absent-night': 1 }, '2026-11-01T02:00:00.000Z')
    const store = useTasksStore()
    await store.load()
    store.now = '2026-11-03T00:00:00.000Z'
    expect(store.counts).toEqual({ open: 2, overdue: 0, closed: 0 })
    store.now = '2026-11-05T00:00:00.000Z'
    expect(store.counts).toEqual({ open: 2, overdue: 2, closed: 0 })
    const task = store.tasks[0]
    if (!task) throw new Error('no task')
    expect((await store.rectify(task.id, [{ blob: new Blob(['x'], { type: 'image/jpeg' }), name: 'a.jpg', type: 'image/jpeg' }])).ok).toBe(true)
    const started = await store.startRecheck(task.id, '李老师')
    if (!started.ok) throw new Error('re-check refused')
    const recheckId = started.value
    const recheck = await db.responses.get(recheckId)
    expect(recheck).toMatchObject({ status: 'draft', templateId: dorm.id, subject: { room: '201' }, inspector: '李老师' })
    expect(store.tasks.find((t) => t.id === task.id)?.recheckResponseId).toBe(recheckId)
  })
})

describe('refreshIfChanged', () => {
  it('re-reads only when a response was submitted since the last read', async () => {
    await submitRoom('201', {}, '2026-11-01T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    const before = store.summaries
    await store.refreshIfChanged()
    expect(store.summaries).toBe(before)
    await submitRoom('202', {}, '2026-11-02T02:00:00.000Z')
    await store.refreshIfChanged()
    expect(store.summaries.map((s) => s.subject.room).sort()).toEqual(['201', '202'])
  })
})

describe('results store: dashboard and exports', () => {
  it('loads one template’s dashboard data: its newest version and its tasks', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    const store = useResultsStore()
    await store.loadDashboard(dorm.id)
    expect(store.loaded).toBe(true)
    expect(store.dashboardTemplate?.id).toBe(dorm.id)
    expect(store.dashboardTasks.map((t) => t.itemId)).toEqual(['late-return'])
    await store.loadDashboard('other')
    expect([store.dashboardTemplate, store.dashboardTasks]).toEqual([null, []])
  })

  it('builds the summary CSV of the given results, named after the template', async () => {
    await submitRoom('201', {}, '2026-11-01T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    const file = await store.exportFile('csv', store.summaries, { templateId: dorm.id, lang: 'zh-CN' })
    expect(file.name).toMatch(/\.csv$/)
    expect(file.name.startsWith(dorm.title.replace(/[\\/:*?"<>|\s]+/g, '_'))).toBe(true)
    expect(await file.blob.text()).toContain('201')
  })

  it('refuses to export against a template version that is not stored', async () => {
    await submitRoom('201', {}, '2026-11-01T02:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    await expect(store.exportFile('csv', store.summaries.map((s) => ({ ...s, templateId: 'other' })), { templateId: 'other', lang: 'zh-CN' })).rejects.toThrow(/missing/)
  })
})

async function submitFloor(building: string, at: string): Promise<string> {
  const row = await createResponse(db, { template: floor, subject: { building, floor: 1 }, role: 'self', inspector: '李老师' })
  await submitResponse(db, row.id, floor, at)
  return row.id
}

/** Rows of a CSV export (BOM stripped), keyed by heading. */
async function csvRows(blob: Blob): Promise<Array<Record<string, string>>> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  // The byte-order mark Excel needs to read UTF-8 (TextDecoder drops it below).
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data
}

async function workbook(blob: Blob): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(await blob.arrayBuffer())
  return book
}

/** A sheet's rows as objects keyed by its header row. */
function sheetRows(sheet: ExcelJS.Worksheet | undefined): Array<Record<string, unknown>> {
  const header = (sheet?.getRow(1).values as unknown[] | undefined) ?? []
  const out: Array<Record<string, unknown>> = []
  sheet?.eachRow((row, n) => {
    if (n === 1) return
    const values = row.values as unknown[]
    out.push(Object.fromEntries(header.map((h, i) => [String(h), values[i]]).filter(([h]) => h !== 'undefined')))
  })
  return out
}

describe('results store: exports people can use (#12)', () => {
  it('writes 提交时间 in the settings’ zone as "YYYY-MM-DD HH:mm", Beijing time by default', async () => {
    await submitRoom('201', {}, '2026-12-02T11:42:38.000Z')
    const store = useResultsStore()
    await store.load()
    const rows = await csvRows((await store.exportFile('csv', store.summaries, { templateId: dorm.id, lang: 'zh-CN' })).blob)
    expect(rows[0]?.['提交时间']).toBe('2026-12-02 19:42')
    expect(useSettingsStore().setTimeZone('UTC')).toBe(true)
    const utc = await csvRows((await store.exportFile('csv', store.summaries, { templateId: dorm.id, lang: 'zh-CN' })).blob)
    expect(utc[0]?.['提交时间']).toBe('2026-12-02 11:42')
  })

  it('adds an answer and a points column per item when asked', async () => {
    const id = await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    const scoredLate = (await db.responses.get(id))?.result?.items.find((i) => i.id === 'late-return')
    const store = useResultsStore()
    await store.load()
    const late = dorm.sections.flatMap((s) => s.items).find((i) => i.id === 'late-return')
    if (!late) throw new Error('sample changed')
    const plain = await csvRows((await store.exportFile('csv', store.summaries, { templateId: dorm.id, lang: 'zh-CN' })).blob)
    expect(Object.keys(plain[0] ?? {})).not.toContain(`${late.title}（得分）`)
    const wide = await csvRows((await store.exportFile('csv', store.summaries, { templateId: dorm.id, lang: 'zh-CN', itemColumns: true })).blob)
    expect(wide[0]?.[`${late.title}（回答）`]).toMatch(/^1/)
    expect(scoredLate?.scored).toBe(true)
    expect(Number(wide[0]?.[`${late.title}（得分）`])).toBe(scoredLate?.score)
    const book = await workbook((await store.exportFile('xlsx', store.summaries, { templateId: dorm.id, lang: 'zh-CN', itemColumns: true })).blob)
    expect(sheetRows(book.worksheets[0])[0]?.[`${late.title}（回答）`]).toMatch(/^1/)
  })

  it('exports every template at once when none is chosen: a sheet per template, or a zip of one CSV per template', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    await submitRoom('202', {}, '2026-11-01T03:00:00.000Z')
    await submitFloor('3号楼', '2026-11-01T04:00:00.000Z')
    const store = useResultsStore()
    await store.load()

    const xlsx = await store.exportFile('xlsx', store.summaries, { lang: 'zh-CN', now: '2026-12-02T17:00:00.000Z' })
    // The file's date is the local one: 17:00 UTC is already 3 December in Beijing.
    expect(xlsx.name).toBe('全部模板-2026-12-03.xlsx')
    const book = await workbook(xlsx.blob)
    expect(book.worksheets.map((w) => w.name).sort()).toEqual([dorm.title, floor.title].sort())
    const dormSheet = sheetRows(book.getWorksheet(dorm.title))
    expect(dormSheet.map((r) => r['房间号']).sort()).toEqual(['201', '202'])
    expect(sheetRows(book.getWorksheet(floor.title)).map((r) => r['检查人'])).toEqual(['李老师'])

    const zip = await store.exportFile('csv', store.summaries, { lang: 'zh-CN', now: '2026-12-02T01:00:00.000Z' })
    expect(zip.name).toBe('全部模板-2026-12-02.zip')
    const reader = new ZipReader(new BlobReader(zip.blob))
    const entries = await reader.getEntries()
    expect(entries.map((e) => e.filename).sort()).toEqual([`${dorm.title}.csv`, `${floor.title}.csv`].sort())
    const dormEntry = entries.find((e) => e.filename === `${dorm.title}.csv`)
    if (!dormEntry || dormEntry.directory) throw new Error('no dorm file')
    const bytes = await dormEntry.getData(new Uint8ArrayWriter())
    await reader.close()
    const rows = await csvRows(new Blob([bytes]))
    expect(rows.map((r) => r['房间号']).sort()).toEqual(['201', '202'])
  })

  it('writes the per-building report with floor and building aggregates, open 整改 from the tasks', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    await submitRoom('202', {}, '2026-11-01T03:00:00.000Z')
    const store = useResultsStore()
    await store.load()
    const file = await store.exportFile('building', store.summaries, { templateId: dorm.id, lang: 'zh-CN' })
    expect(file.name).toMatch(/-分楼报表\.csv$/)
    const rows = await csvRows(file.blob)
    expect(rows.map((r) => [r['房间号'], r['行类型']])).toEqual([
      ['201', '明细'],
      ['202', '明细'],
      ['', '楼层小计'],
      ['', '楼栋合计'],
    ])
    const total = rows[3]
    expect([total?.['楼栋'], total?.['检查数'], total?.['有隐患'], total?.['未完成整改']]).toEqual(['3号楼', '2', '1', '1'])
    const [a, b] = store.summaries.map((s) => s.total).sort((x, y) => x - y)
    expect(Number(total?.['最低分'])).toBe(a)
    expect(Number(total?.['平均分'])).toBe(Math.round((((a ?? 0) + (b ?? 0)) / 2) * 100) / 100)
  })
})

describe('tasks store: refusals and photos', () => {
  it('returns the core’s refusal, changes nothing, and lists the fix photos once reported', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    const store = useTasksStore()
    await store.load()
    const task = store.tasks[0]!
    const refused = await store.verify(task.id)
    expect(!refused.ok && refused.issues[0]?.code).toBe('task.notRectified')
    expect(store.tasks[0]?.status).toBe('open')
    expect(await store.fixPhotos(task)).toEqual([])
    const fixed = await store.rectify(task.id, [{ blob: new Blob(['x'], { type: 'image/jpeg' }), name: 'a.jpg', type: 'image/jpeg' }])
    if (!fixed.ok) throw new Error('refused')
    const photos = await store.fixPhotos(fixed.value)
    expect(photos.map((p) => [p.name, 'blob' in p])).toEqual([['a.jpg', false]])
  })

  it('starts no re-check draft for a closed task', async () => {
    await submitRoom('201', { 'late-return': 1 }, '2026-11-01T02:00:00.000Z')
    const store = useTasksStore()
    await store.load()
    const task = store.tasks[0]!
    store.tasks = [{ ...task, status: 'verified' }]
    const drafts = await db.responses.where('status').equals('draft').count()
    const r = await store.startRecheck(task.id, '李老师')
    expect(!r.ok && r.issues[0]?.code).toBe('task.closed')
    expect(await db.responses.where('status').equals('draft').count()).toBe(drafts)
  })
})
