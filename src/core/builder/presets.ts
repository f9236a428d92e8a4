/**
 * Option presets (format.md: 符合/基本符合/不符合, 是/否/不适用 …) and blank nodes of each type.
 * Presets scale to the item's max: deductive presets take all or half of it off.
 */
import type { Item, ItemType, Option, Section } from '../format/types'

export const OPTION_PRESETS = ['comply3', 'yesNoNa', 'passFail', 'grade4'] as const
export type OptionPreset = (typeof OPTION_PRESETS)[number]

export const PRESET_LABELS = {
  comply3: '符合 / 基本符合 / 不符合',
  yesNoNa: '是 / 否 / 不适用',
  passFail: '合格 / 不合格',
  grade4: '好 / 较好 / 一般 / 差',
} as const satisfies Record<OptionPreset, string>

const half = (max: number): number => Math.round(max * 50) / 100

/** The preset's options for an item worth `max` points. */
export function presetOptions(preset: OptionPreset, max: number): Option[] {
  switch (preset) {
    case 'comply3':
      return [
        { id: 'ok', label: '符合', deduct: 0 },
        { id: 'partly', label: '基本符合', deduct: half(max) },
        { id: 'no', label: '不符合', deduct: max, flag: true },
      ]
    case 'yesNoNa':
      return [
        { id: 'yes', label: '是', points: max },
        { id: 'no', label: '否', points: 0, flag: true },
        { id: 'na', label: '不适用', na: true },
      ]
    case 'passFail':
      return [
        { id: 'pass', label: '合格', points: max },
        { id: 'fail', label: '不合格', points: 0, flag: true },
      ]
    case 'grade4':
      return [
        { id: 'good', label: '好', points: max },
        { id: 'fair', label: '较好', points: Math.round(max * 80) / 100 },
        { id: 'avg', label: '一般', points: Math.round(max * 60) / 100 },
        { id: 'poor', label: '差', points: 0, flag: true },
      ]
    default: {
      const never: never = preset
      return never
    }
  }
}

/** A new item of `type` with sensible starting fields, so it validates as soon as it is added. */
export function blankItem(type: ItemType, id: string, title: string): Item {
  switch (type) {
    case 'single':
      return { id, type, title, max: 2, options: presetOptions('comply3', 2) }
    case 'multi':
      return { id, type, title, options: [{ id: 'a', label: '选项A', points: 1 }, { id: 'b', label: '选项B', points: 1 }] }
    case 'count':
      return { id, type, title, max: 2, deductEach: 0.5, flag: true, unitLabel: '处' }
    case 'score':
      return { id, type, title, min: 0, max: 5, step: 0.5 }
    case 'number':
      return { id, type, title, thresholds: [{ min: 0, points: 0 }, { min: 90, points: 2 }] }
    case 'text':
      return { id, type, title }
    case 'date':
      return { id, type, title }
    case 'photo':
    case 'file':
      return { id, type, title, maxCount: 3 }
    case 'signature':
      return { id, type, title }
    case 'info':
      return { id, type, title }
    default: {
      const never: never = type
      return never
    }
  }
}

/**
 * The item as another type: the common fields (title, help, required, conditions, evidence …)
 * carry over; type-specific fields start fresh, except options between single and multi.
 */
export function changeItemType(item: Item, type: ItemType): Item {
  if (item.type === type) return item
  const fresh = blankItem(type, item.id, item.title) as Item & Record<string, unknown>
  const keep = ['help', 'required', 'visibleIf', 'requiredIf', 'evidence', 'na', 'bonus', 'criteria', 'carryOver'] as const
  const source = item as Item & Record<string, unknown>
  const out: Record<string, unknown> = { ...fresh }
  for (const key of keep) {
    if (type === 'info' && key !== 'help' && key !== 'visibleIf') continue
    if (source[key] !== undefined) out[key] = source[key]
  }
  if ((type === 'single' || type === 'multi') && (item.type === 'single' || item.type === 'multi')) out.options = item.options
  return out as unknown as Item
}

export function blankSection(id: string, title: string): Section {
  return { id, title, items: [] }
}
