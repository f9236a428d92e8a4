/**
 * Live scoring re-scores only what an answer can affect; it must give exactly what scoring every
 * item gives. Random templates (visibility chains, hidden sections, requiredIf, vetoes, ceilings,
 * red lines, bands) and random sequences of single-item changes, checked after every change.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Answer, Template } from '@/core/format/types'
import { createLiveScore, scoreResponse } from '@/core/scoring'
import { allItems, answerFor, answersFor, templates } from '../random-templates'
import { ded, pts, resp, section, single, tpl } from './builders'

/** A template, the answers it opens with, and a sequence of changes: [item id, new answer or cleared]. */
const cases = templates.chain((t) => {
  const items = allItems(t)
  const change = fc.nat({ max: items.length - 1 }).chain((i) => {
    const item = items[i]!
    return answerFor(item).map((a): [string, Answer | undefined] => [item.id, a])
  })
  return fc.tuple(fc.constant(t), answersFor(t), fc.array(change, { minLength: 1, maxLength: 12 }))
})

const full = (t: Template, answers: Record<string, Answer>) =>
  scoreResponse(t, { templateId: t.id, templateVersion: t.version, answers })

describe('live scoring', () => {
  it('equals scoring every item, after the first load and after every change', () => {
    fc.assert(
      fc.property(cases, ([t, start, changes]) => {
        const live = createLiveScore(t)
        const answers = { ...start }
        expect(live.reset(start)).toEqual(full(t, answers))
        for (const [id, answer] of changes) {
          if (answer === undefined) delete answers[id]
          else answers[id] = answer
          expect(live.update(id, answer)).toEqual(full(t, answers))
        }
      }),
      { numRuns: 300 },
    )
    // Hundreds of random templates: seconds on a loaded machine, which a 5 s default can cut short.
  }, 30_000)

  it('keeps the records of items a change cannot reach, and re-scores the ones it shows', () => {
    const t = tpl([
      section('s', [
        single('gate', [pts('ok', 1), pts('bad', 0)], { max: 1 }),
        single('shown', [pts('ok', 2), ded('bad', 2)], { max: 2, visibleIf: { '==': [{ var: 'gate' }, 'ok'] } }),
        single('other', [pts('ok', 3), pts('bad', 0)], { max: 3 }),
      ]),
    ])
    const live = createLiveScore(t)
    const first = live.reset({ gate: { value: 'bad' }, shown: { value: 'ok' }, other: { value: 'ok' } })
    expect(first.items[1]).toMatchObject({ hidden: true })
    const next = live.update('gate', { value: 'ok' })
    // `other` is untouched: the very same record; `shown` appeared and counts its answer now.
    expect(next.items[2]).toBe(first.items[2])
    expect(next.items[1]).toMatchObject({ hidden: false, score: 2 })
    expect(next.total).toBe(full(t, resp({ gate: 'ok', shown: 'ok', other: 'ok' }).answers).total)
  })
})
