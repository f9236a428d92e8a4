// @vitest-environment happy-dom
// Every field of format.md can be edited without JSON: one row per field, walked through the real
// property panels (item, section, template) over a loaded builder store, checked in the template
// JSON that results.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, getCurrentInstance, h, ref } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import type { Item, Template } from '@/core/format/types'
import type { NodeRef } from '@/core/builder'
import { createTemplate } from '@/db/repositories/templates-edit'
import { ensureFormKit } from '@/app/formkit'
import { createAppI18n } from '@/app/i18n'
import { useBuilderStore } from '@/stores/builder'
import ItemPanel from '@/components/builder/ItemPanel.vue'
import SectionPanel from '@/components/builder/SectionPanel.vue'
import TemplatePanel from '@/components/builder/TemplatePanel.vue'
import { freshDb } from '../../db/helpers'

const opts = () => [{ id: 'a', label: '甲', points: 2 }, { id: 'b', label: '乙', points: 0 }]
/** One item of each type, each in its own slot so a row edits a fresh node. */
const ITEMS: Item[] = [
  { id: 'si', type: 'single', title: '单选', options: opts() },
  { id: 'mu', type: 'multi', title: '多选', options: opts() },
  { id: 'co', type: 'count', title: '计数' },
  { id: 'sc', type: 'score', title: '打分', max: 10 },
  { id: 'nu', type: 'number', title: '数值' },
  { id: 'te', type: 'text', title: '文本' },
  { id: 'da', type: 'date', title: '日期' },
  { id: 'ph', type: 'photo', title: '照片' },
]
const BANDS = [{ label: '优秀', min: 90 }, { id: 'ok', label: '合格', min: 60 }, { label: '不合格', min: 0 }]

function base(): Template {
  return {
    id: 't',
    version: 1,
    title: '模板',
    sections: [{ id: 's1', title: '一', items: ITEMS.map((i) => structuredClone(i)) }],
    scoring: { bands: BANDS.map((b) => ({ ...b })) },
  }
}

type W = VueWrapper
/** A FormKit (or native) control by its visible label text, exact. */
function byLabel(w: W, text: string): ReturnType<W['get']> {
  const label = w.findAll('label').find((l) => l.text().trim() === text)
  if (!label) throw new Error(`no label ${text}`)
  const id = label.attributes('for')
  return id ? w.get(`[id="${id}"]`) : label.get('input, select, textarea')
}
const aria = (w: W, name: string, n = 0) => w.findAll(`[aria-label="${name}"]`)[n] ?? w.get(`[aria-label="${name}"]`)
const type = async (el: ReturnType<W['get']>, value: string) => {
  await el.setValue(value)
  await el.trigger('change')
}
const tick = async (el: ReturnType<W['get']>, on = true) => el.setValue(on)

interface Row {
  field: string
  node: NodeRef
  act: (w: W) => Promise<unknown>
  /** Where the value lands in the template JSON, and what it must be. */
  path: Array<string | number>
  value: unknown
  /** Changes the starting template, for a field shown only in some setting. */
  prepare?: (t: Template) => void
}

const item = (id: string): NodeRef => ({ kind: 'item', id })
const at = (id: string) => ['sections', 0, 'items', ITEMS.findIndex((i) => i.id === id)]
const S1: NodeRef = { kind: 'section', id: 's1' }
const T: NodeRef = { kind: 'template' }

