import { describe, expect, it } from 'vitest'
import {
  hiddenSectionIds,
  indexTemplate,
  itemPosition,
  scoreResponse,
  sectionPath,
  sectionResults,
  sectionsById,
  subtreeItemCounts,
} from '@/core/scoring'
import { resp, section, tpl, yesNo } from './builders'

// s1: a, b, then child s1a (c) and s1b (d, e); s2: f; s2 again as a duplicate id (g).
const t = tpl([
  section('s1', [yesNo('a', 1), yesNo('b', 1), section('s1a', [yesNo('c', 1)]), section('s1b', [yesNo('d', 1), yesNo('e', 1)])]),
  section('s2', [yesNo('f', 1, { visibleIf: { '==': [{ var: 'a' }, 'yes'] } })], { visibleIf: { '==': [{ var: 'b' }, 'yes'] } }),
  section('s2', [yesNo('g', 1)]),
])

describe('lookups over the template index', () => {
  const index = indexTemplate(t)

  it('finds the first section with an id, at any depth', () => {
    const byId = sectionsById(index)
    expect(byId.get('s1b')?.section).toBe(t.sections[0]?.sections?.[1])
    expect(byId.get('s2')?.section).toBe(t.sections[1])
    expect(byId.get('nope')).toBeUndefined()
    expect(sectionsById(index)).toBe(byId)
  })

  it('gives a section its path and an item its place in its section', () => {
    expect(sectionPath(sectionsById(index).get('s1b')!)).toEqual([0, 1])
    expect(sectionPath(sectionsById(index).get('s2')!)).toEqual([1])
    expect(itemPosition(index.itemsById.get('e')!)).toBe(1)
    expect(itemPosition(index.itemsById.get('a')!)).toBe(0)
  })

  it('counts the items of a section with those of its child sections', () => {
    const counts = subtreeItemCounts(index)
    expect(index.topSections.map((s) => counts[s])).toEqual([5, 1, 1])
    expect(counts[sectionsById(index).get('s1b')!.index]).toBe(2)
  })

  it('lines up a score’s section results with the index and names the hidden ones', () => {
    const result = scoreResponse(t, resp({ a: 'no', b: 'no' }))
    const lined = sectionResults(index, result.sections)
    expect(lined.map((r) => r?.id)).toEqual(index.sections.map((s) => s.section.id))
    expect(hiddenSectionIds(t, result)).toEqual(['s2'])
    const nested = tpl([section('p', [yesNo('x', 1), section('q', [yesNo('y', 1)], { visibleIf: { '==': [{ var: 'x' }, 'yes'] } })])])
    expect(hiddenSectionIds(nested, scoreResponse(nested, resp({ x: 'no' })))).toEqual(['q'])
    expect(hiddenSectionIds(nested, scoreResponse(nested, resp({ x: 'yes' })))).toEqual([])
  })
})
