/** The builder's lookups read the scoring index; edits that move nodes address them by path. */
import { describe, expect, it } from 'vitest'
import { allItems, findItem, findSection, moveItem, moveSection, pointerTarget, usedIds } from '@/core/builder'
import { templateIndex } from '@/core/exchange/results/table'
import { section, single, template } from './build'

const ids = (t: ReturnType<typeof template>): string[] => allItems(t).map((i) => i.id)
const outline = (t: ReturnType<typeof template>): unknown =>
  t.sections.map((s) => [s.id, s.items.map((i) => i.id), (s.sections ?? []).map((c) => [c.id, c.items.map((i) => i.id)])])

describe('builder lookups over the index', () => {
  const base = template([
    section('s1', [single('a')]),
    section('s2', [single('b')], [section('s2a', [single('c')]), section('s2b', [single('d')])]),
    section('s3', [single('e')]),
  ])

  it('locates items and sections at any depth, with their paths and parent', () => {
    expect(findItem(base, 'd')).toMatchObject({ sectionPath: [1, 1], index: 0, section: { id: 's2b' } })
    expect(findSection(base, 's2b')).toMatchObject({ path: [1, 1], parentId: 's2' })
    expect(findSection(base, 's3')).toMatchObject({ path: [2], parentId: null })
    expect(findItem(base, 'zz')).toBeNull()
    expect(findSection(base, 'zz')).toBeNull()
    expect(usedIds(base)).toEqual(new Set(['s1', 's2', 's2a', 's2b', 's3', 'a', 'b', 'c', 'd', 'e']))
  })

  it('takes the first of duplicate ids in template order', () => {
    const dup = template([section('s1', [single('a')], [section('x', [single('q')])]), section('x', [single('q')])])
    expect(findSection(dup, 'x')?.path).toEqual([0, 0])
    expect(findItem(dup, 'q')?.sectionPath).toEqual([0, 0])
  })

  it('moves an item into a later or nested section, and within its own', () => {
    expect(outline(moveItem(base, 'a', 's2b', 1))).toEqual([
      ['s1', [], []],
      ['s2', ['b'], [['s2a', ['c']], ['s2b', ['d', 'a']]]],
      ['s3', ['e'], []],
    ])
    expect(ids(moveItem(base, 'e', 's1', 0))).toEqual(['e', 'a', 'b', 'c', 'd'])
    const two = template([section('s1', [single('a'), single('b'), single('c')])])
    expect(ids(moveItem(two, 'a', 's1', 2))).toEqual(['b', 'c', 'a'])
  })

  it('moves a section under a parent that sits after it, where the removal shifts the parent', () => {
    expect(outline(moveSection(base, 's1', 's3', 0))).toEqual([
      ['s2', ['b'], [['s2a', ['c']], ['s2b', ['d']]]],
      ['s3', ['e'], [['s1', ['a']]]],
    ])
    expect(outline(moveSection(base, 's3', 's1', 0))).toEqual([
      ['s1', ['a'], [['s3', ['e']]]],
      ['s2', ['b'], [['s2a', ['c']], ['s2b', ['d']]]],
    ])
  })

  it('moves a child section to the top level or to another parent', () => {
    expect(outline(moveSection(base, 's2a', null, 3))).toEqual([
      ['s1', ['a'], []],
      ['s2', ['b'], [['s2b', ['d']]]],
      ['s3', ['e'], []],
      ['s2a', ['c'], []],
    ])
    expect(outline(moveSection(base, 's2b', 's1', 0))).toEqual([
      ['s1', ['a'], [['s2b', ['d']]]],
      ['s2', ['b'], [['s2a', ['c']]]],
      ['s3', ['e'], []],
    ])
    expect(outline(moveSection(base, 's2b', 's2', 0))).toEqual([
      ['s1', ['a'], []],
      ['s2', ['b'], [['s2b', ['d']], ['s2a', ['c']]]],
      ['s3', ['e'], []],
    ])
  })

  it('stops a pointer at the deepest node that exists', () => {
    expect(pointerTarget(base, '/sections/9/items/0')).toEqual({ node: { kind: 'template' }, field: ['sections', '9', 'items', '0'] })
    expect(pointerTarget(base, '/sections/1/items/7/title')).toEqual({ node: { kind: 'section', id: 's2' }, field: ['items', '7', 'title'] })
    expect(pointerTarget(base, '/sections/1/sections/1/items/0')).toEqual({ node: { kind: 'item', id: 'd' }, field: [] })
    expect(pointerTarget(base, '/sections/x')).toEqual({ node: { kind: 'template' }, field: ['sections', 'x'] })
  })
})

describe('results tables: items and sections by id', () => {
  it('includes nested sections and keeps the first of duplicate ids', () => {
    const dup = template([section('s1', [single('a')], [section('s1a', [single('b')])]), section('s2', [{ ...single('a'), title: '后' }])])
    const { items, sections } = templateIndex(dup)
    expect([...sections.keys()]).toEqual(['s1', 's1a', 's2'])
    expect([...items.keys()]).toEqual(['a', 'b'])
    expect(items.get('a')?.title).toBe('题 a')
  })
})