const ROWS: Row[] = [
  // Item types and the fields common to all.
  { field: 'type', node: item('si'), act: (w) => w.get('select[data-testid=prop-type]').setValue('multi'), path: [...at('si'), 'type'], value: 'multi' },
  { field: 'help', node: item('si'), act: (w) => byLabel(w, '说明').setValue('看有效期'), path: [...at('si'), 'help'], value: '看有效期' },
  { field: 'criteria', node: item('si'), act: (w) => byLabel(w, '评分标准（原文）').setValue('缺一扣一'), path: [...at('si'), 'criteria'], value: '缺一扣一' },
  { field: 'required', node: item('si'), act: (w) => tick(byLabel(w, '必答')), path: [...at('si'), 'required'], value: true },
  { field: 'na (item)', node: item('si'), act: (w) => tick(byLabel(w, '允许“不适用”')), path: [...at('si'), 'na'], value: true },
  { field: 'bonus (item)', node: item('si'), act: (w) => tick(byLabel(w, '加分项')), path: [...at('si'), 'bonus'], value: true },
  { field: 'allowNegative', node: item('si'), act: (w) => tick(byLabel(w, '允许扣成负分')), path: [...at('si'), 'allowNegative'], value: true },
  { field: 'max (single)', node: item('si'), act: (w) => byLabel(w, '满分').setValue('5'), path: [...at('si'), 'max'], value: 5 },
  { field: 'default (single)', node: item('si'), act: (w) => w.get('select[data-testid=prop-default]').setValue('b'), path: [...at('si'), 'default'], value: 'b' },
  // Options.
  { field: 'option label', node: item('si'), act: (w) => aria(w, '选项文字', 1).setValue('不符合'), path: [...at('si'), 'options', 1, 'label'], value: '不符合' },
  { field: 'option points', node: item('si'), act: (w) => aria(w, '得分', 0).setValue('3'), path: [...at('si'), 'options', 0, 'points'], value: 3 },
  { field: 'option deduct', node: item('si'), act: (w) => aria(w, '扣分', 1).setValue('1.5'), path: [...at('si'), 'options', 1, 'deduct'], value: 1.5 },
  { field: 'option flag', node: item('si'), act: (w) => tick(aria(w, '问题', 1)), path: [...at('si'), 'options', 1, 'flag'], value: true },
  { field: 'option veto (lowest band)', node: item('si'), act: (w) => aria(w, '否决', 1).setValue('*'), path: [...at('si'), 'options', 1, 'veto'], value: true },
  { field: 'option veto (a named band)', node: item('si'), act: (w) => aria(w, '否决', 1).setValue('ok'), path: [...at('si'), 'options', 1, 'veto'], value: 'ok' },
  { field: 'option zero', node: item('si'), act: (w) => aria(w, '红线', 1).setValue('section'), path: [...at('si'), 'options', 1, 'zero'], value: 'section' },
  { field: 'option na', node: item('si'), act: (w) => tick(aria(w, '不适用', 1)), path: [...at('si'), 'options', 1, 'na'], value: true },
  { field: 'option add', node: item('si'), act: (w) => w.get('[data-testid=option-add]').trigger('click'), path: [...at('si'), 'options', 2, 'id'], value: 'o3' },
  {
    // The preset's points scale to the item's max.
    field: 'option preset 是/否/不适用', node: item('si'), prepare: (t) => Object.assign(t.sections[0]!.items[0]!, { max: 10 }),
    act: (w) => w.get('[data-testid=option-preset]').setValue('yesNoNa'),
    path: [...at('si'), 'options'], value: [{ id: 'yes', label: '是', points: 10 }, { id: 'no', label: '否', points: 0, flag: true }, { id: 'na', label: '不适用', na: true }],
  },
  {
    field: 'option preset 符合/基本符合/不符合', node: item('si'), prepare: (t) => Object.assign(t.sections[0]!.items[0]!, { max: 4 }),
    act: (w) => w.get('[data-testid=option-preset]').setValue('comply3'),
    path: [...at('si'), 'options'], value: [{ id: 'ok', label: '符合', deduct: 0 }, { id: 'partly', label: '基本符合', deduct: 2 }, { id: 'no', label: '不符合', deduct: 4, flag: true }],
  },
  { field: 'default (multi)', node: item('mu'), act: (w) => tick(w.findAll('[data-multiple=true] input[type=checkbox]')[0]!), path: [...at('mu'), 'default'], value: ['a'] },
  // Count.
  { field: 'count deductEach', node: item('co'), act: (w) => byLabel(w, '每次扣分').setValue('0.5'), path: [...at('co'), 'deductEach'], value: 0.5 },
  { field: 'count maxCount', node: item('co'), act: (w) => byLabel(w, '最多次数').setValue('9'), path: [...at('co'), 'maxCount'], value: 9 },
  { field: 'count unitLabel', node: item('co'), act: (w) => byLabel(w, '单位').setValue('次'), path: [...at('co'), 'unitLabel'], value: '次' },
  { field: 'count flag', node: item('co'), act: (w) => tick(byLabel(w, '记为问题（需整改）')), path: [...at('co'), 'flag'], value: true },
  { field: 'count veto (lowest band)', node: item('co'), act: (w) => w.get('select[data-testid=prop-veto]').setValue('*'), path: [...at('co'), 'veto'], value: true },
  { field: 'count veto (a named band)', node: item('co'), act: (w) => w.get('select[data-testid=prop-veto]').setValue('优秀'), path: [...at('co'), 'veto'], value: '优秀' },
  { field: 'count zero', node: item('co'), act: (w) => w.get('select[data-testid=prop-zero]').setValue('total'), path: [...at('co'), 'zero'], value: 'total' },
  { field: 'count default', node: item('co'), act: (w) => byLabel(w, '默认答案').setValue('0'), path: [...at('co'), 'default'], value: 0 },
  // Score.
  { field: 'score min', node: item('sc'), act: (w) => byLabel(w, '最低分').setValue('1'), path: [...at('sc'), 'min'], value: 1 },
  { field: 'score max', node: item('sc'), act: (w) => byLabel(w, '满分').setValue('20'), path: [...at('sc'), 'max'], value: 20 },
  { field: 'score step', node: item('sc'), act: (w) => byLabel(w, '步长').setValue('0.5'), path: [...at('sc'), 'step'], value: 0.5 },
  { field: 'score default', node: item('sc'), act: (w) => byLabel(w, '默认答案').setValue('10'), path: [...at('sc'), 'default'], value: 10 },
  // Number: input range, thresholds, and target/unit/deductEach.
  { field: 'number minValue', node: item('nu'), act: (w) => byLabel(w, '最小值').setValue('0'), path: [...at('nu'), 'minValue'], value: 0 },
  { field: 'number maxValue', node: item('nu'), act: (w) => byLabel(w, '最大值').setValue('100'), path: [...at('nu'), 'maxValue'], value: 100 },
  { field: 'number integer', node: item('nu'), act: (w) => tick(byLabel(w, '只能是整数')), path: [...at('nu'), 'integer'], value: true },
  {
    field: 'number thresholds', node: item('nu'), act: async (w) => {
      await w.get('[data-testid=thresholds-add]').trigger('click')
      await vi.waitFor(() => w.get('[data-testid=thresholds] input'))
      await type(w.get('[data-testid=thresholds]').findAll('input')[0]!, '90')
      await type(w.get('[data-testid=thresholds]').findAll('input')[1]!, '5')
    },
    path: [...at('nu'), 'thresholds'], value: [{ min: 90, points: 5 }],
  },
  { field: 'number target', node: item('nu'), act: (w) => byLabel(w, '目标值').setValue('90'), path: [...at('nu'), 'target'], value: 90 },
  { field: 'number unit', node: item('nu'), act: (w) => byLabel(w, '每低多少').setValue('10'), path: [...at('nu'), 'unit'], value: 10 },
  { field: 'number deductEach', node: item('nu'), act: (w) => byLabel(w, '每次扣分').setValue('1'), path: [...at('nu'), 'deductEach'], value: 1 },
  { field: 'number max', node: item('nu'), act: (w) => byLabel(w, '满分').setValue('5'), path: [...at('nu'), 'max'], value: 5 },
  // Text, date, photo.
  { field: 'text multiline', node: item('te'), act: (w) => tick(byLabel(w, '多行')), path: [...at('te'), 'multiline'], value: true },
  { field: 'text minLength', node: item('te'), act: (w) => byLabel(w, '最少字数').setValue('2'), path: [...at('te'), 'minLength'], value: 2 },
  { field: 'text maxLength', node: item('te'), act: (w) => byLabel(w, '最多字数').setValue('200'), path: [...at('te'), 'maxLength'], value: 200 },
  { field: 'text pattern', node: item('te'), act: (w) => byLabel(w, '格式（正则表达式）').setValue('^\\d+$'), path: [...at('te'), 'pattern'], value: '^\\d+$' },
  { field: 'text default', node: item('te'), act: (w) => byLabel(w, '默认答案').setValue('无'), path: [...at('te'), 'default'], value: '无' },
  { field: 'date minDate', node: item('da'), act: (w) => byLabel(w, '最早日期').setValue('2025-09-01'), path: [...at('da'), 'minDate'], value: '2025-09-01' },
  { field: 'date maxDate', node: item('da'), act: (w) => byLabel(w, '最晚日期').setValue('2026-07-01'), path: [...at('da'), 'maxDate'], value: '2026-07-01' },
  { field: 'date default', node: item('da'), act: (w) => byLabel(w, '默认答案').setValue('2025-10-01'), path: [...at('da'), 'default'], value: '2025-10-01' },
  { field: 'photo minCount', node: item('ph'), act: (w) => byLabel(w, '最少数量').setValue('1'), path: [...at('ph'), 'minCount'], value: 1 },
  { field: 'photo maxCount', node: item('ph'), act: (w) => byLabel(w, '最多次数').setValue('3'), path: [...at('ph'), 'maxCount'], value: 3 },
  { field: 'photo accept', node: item('ph'), act: (w) => byLabel(w, '文件类型（如 image/*，逗号分隔）').setValue('image/*, application/pdf'), path: [...at('ph'), 'accept'], value: ['image/*', 'application/pdf'] },
  { field: 'photo maxSizeMB', node: item('ph'), act: (w) => byLabel(w, '单个文件上限（MB）').setValue('5'), path: [...at('ph'), 'maxSizeMB'], value: 5 },
  // Evidence rules.
  {
    field: 'evidence', node: item('co'), act: async (w) => {
      await w.get('[data-testid=prop-evidence]').setValue('onFlag')
      await vi.waitFor(() => w.get('[data-testid=evidence-min]'))
      await type(w.get('[data-testid=evidence-min]'), '2')
      await type(w.get('[data-testid=evidence-accept]'), 'image/*，video/*')
      await type(w.get('[data-testid=evidence-max-size]'), '8')
    },
    path: [...at('co'), 'evidence'], value: { required: 'onFlag', min: 2, accept: ['image/*', 'video/*'], maxSizeMB: 8 },
  },
  // Sections.
  { field: 'section title', node: S1, act: (w) => w.get('input[data-testid=section-title]').setValue('消防'), path: ['sections', 0, 'title'], value: '消防' },
  { field: 'section description', node: S1, act: (w) => byLabel(w, '描述').setValue('每月一次'), path: ['sections', 0, 'description'], value: '每月一次' },
  { field: 'section max', node: S1, act: (w) => w.get('input[data-testid=section-max]').setValue('40'), path: ['sections', 0, 'max'], value: 40 },
  { field: 'section bonus', node: S1, act: (w) => tick(byLabel(w, '加分指标')), path: ['sections', 0, 'bonus'], value: true },
  { field: 'section bonusMax', node: S1, act: (w) => byLabel(w, '加分上限').setValue('3'), path: ['sections', 0, 'bonusMax'], value: 3 },
  {
    field: 'section weight', node: S1, prepare: (t) => Object.assign(t, { scoring: { method: 'weighted', max: 100 } }),
    act: (w) => byLabel(w, '权重').setValue('60'), path: ['sections', 0, 'weight'], value: 60,
  },
  // Template scoring.
  { field: 'template title', node: T, act: (w) => w.get('input[data-testid=template-title]').setValue('宿舍'), path: ['title'], value: '宿舍' },
  { field: 'template description', node: T, act: (w) => byLabel(w, '描述').setValue('学生宿舍'), path: ['description'], value: '学生宿舍' },
  { field: 'scoring method', node: T, act: (w) => byLabel(w, '总分算法').setValue('weighted'), path: ['scoring', 'method'], value: 'weighted' },
  { field: 'scoring max', node: T, act: (w) => byLabel(w, '总分满分').setValue('100'), path: ['scoring', 'max'], value: 100 },
  { field: 'scoring normalize', node: T, act: (w) => tick(byLabel(w, '按适用项折算到满分')), path: ['scoring', 'normalize'], value: true },
  { field: 'scoring bonusMax', node: T, act: (w) => byLabel(w, '全表加分上限').setValue('5'), path: ['scoring', 'bonusMax'], value: 5 },
  { field: 'scoring allowOverMax', node: T, act: (w) => tick(byLabel(w, '允许超过满分')), path: ['scoring', 'allowOverMax'], value: true },
  { field: 'scoring basis', node: T, act: (w) => byLabel(w, '等级依据').setValue('percent'), path: ['scoring', 'basis'], value: 'percent' },
  { field: 'band label', node: T, act: (w) => type(aria(w, '等级名称', 0), '红旗'), path: ['scoring', 'bands', 0, 'label'], value: '红旗' },
  { field: 'band min', node: T, act: (w) => type(aria(w, '最低', 1), '70'), path: ['scoring', 'bands', 1, 'min'], value: 70 },
  { field: 'band colour', node: T, act: (w) => type(aria(w, '颜色', 0), '#dafbe1'), path: ['scoring', 'bands', 0, 'color'], value: '#dafbe1' },
  {
    field: 'band when', node: T, act: async (w) => {
      const when = w.findAll('details')[0]!
      await when.get('[data-testid=condition-add]').trigger('click')
      await vi.waitFor(() => when.get('[data-testid=condition-var]'))
      await when.get('[data-testid=condition-var]').setValue('percent')
      await when.get('[data-testid=condition-op]').setValue('>=')
      await type(when.get('input[data-testid=condition-value]'), '95')
    },
    path: ['scoring', 'bands', 0, 'when'], value: { '>=': [{ var: 'percent' }, 95] },
  },
  {
    field: 'band when: every first-level indicator reaches a percent', node: T,
    act: (w) => type(w.get('input[data-testid=band-floor-0]'), '80'),
    path: ['scoring', 'bands', 0, 'when'], value: { all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 80] }] },
  },
  { field: 'band add', node: T, act: (w) => w.get('[data-testid=bands-add]').trigger('click'), path: ['scoring', 'bands', 3, 'label'], value: '等级 4' },
  // Subject fields.
  {
    field: 'subject fields', node: T, act: async (w) => {
      await w.get('[data-testid=subject-add]').trigger('click')
      const subject = () => w.get('[data-testid=subject]')
      await vi.waitFor(() => subject().get('input'))
      await type(aria(subject() as unknown as W, '字段编号'), 'building')
      await type(aria(subject() as unknown as W, '名称'), '楼栋')
      await subject().get('select').setValue('select')
      await subject().get('select').trigger('change')
      await type(aria(subject() as unknown as W, '可选值（逗号分隔）'), '1号楼，2号楼')
    },
    path: ['subject', 'fields'], value: [{ id: 'building', label: '楼栋', type: 'select', options: ['1号楼', '2号楼'] }],
  },
]

