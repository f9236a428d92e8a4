import { describe, expect, it } from 'vitest'
import { sameJson, updateItem, versionState } from '@/core/builder'
import { section, single, template } from './build'

const v1 = template([section('s1', [single('q1')])])

describe('the version the builder header names', () => {
  it('is “not published” before the first publish', () => {
    expect(versionState(v1, null)).toEqual({ published: 0, edited: true, next: 1 })
  })

  it('names the version just published, unedited, though the draft is numbered one higher', () => {
    const draft = { ...v1, version: 2 }
    expect(versionState(draft, v1)).toEqual({ published: 1, edited: false, next: 2 })
  })

  it('says the draft has unpublished changes after an edit, and not after it is undone', () => {
    const draft = { ...v1, version: 2 }
    const edited = updateItem(draft, 'q1', (i) => ({ ...i, title: '改了' }))
    expect(versionState(edited, v1).edited).toBe(true)
    const back = updateItem(edited, 'q1', (i) => ({ ...i, title: v1.sections[0]!.items[0]!.title }))
    expect(versionState(back, v1).edited).toBe(false)
  })
})

describe('sameJson', () => {
  it('ignores key order and undefined members, not values', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(sameJson({ a: 1, x: undefined }, { a: 1 })).toBe(true)
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false)
    expect(sameJson([1, 2], [2, 1])).toBe(false)
    expect(sameJson([], {})).toBe(false)
    expect(sameJson(null, {})).toBe(false)
  })
})
