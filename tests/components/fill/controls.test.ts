// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { Option } from '@/core/format/types'
import ChoiceButtons from '@/components/fill/ChoiceButtons.vue'
import NumberStepper from '@/components/fill/NumberStepper.vue'
import NumberInput from '@/components/fill/NumberInput.vue'
import TextInput from '@/components/fill/TextInput.vue'
import DateInput from '@/components/fill/DateInput.vue'
import { snapToStep } from '@/components/fill/numbers'
import { mountFill } from './mountWith'

const options: Option[] = [
  { id: 'ok', label: '符合' },
  { id: 'part', label: '基本符合' },
  { id: 'bad', label: '不符合', flag: true },
]

const emitted = <T>(w: { emitted: (e: string) => unknown[][] | undefined }, event = 'update:modelValue'): T[] =>
  (w.emitted(event) ?? []).map((args) => args[0] as T)

describe('ChoiceButtons', () => {
  it('emits the tapped option id for a single choice, as a radio group named by the item', async () => {
    const w = mountFill(ChoiceButtons, { props: { options, modelValue: 'ok', label: '灭火器' } })
    expect(w.get('[role=radiogroup]').attributes('aria-label')).toBe('灭火器')
    expect(w.get('[data-option=ok]').attributes('aria-checked')).toBe('true')
    expect(w.get('[data-option=bad]').attributes('aria-checked')).toBe('false')
    await w.get('[data-option=bad]').trigger('click')
    expect(emitted<string>(w)).toEqual(['bad'])
  })

  it('toggles options of a multi choice and keeps the template order', async () => {
    const w = mountFill(ChoiceButtons, { props: { options, multiple: true, modelValue: ['bad'], label: 'x' } })
    expect(w.findAll('[role=checkbox]')).toHaveLength(3)
    await w.get('[data-option=ok]').trigger('click')
    expect(emitted<string[]>(w)).toEqual([['ok', 'bad']])
    await w.setProps({ modelValue: ['ok', 'bad'] })
    await w.get('[data-option=bad]').trigger('click')
    expect(emitted<string[]>(w).at(-1)).toEqual(['ok'])
  })

  it('emits nothing when read-only', async () => {
    const w = mountFill(ChoiceButtons, { props: { options, modelValue: undefined, label: 'x', disabled: true } })
    await w.get('[data-option=ok]').trigger('click')
    expect(w.emitted('update:modelValue')).toBeUndefined()
  })
})

// A count row's stepper: whole numbers from 0, never above maxCount (as FillItemRow mounts it).
const countProps = { min: 0, step: 1, integer: true } as const
// A score row's stepper: on the step grid, unanswered from full marks (as FillItemRow mounts it).
const scoreProps = { min: 0, step: 1, fromTop: true } as const

describe('NumberStepper as a count', () => {
  it('counts up from unanswered and names its buttons after the item', async () => {
    const w = mountFill(NumberStepper, { props: { ...countProps, modelValue: undefined, label: '私拉电线' } })
    const [minus, plus] = w.findAll('button')
    expect(plus!.attributes('aria-label')).toBe('增加 私拉电线')
    expect(minus!.attributes('disabled')).toBeDefined()
    await plus!.trigger('click')
    expect(emitted<number>(w)).toEqual([1])
  })

  it('never goes above maxCount, and clamps a typed count', async () => {
    const w = mountFill(NumberStepper, { props: { ...countProps, modelValue: 3, label: 'x', max: 3 } })
    expect(w.findAll('button')[1]!.attributes('disabled')).toBeDefined()
    const input = w.get('input')
    await input.setValue('7')
    expect(emitted<number>(w)).toEqual([3])
    await input.setValue('-2')
    expect(emitted<number>(w).at(-1)).toBe(0)
  })

  it('says what is counted around the box: 缺 [ ] 次', () => {
    const w = mountFill(NumberStepper, { props: { ...countProps, modelValue: undefined, label: 'x', prefix: '缺', unitLabel: '次' } })
    const parts = w.findAll('.unit').map((u) => u.text())
    expect(parts).toEqual(['缺', '次'])
    expect(w.html().indexOf('缺')).toBeLessThan(w.html().indexOf('<input'))
  })
})

