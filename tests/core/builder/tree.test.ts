import { describe, expect, it } from 'vitest'
import {
  allItems,
  findItem,
  insertItem,
  insertSection,
  moveItem,
  moveSection,
  nudgeItem,
  nudgeSection,
  removeItem,
  removeSection,
  updateItem,
} from '@/core/builder'
import { section, single, template } from './build'

const ids = (t: ReturnType<typeof template>): string[] => allItems(t).map((i) => i.id)

describe('tree edits', () => {
  const base = template([section('s1', [single('a'), single('b')]), section('s2', [single('c')], [section('s2a', [single('d')])])])

  it('updates one item and shares every untouched branch with the old template', () => {
    const next = updateItem(base, 'c', (i) => ({ ...i, title: '新标题' }))
    expect(findItem(next, 'c')?.item.title).toBe('新标题')
    expect(next.sections[0]).toBe(base.sections[0])
    expect(next.sections[1]?.sections?.[0]).toBe(base.sections[1]?.sections?.[0])
    expect(findItem(base, 'c')?.item.title).toBe('题 c')
  })

  it('inserts, removes and moves items between sections, nested ones included', () => {
    expect(ids(insertItem(base, 's1', single('x'), 1))).toEqual(['a', 'x', 'b', 'c', 'd'])
    expect(ids(removeItem(base, 'b'))).toEqual(['a', 'c', 'd'])
    expect(ids(moveItem(base, 'a', 's2a', 0))).toEqual(['b', 'c', 'a', 'd'])
    expect(ids(moveItem(base, 'a', 's1', 1))).toEqual(['b', 'a', 'c', 'd'])
  })

  it('nudges an item past its section edge into the neighbouring section', () => {
    expect(ids(nudgeItem(base, 'b', 1))).toEqual(['a', 'b', 'c', 'd'])
    expect(findItem(nudgeItem(base, 'b', 1), 'b')?.section.id).toBe('s2')
    expect(findItem(nudgeItem(base, 'c', -1), 'c')?.section.id).toBe('s1')
    expect(nudgeItem(base, 'a', -1)).toBe(base)
  })

  it('adds, removes and reorders sections, keeping nesting to one level', () => {
    const added = insertSection(base, 's1', section('s1a', []))
    expect(added.sections[0]?.sections?.map((s) => s.id)).toEqual(['s1a'])
    expect(removeSection(base, 's2a').sections[1]?.sections).toBeUndefined()
    expect(nudgeSection(base, 's2', -1).sections.map((s) => s.id)).toEqual(['s2', 's1'])
    // s2 holds a child section, so it cannot go under s1 (two levels at most).
    expect(moveSection(base, 's2', 's1', 0)).toBe(base)
    expect(moveSection(base, 's2a', null, 0).sections.map((s) => s.id)).toEqual(['s2a', 's1', 's2'])
  })
})
