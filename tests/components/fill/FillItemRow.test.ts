// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Answer, Item, Template } from '@/core/format/types'
import { deriveItemStates, type ItemState } from '@/core/answers'
import FillItemRow from '@/components/fill/FillItemRow.vue'
import AttachmentInput from '@/components/fill/AttachmentInput.vue'
import { describeStep, scoreResponse } from '@/core/scoring'
import { fillRowSourceKey, type FillRowSource } from '@/composables/useFillRowSource'
import { mountFill } from './mountWith'

const state = (over: Partial<ItemState> = {}): ItemState => ({
  hidden: false,
  required: false,
  answered: false,
  na: false,
  value: undefined,
  scored: true,
  score: 0,
  max: 2,
  flagged: false,
  bonus: false,
  steps: [],
  evidenceNeeded: 0,
  missingEvidence: false,
  ...over,
})

const single = (over: Partial<Item> = {}): Item =>
  ({ id: 'fire', type: 'single', title: '灭火器完好', options: [{ id: 'ok', label: '符合' }, { id: 'bad', label: '不符合' }], ...over }) as Item

/** The value the core decides the row shows (the answer's, else the default) for a one-item template. */
function valueOf(item: Item, answer: Answer | undefined): ItemState['value'] {
  const template: Template = { id: 't', version: 1, title: 'T', sections: [{ id: 's', title: 'S', items: [item] }] }
  const answers = answer ? { [item.id]: answer } : {}
  return deriveItemStates(template, answers, scoreResponse(template, { templateId: 't', templateVersion: 1, answers }))[0]?.value
}

/** A test store holding one item's answer and state; its writes are spies. */
function testSource(item: Item, answer: Answer | undefined, s: ItemState) {
  return {
    answer: (id) => (id === item.id ? answer : undefined),
    state: (id) => (id === item.id ? s : undefined),
    attachment: () => undefined,
    readonly: () => false,
    setValue: vi.fn(),
    setNa: vi.fn(),
    setNote: vi.fn(),
    addFiles: vi.fn(),
    removeAttachment: vi.fn(),
  } satisfies FillRowSource
}

function row(item: Item, answer?: Answer, s: ItemState = state()) {
  const source = testSource(item, answer, { ...s, value: valueOf(item, answer) })
  const w = mountFill(FillItemRow, { props: { item }, global: { provide: { [fillRowSourceKey as symbol]: source } } })
  return Object.assign(w, { source })
}

