/** Which scalar fields the item panel shows for each item type, and how each is edited. */
import type { Item, ItemType } from '@/core/format/types'
import { choiceToVeto, vetoToChoice } from './vetoChoice'

/** `veto`: none / the lowest band / a named band, edited as one select (see vetoChoice.ts). */
export type FieldKind = 'text' | 'textarea' | 'number' | 'checkbox' | 'select' | 'list' | 'date' | 'veto'

export interface FieldSpec {
  key: string
  kind: FieldKind
  /** For selects: value → i18n key of its label. */
  choices?: ReadonlyArray<readonly [string, string]>
}

const ZERO_CHOICES = [['', 'builder.props.zeroNone'], ['item', 'builder.props.zeroItem'], ['section', 'builder.props.zeroSection'], ['total', 'builder.props.zeroTotal']] as const

const COMMON: FieldSpec[] = [
  { key: 'help', kind: 'textarea' },
  { key: 'criteria', kind: 'textarea' },
  { key: 'required', kind: 'checkbox' },
  { key: 'na', kind: 'checkbox' },
]
/** A round-level answer that 下一间 keeps; not for attachment items, whose files belong to one response. */
const CARRY_OVER: FieldSpec = { key: 'carryOver', kind: 'checkbox' }
const SCORED: FieldSpec[] = [{ key: 'bonus', kind: 'checkbox' }, { key: 'allowNegative', kind: 'checkbox' }, CARRY_OVER]

export function fieldsFor(type: ItemType): FieldSpec[] {
  switch (type) {
    case 'single':
      // `default` is edited as a select of the item's options (ItemPanel); the kind is unused.
      return [{ key: 'max', kind: 'number' }, { key: 'default', kind: 'text' }, ...COMMON, ...SCORED]
    case 'multi':
      // `default` is edited as one checkbox per option (ItemPanel), the list kind stores it as string[].
      return [{ key: 'max', kind: 'number' }, { key: 'default', kind: 'list' }, ...COMMON, ...SCORED]
    case 'count':
      return [
        { key: 'max', kind: 'number' }, { key: 'deductEach', kind: 'number' }, { key: 'maxCount', kind: 'number' },
        { key: 'unitLabel', kind: 'text' }, { key: 'flag', kind: 'checkbox' }, { key: 'veto', kind: 'veto' },
        { key: 'zero', kind: 'select', choices: ZERO_CHOICES }, { key: 'default', kind: 'number' }, ...COMMON, ...SCORED,
      ]
    case 'score':
      return [{ key: 'min', kind: 'number' }, { key: 'max', kind: 'number' }, { key: 'step', kind: 'number' }, { key: 'default', kind: 'number' }, ...COMMON, ...SCORED]
    case 'number':
      return [
        { key: 'minValue', kind: 'number' }, { key: 'maxValue', kind: 'number' }, { key: 'integer', kind: 'checkbox' }, { key: 'unitLabel', kind: 'text' },
        { key: 'max', kind: 'number' }, { key: 'target', kind: 'number' }, { key: 'unit', kind: 'number' }, { key: 'deductEach', kind: 'number' },
        { key: 'default', kind: 'number' }, ...COMMON, ...SCORED,
      ]
    case 'text':
      return [{ key: 'multiline', kind: 'checkbox' }, { key: 'minLength', kind: 'number' }, { key: 'maxLength', kind: 'number' }, { key: 'pattern', kind: 'text' }, { key: 'default', kind: 'text' }, ...COMMON, CARRY_OVER]
    case 'date':
      return [{ key: 'minDate', kind: 'date' }, { key: 'maxDate', kind: 'date' }, { key: 'default', kind: 'date' }, ...COMMON, CARRY_OVER]
    case 'photo':
    case 'file':
      return [{ key: 'minCount', kind: 'number' }, { key: 'maxCount', kind: 'number' }, { key: 'accept', kind: 'list' }, { key: 'maxSizeMB', kind: 'number' }, ...COMMON]
    case 'signature':
      return COMMON
    case 'info':
      return [{ key: 'help', kind: 'textarea' }]
    default: {
      const never: never = type
      return never
    }
  }
}

/** The form value of a field as stored on the item. */
export function readField(item: Item, spec: FieldSpec): unknown {
  const v = (item as unknown as Record<string, unknown>)[spec.key]
  if (spec.kind === 'checkbox') return v === true
  if (spec.kind === 'veto') return vetoToChoice(v === true || typeof v === 'string' ? v : undefined)
  if (spec.kind === 'list') return Array.isArray(v) ? v.join(', ') : ''
  if (spec.kind === 'select') return v ?? ''
  return v ?? (spec.kind === 'number' ? undefined : '')
}

/** The stored value for a form value; undefined removes the field. */
export function toStored(spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'checkbox':
      return value === true ? true : undefined
    case 'veto':
      return choiceToVeto(typeof value === 'string' ? value : '')
    case 'number': {
      if (value === '' || value === null || value === undefined) return undefined
      const n = Number(value)
      return Number.isFinite(n) ? n : undefined
    }
    case 'list': {
      const list = String(value ?? '').split(/[,，]/).map((s) => s.trim()).filter(Boolean)
      return list.length ? list : undefined
    }
    case 'text':
    case 'textarea':
    case 'select':
    case 'date':
      return value === '' || value === null ? undefined : value
    default: {
      const never: never = spec.kind
      return never
    }
  }
}
