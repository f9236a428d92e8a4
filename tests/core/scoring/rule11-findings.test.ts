import { describe, expect, it } from 'vitest'
import type { EvidenceRule } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { count, ded, multi, resp, section, single, tpl } from './builders'

const hazard = (id: string, evidence?: EvidenceRule) =>
  single(id, [ded('ok', 0), ded('bad', 2, { flag: true })], { max: 2, ...(evidence ? { evidence } : {}) })

describe('rule 11: findings', () => {
  it('lists a flagged option with its section, root section, note and attachments', () => {
    const t = tpl([section('power', [section('wiring', [hazard('cable')])])])
    const r = scoreResponse(t, resp({ cable: { value: 'bad', note: '床头插线板串接', attachments: ['ph1'] } }))
    expect(r.items[0]?.flagged).toBe(true)
    expect(r.findings).toEqual([
      { itemId: 'cable', sectionId: 'wiring', rootSectionId: 'power', title: 'cable', optionIds: ['bad'], note: '床头插线板串接', attachments: ['ph1'] },
    ])
  })

  it('lists a count above 0 on a flagged item, with the count', () => {
    const t = tpl([section('s', [count('app', 10, 2, { flag: true })])])
    expect(scoreResponse(t, resp({ app: 0 })).findings).toEqual([])
    expect(scoreResponse(t, resp({ app: 2 })).findings).toEqual([
      { itemId: 'app', sectionId: 's', rootSectionId: 's', title: 'app', optionIds: [], count: 2, attachments: [] },
    ])
  })

  it('names only the flagging options of a multi answer', () => {
    const t = tpl([section('s', [multi('m', [ded('a', 1, { flag: true }), ded('b', 1), ded('c', 1, { flag: true })], { max: 3 })])])
    expect(scoreResponse(t, resp({ m: ['a', 'b', 'c'] })).findings[0]?.optionIds).toEqual(['a', 'c'])
  })

  it('ignores flags on hidden and N/A items', () => {
    const t = tpl([section('s', [hazard('h1'), { ...hazard('h2'), visibleIf: false }, { ...hazard('h3'), na: true }])])
    const r = scoreResponse(t, resp({ h1: 'ok', h2: 'bad', h3: { na: true } }))
    expect(r.findings).toEqual([])
  })

  it.each<[string, EvidenceRule, string, string[], boolean]>([
    ['always, none attached', { required: 'always' }, 'ok', [], true],
    ['always, one attached', { required: 'always' }, 'ok', ['ph1'], false],
    ['always, min 2, one attached', { required: 'always', min: 2 }, 'ok', ['ph1'], true],
    ['onFlag, not flagged', { required: 'onFlag' }, 'ok', [], false],
    ['onFlag, flagged, none attached', { required: 'onFlag' }, 'bad', [], true],
    ['never', { required: 'never' }, 'bad', [], false],
  ])('lists missing evidence when %s: %s', (_name, evidence, value, attachments, missing) => {
    const t = tpl([section('s', [hazard('h', evidence)])])
    expect(scoreResponse(t, resp({ h: { value, attachments } })).missingEvidence).toEqual(missing ? ['h'] : [])
  })
})