describe('FillItemRow', () => {
  it('emits a tapped option as a value written at once', async () => {
    const w = row(single())
    await w.get('[data-option=bad]').trigger('click')
    expect(w.source.setValue.mock.calls).toEqual([['fire', 'bad', { debounce: false }]])
  })

  it('shows a default as the chosen option', () => {
    const w = row(single({ default: 'ok' } as Partial<Item>))
    expect(w.get('[data-option=ok]').attributes('aria-checked')).toBe('true')
  })

  it('emits typed text as a debounced value', async () => {
    const w = row({ id: 't', type: 'text', title: '说明' })
    await w.get('input[aria-label=说明]').setValue('abc')
    expect(w.source.setValue.mock.calls).toEqual([['t', 'abc', { debounce: true }]])
  })

  it('offers N/A only where allowed, and hides the control when N/A', async () => {
    expect(row(single()).text()).not.toContain('不适用')
    const w = row(single({ na: true }))
    await w.get('.na input').setValue(true)
    expect(w.source.setNa.mock.calls).toEqual([['fire', true]])
    const na = row(single({ na: true }), { na: true })
    expect(na.find('[role=radiogroup]').exists()).toBe(false)
  })

  it('keeps a remark per item', async () => {
    const w = row(single())
    await w.get('button.link').trigger('click')
    await w.get('textarea[aria-label="备注 · 灭火器完好"]').setValue('已报修')
    expect(w.source.setNote.mock.calls).toEqual([['fire', '已报修']])
  })

  it('renders nothing for a hidden item', () => {
    expect(row(single(), undefined, state({ hidden: true })).find('article').exists()).toBe(false)
  })

  it('marks a required item and names its points', () => {
    const w = row(single(), { value: 'ok' }, state({ required: true, score: 2, max: 2 }))
    expect(w.get('h3').classes()).toContain('required')
    expect(w.get('button.points').text()).toBe('2 / 2 分')
  })

  it('shows the steps behind its points in words when the points are tapped', async () => {
    const step = { rule: 'deductEach', count: 2, each: 0.5, deducted: 1 }
    const w = row({ id: 'c', type: 'count', title: '缺勤', max: 2, deductEach: 0.5 } as Item, { value: 2 }, state({ score: 1, max: 2, steps: [step] }))
    expect(w.find('[role=note]').exists()).toBe(false)
    await w.get('button.points').trigger('click')
    expect(w.get('button.points').attributes('aria-expanded')).toBe('true')
    // The steps' chunk loads on the first tap.
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.find('[role=note]').exists()).toBe(true)
    })
    expect(w.get('[role=note]').text()).toBe(describeStep(step, 'zh-CN'))
  })

  it('asks a review for no evidence (it is the self-assessment\'s), though the picker stays', () => {
    const item = single({ evidence: { required: 'always', accept: ['image/*'] } } as Partial<Item>)
    const source = { ...testSource(item, { value: 'bad' }, state({ evidenceNeeded: 1, missingEvidence: true, value: 'bad' })), asksEvidence: () => false }
    const w = mountFill(FillItemRow, { props: { item }, global: { provide: { [fillRowSourceKey as symbol]: source } } })
    expect(w.get('.evidence').text()).not.toContain('缺少佐证')
    expect(w.get('.evidence').text()).not.toContain('需要 1 份佐证')
    expect(w.find('.missing').exists()).toBe(false)
  })

  it('asks for evidence when the rule requires it and says when it is missing', async () => {
    const item = single({ evidence: { required: 'onFlag', accept: ['image/*'] } } as Partial<Item>)
    const w = row(item, { value: 'bad' }, state({ flagged: true, evidenceNeeded: 1, missingEvidence: true }))
    expect(w.get('.evidence').text()).toContain('需要 1 份佐证')
    expect(w.get('.evidence').text()).toContain('缺少佐证')
    // The picker's chunk loads with the first row that needs it.
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.findComponent(AttachmentInput).exists()).toBe(true)
    })
    expect(w.findComponent(AttachmentInput).props('accept')).toEqual(['image/*'])
  })

  it('shows an info item as text, with no control, N/A or remark', () => {
    const w = row({ id: 'i', type: 'info', title: '检查须知', help: '逐项检查' }, undefined, state({ scored: false }))
    expect(w.text()).toContain('逐项检查')
    expect(w.find('.control').exists()).toBe(false)
    expect(w.find('.extras').exists()).toBe(false)
  })

  it('shows the criterion and the rule in words before the item is answered', () => {
    const item = { id: 'first-topic', type: 'count', title: '落实“第一议题”制度', criteria: '缺1次扣0.5分，扣完为止', max: 5, deductEach: 0.5, unitLabel: '次', countPrefix: '缺' } as Item
    const w = row(item, undefined, state({ score: 5, max: 5 }))
    const rule = w.get('[data-testid=rule-line]')
    expect(rule.text()).toContain('缺1次扣0.5分，扣完为止')
    expect(rule.text()).toContain('每缺 1 次扣 0.5 分，扣完为止（满分 5）')
    // The box says what it counts, and is empty until answered.
    expect(w.findAll('.control .unit').map((u) => u.text())).toEqual(['缺', '次'])
    expect((w.get('input').element as HTMLInputElement).value).toBe('')
    expect(w.get('input').attributes('placeholder')).toBeUndefined()
  })

  it('names a ceiling as 等次上限 and a veto as 一票否决 in the rule line, from the template bands', () => {
    const item = single({ options: [{ id: 'no', label: '无', points: 1 }, { id: 'minor', label: '情节较轻', points: 0, veto: 'basic' }, { id: 'major', label: '情节较重', points: 0, veto: true }] })
    const source = { ...testSource(item, undefined, state()), bands: () => [{ id: 'pass', label: '合格', min: 0 }, { id: 'basic', label: '基本合格', min: 0 }, { id: 'fail', label: '不合格', min: 0 }] }
    const w = mountFill(FillItemRow, { props: { item }, global: { provide: { [fillRowSourceKey as symbol]: source } } })
    expect(w.get('[data-testid=rule-line]').text()).toBe('「无」1 分；「情节较轻」0 分，等次上限「基本合格」；「情节较重」0 分，一票否决（满分 1）')
  })

  it('shows no rule line for an unscored item', () => {
    const w = row({ id: 'r', type: 'text', title: '情况说明' } as Item)
    expect(w.find('[data-testid=rule-line]').exists()).toBe(false)
  })

  it('gives every control an accessible name: the item title', () => {
    const count = row({ id: 'c', type: 'count', title: '私拉电线', deductEach: 1 } as Item)
    expect(count.get('input').attributes('aria-label')).toBe('私拉电线')
    const date = row({ id: 'd', type: 'date', title: '日期' })
    expect(date.get('input[type=date]').attributes('aria-label')).toBe('日期')
  })
})