function get(value: unknown, path: ReadonlyArray<string | number>): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value)
}

/** The panel of the selected node over a store that loaded `base()`, as BuilderView shows it. */
async function mountPanels(node: NodeRef, prepare?: (t: Template) => void) {
  setActivePinia(createPinia())
  const db = freshDb()
  const start = base()
  prepare?.(start)
  await createTemplate(db, start)
  const store = useBuilderStore()
  await store.load('t', db)
  store.select(node)
  const Host = defineComponent({
    setup() {
      const ready = ref(false)
      void ensureFormKit(getCurrentInstance()!.appContext.app).then(() => (ready.value = true))
      return () => {
        if (!ready.value) return null
        if (store.selectedItem) return h(ItemPanel, { item: store.selectedItem })
        if (store.selectedSection) return h(SectionPanel, { section: store.selectedSection })
        return h(TemplatePanel, { template: store.template })
      }
    },
  })
  const wrapper = mount(Host, { global: { plugins: [createAppI18n('zh-CN')] } })
  await vi.waitFor(() => expect(wrapper.find('form').exists()).toBe(true))
  return { store, wrapper }
}

beforeAll(() => {
  // Every row's path must start out different from its value, or the row would prove nothing.
  for (const row of ROWS) {
    const start = base()
    row.prepare?.(start)
    expect(get(start, row.path), row.field).not.toEqual(row.value)
  }
})

describe('every field of format.md is editable in the property panels', () => {
  it.each(ROWS)('$field', async (row) => {
    const { store, wrapper } = await mountPanels(row.node, row.prepare)
    await row.act(wrapper)
    await vi.waitFor(() => expect(get(store.template, row.path)).toEqual(row.value))
    wrapper.unmount()
  })
})