describe('NumberStepper as a score', () => {
  it('steps by `step` within [min, max]', async () => {
    const w = mountFill(NumberStepper, { props: { ...scoreProps, modelValue: 9.5, label: '卫生', min: 0, max: 10, step: 0.5 } })
    const [minus, plus] = w.findAll('button')
    await plus!.trigger('click')
    await minus!.trigger('click')
    expect(emitted<number>(w)).toEqual([10, 9])
  })

  it('disables + at max and − at min', () => {
    const top = mountFill(NumberStepper, { props: { ...scoreProps, modelValue: 5, label: 'x', max: 5 } })
    expect(top.findAll('button')[1]!.attributes('disabled')).toBeDefined()
    const bottom = mountFill(NumberStepper, { props: { ...scoreProps, modelValue: 1, label: 'x', min: 1, max: 5 } })
    expect(bottom.findAll('button')[0]!.attributes('disabled')).toBeDefined()
  })

  it('starts an unanswered score from full marks', async () => {
    const w = mountFill(NumberStepper, { props: { ...scoreProps, modelValue: undefined, label: 'x', max: 4, step: 0.5 } })
    const [minus, plus] = w.findAll('button')
    await minus!.trigger('click')
    await plus!.trigger('click')
    expect(emitted<number>(w)).toEqual([3.5, 4])
  })

  it('snaps a typed score onto the step grid', async () => {
    const w = mountFill(NumberStepper, { props: { ...scoreProps, modelValue: undefined, label: 'x', max: 10, step: 0.5 } })
    await w.get('input').setValue('7.3')
    await w.get('input').setValue('12')
    expect(emitted<number>(w)).toEqual([7.5, 10])
  })
})

describe('NumberStepper', () => {
  it('emits a typed value on every keystroke, marked as typed, before the box is left', async () => {
    const w = mountFill(NumberStepper, { props: { modelValue: undefined, label: 'x', min: 5, max: 20, integer: true } })
    const input = w.get('input')
    const el = input.element as HTMLInputElement
    el.value = '1'
    await input.trigger('input')
    // Fitted for the total (1 → 5), but the box keeps "1" so that typing "10" is not turned into "50".
    expect(w.emitted('update:modelValue')).toEqual([[5, true]])
    await w.setProps({ modelValue: 5 })
    expect(el.value).toBe('1')
    el.value = '10'
    await input.trigger('input')
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([10, true])
    el.value = '30'
    await input.trigger('input')
    await w.setProps({ modelValue: 20 })
    await input.trigger('change')
    await input.trigger('blur')
    expect(el.value).toBe('20')
    expect(w.emitted('update:modelValue')).toHaveLength(3)
  })

  it('integer: truncates a typed fraction and clamps it into [min, max]', async () => {
    const w = mountFill(NumberStepper, { props: { modelValue: 2, label: 'x', min: 1, max: 5, integer: true } })
    const input = w.get('input')
    expect(input.attributes('inputmode')).toBe('numeric')
    await input.setValue('3.9')
    await input.setValue('0')
    await input.setValue('9')
    expect(emitted<number>(w)).toEqual([3, 1, 5])
  })

  it('grid: snaps a typed value onto the step grid counted from min', async () => {
    const w = mountFill(NumberStepper, { props: { modelValue: undefined, label: 'x', min: 1, max: 10, step: 2 } })
    expect(w.get('input').attributes('inputmode')).toBe('decimal')
    await w.get('input').setValue('4.2')
    await w.get('input').setValue('10')
    expect(emitted<number>(w)).toEqual([5, 9])
  })

  it('unanswered starts from min: − is off, + gives min + step; without max, + never stops', async () => {
    const w = mountFill(NumberStepper, { props: { modelValue: undefined, label: 'x', integer: true } })
    const [minus, plus] = w.findAll('button')
    // Empty means empty: no grey "0" that reads like an answer.
    expect((w.get('input').element as HTMLInputElement).value).toBe('')
    expect(w.get('input').attributes('placeholder')).toBeUndefined()
    expect(minus!.attributes('disabled')).toBeDefined()
    await plus!.trigger('click')
    expect(emitted<number>(w)).toEqual([1])
    await w.setProps({ modelValue: 1_000_000 })
    expect(plus!.attributes('disabled')).toBeUndefined()
  })

  it('unanswered from the top: both buttons answer, from max', async () => {
    const w = mountFill(NumberStepper, { props: { modelValue: undefined, label: 'x', min: 0, max: 3, fromTop: true } })
    const [minus, plus] = w.findAll('button')
    // No grey "3" (the max) in the box: it read like an answer of full marks.
    expect(w.get('input').attributes('placeholder')).toBeUndefined()
    expect(plus!.attributes('disabled')).toBeUndefined()
    await plus!.trigger('click')
    await minus!.trigger('click')
    expect(emitted<number>(w)).toEqual([3, 2])
  })

  it('emits nothing when read-only, and shows the unit', async () => {
    const w = mountFill(NumberStepper, { props: { modelValue: 2, label: 'x', unitLabel: '处', disabled: true } })
    expect(w.text()).toContain('处')
    expect(w.findAll('button').every((b) => b.attributes('disabled') !== undefined)).toBe(true)
    await w.get('input').setValue('4')
    expect(w.emitted('update:modelValue')).toBeUndefined()
  })
})

