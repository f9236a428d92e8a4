import { describe, expect, it } from 'vitest'
import type { Item } from '@/core/format/types'
import { itemMax, scoreResponse } from '@/core/scoring'
import { count, ded, multi, num, pts, resp, scored, section, single, text, tpl } from './builders'

describe('rule 1: item max', () => {
  it.each<[string, Item, number]>([
    ['an explicit max wins over the options', single('q', [pts('a', 3), pts('b', 5)], { max: 4 }), 4],
    ['a single defaults to its largest option points', single('q', [pts('a', 3), pts('b', 5), pts('c', 0)]), 5],
    ['a multi defaults to the sum of its positive points', multi('q', [pts('a', 1), pts('b', 2.5), pts('c', -1)]), 3.5],
    ['a score item has its max', scored('q', 10), 10],
    ['a count item has its max', count('q', 3, 0.5), 3],
    ['a number item defaults to its largest threshold points', num('q', { thresholds: [{ min: 0, points: 0 }, { min: 90, points: 4 }, { min: 60, points: 2 }] }), 4],
    ['a deductive single with a max has that max', single('q', [ded('ok', 0), ded('bad', 2)], { max: 5 }), 5],
    ['a text item carries no points', text('q'), 0],
  ])('%s', (_name, item, expected) => {
    expect(itemMax(item)).toBe(expected)
  })

  it('reports the item max on the item result of an answered item', () => {
    const t = tpl([section('s', [single('q', [pts('a', 3), pts('b', 5)])])])
    const r = scoreResponse(t, resp({ q: 'a' }))
    expect(r.items[0]).toMatchObject({ id: 'q', score: 3, max: 5, scored: true })
  })

  it('marks items without points as not scored, with max 0', () => {
    const t = tpl([section('s', [text('note'), { id: 'i', type: 'info', title: 'read me' }])])
    const r = scoreResponse(t, resp({ note: 'fine' }))
    expect(r.items.map((i) => [i.id, i.scored, i.max])).toEqual([['note', false, 0], ['i', false, 0]])
  })
})