describe('AttachmentInput', () => {
  function pick(w: ReturnType<typeof mountFill>, files: File[]) {
    const input = w.get('input[type=file]')
    Object.defineProperty(input.element, 'files', { value: files, configurable: true })
    return input.trigger('change')
  }

  // Files are recognised by their first bytes (io/sniff.ts), so the fixtures carry real headers.
  const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
  const PDF = new TextEncoder().encode('%PDF-1.7\n%')
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
  // happy-dom cannot decode images: a stub decodes what starts like a JPEG, as a browser would
  // decode a real photo, and fails on anything else.
  beforeEach(() => {
    vi.stubGlobal('createImageBitmap', async (blob: Blob) => {
      const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer())
      if (head[0] !== 0xff || head[6] !== 0x4a) throw new DOMException('The source image could not be decoded.', 'InvalidStateError')
      return { width: 10, height: 10, close: () => undefined }
    })
  })
  afterEach(() => vi.unstubAllGlobals())
  // The checks load on the first pick; loaded once here, a pick settles within one task.
  beforeAll(async () => {
    await import('@/io/attachment-check')
  })

  it('refuses garbage bytes behind a JPEG header: they do not count as a photo', async () => {
    const w = mountFill(AttachmentInput, { props: { attachments: [], label: '拍照', photo: true } })
    await pick(w, [new File([new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2, 3, 4, 5, 6, 7, 8])], 'broken.jpg', { type: 'image/jpeg' })])
    await flush()
    expect(w.emitted('add')).toBeUndefined()
    expect(w.text()).toContain('无法读取这张图片')
  })

  it('emits picked photos, re-typed from their bytes, and refuses other types', async () => {
    const w = mountFill(AttachmentInput, { props: { attachments: [], label: '拍照', photo: true } })
    expect(w.get('input[type=file]').attributes('accept')).toBe('image/*')
    await pick(w, [new File([JPEG], 'a.jpg', { type: 'application/octet-stream' }), new File([PDF], 'b.pdf', { type: 'application/pdf' })])
    await flush()
    const added = w.emitted('add')?.[0]?.[0] as File[]
    expect(added.map((f) => [f.name, f.type])).toEqual([['a.jpg', 'image/jpeg']])
    expect(w.text()).toContain('不接受的文件类型：b.pdf')
  })

  it('refuses text renamed .jpg, SVG and HTML whatever they claim to be', async () => {
    const w = mountFill(AttachmentInput, { props: { attachments: [], label: '文件' } })
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'x.jpg', { type: 'image/jpeg' })
    const html = new File(['<html><script>alert(1)</script>'], 'y.png', { type: 'image/png' })
    const text = new File(['just some text'], 'z.jpg', { type: 'image/jpeg' })
    await pick(w, [svg, html, text])
    await flush()
    expect(w.emitted('add')).toBeUndefined()
    for (const name of ['x.jpg', 'y.png', 'z.jpg']) expect(w.text()).toContain(`不接受的文件类型：${name}`)
  })

  it('refuses a file over maxSizeMB and more than maxCount', async () => {
    const w = mountFill(AttachmentInput, { props: { attachments: [], label: '文件', maxSizeMB: 0.000001, maxCount: 1 } })
    await pick(w, [new File([PDF, 'too big'], 'big.pdf', { type: 'application/pdf' })])
    await flush()
    expect(w.emitted('add')).toBeUndefined()
    expect(w.text()).toContain('文件过大')
  })

  it('takes a 30 MB photo (it is resized before it is stored) but refuses a PNG over the 20 MB cap, kept as it is', async () => {
    const w = mountFill(AttachmentInput, { props: { attachments: [], label: '拍照', photo: true } })
    const bigPhoto = new File([JPEG, new Uint8Array(30 * 1024 ** 2)], 'big.jpg', { type: 'image/jpeg' })
    const bigPng = new File([PNG, new Uint8Array(20 * 1024 ** 2)], 'shot.png', { type: 'image/png' })
    // (the PNG is refused on size before it is decoded)
    await pick(w, [bigPhoto, bigPng])
    await flush()
    expect((w.emitted('add')?.[0]?.[0] as File[]).map((f) => f.name)).toEqual(['big.jpg'])
    expect(w.text()).toContain('文件过大（上限 20 MB）：shot.png')
  })

  it('lists attachments with a named remove button', async () => {
    const attachments = [{ id: 'a1', itemId: 'x', name: '现场.jpg', type: 'image/jpeg', size: 1, url: 'blob:1', pending: false }]
    const w = mountFill(AttachmentInput, { props: { attachments, label: '拍照', photo: true } })
    expect(w.get('img').attributes('alt')).toBe('现场.jpg')
    await w.get('button[aria-label="删除 现场.jpg"]').trigger('click')
    expect(w.emitted('remove')).toEqual([['a1']])
  })
})