describe('snapToStep', () => {
  it('is exact in hundredths', () => {
    expect(snapToStep(0.3, 0, 1, 0.1)).toBe(0.3)
    expect(snapToStep(2.26, 0, 3, 0.25)).toBe(2.25)
  })

  it('stays on the grid counted from min and never passes max', () => {
    expect(snapToStep(10, 1, 10, 2)).toBe(9)
    expect(snapToStep(-4, 1, 10, 2)).toBe(1)
  })
})

describe('NumberInput, TextInput, DateInput', () => {
  it('number: emits the typed number, clamps on change, and undefined when cleared', async () => {
    const w = mountFill(NumberInput, { props: { modelValue: undefined, label: '出勤率', minValue: 0, maxValue: 100 } })
    const input = w.get('input')
    expect(input.attributes('aria-label')).toBe('出勤率')
    await input.setValue('95.5')
    await input.setValue('120')
    await input.setValue('')
    expect(emitted<number | undefined>(w)).toEqual([95.5, 120, 100, undefined])
  })

  it('number: truncates an integer item', async () => {
    const w = mountFill(NumberInput, { props: { modelValue: undefined, label: 'x', integer: true } })
    await w.get('input').setValue('3.7')
    expect(emitted<number>(w)).toEqual([3])
  })

  it('text: emits every keystroke, single-line or multiline', async () => {
    const single = mountFill(TextInput, { props: { modelValue: '', label: '情况说明' } })
    await single.get('input').setValue('窗户')
    expect(emitted<string>(single)).toEqual(['窗户'])
    const multi = mountFill(TextInput, { props: { modelValue: '', label: 'x', multiline: true } })
    await multi.get('textarea').setValue('第一行\n第二行')
    expect(emitted<string>(multi)).toEqual(['第一行\n第二行'])
  })

  it('date: emits the ISO date and undefined when cleared', async () => {
    const w = mountFill(DateInput, { props: { modelValue: undefined, label: '检查日期', minDate: '2026-01-01' } })
    expect(w.get('input').attributes('min')).toBe('2026-01-01')
    await w.get('input').setValue('2026-03-05')
    await w.get('input').setValue('')
    expect(emitted<string | undefined>(w)).toEqual(['2026-03-05', undefined])
  })
})
