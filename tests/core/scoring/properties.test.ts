import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Answer, Item, Section, Template } from '@/core/format/types'
import { scoreResponse } from '@/core/scoring'
import { count, ded, pts, resp, scored, section, single, tpl } from './builders'

/** A figure with at most two decimals, in [0, maxH / 100]. */
const points = (maxH: number) => fc.integer({ min: 0, max: maxH }).map((h) => h / 100)

const deductiveItem = (id: string) =>
  fc.record({ max: points(1000), cut: points(1500), veto: fc.constantFrom(undefined, true, 'b1'), neg: fc.boolean() }).map(
    ({ max, cut, veto, neg }) =>
      single(id, [ded('ok', 0), ded('bad', cut, { flag: true, ...(veto ? { veto } : {}) })], { max, na: true, allowNegative: neg }),
  )
const additiveItem = (id: string) =>
  fc.tuple(points(500), points(500), fc.boolean()).map(([a, b, bonus]) => single(id, [pts('ok', a), pts('bad', b)], { na: true, bonus }))
const countItem = (id: string) =>
  fc.record({ max: points(800), each: points(300), neg: fc.boolean() }).map(({ max, each, neg }) =>
    count(id, max, each, { na: true, allowNegative: neg, flag: true }),
  )
const scoreItem = (id: string) => points(1000).map((max) => scored(id, max, { na: true }))

const anyItem = (id: string): fc.Arbitrary<Item> =>
  fc.oneof(deductiveItem(id), additiveItem(id), countItem(id), scoreItem(id))

/** Templates of 1–3 sections with 1–4 items each, random scoring options, four bands. */
const templates: fc.Arbitrary<Template> = fc
  .record({
    shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    normalize: fc.boolean(),
    allowOverMax: fc.boolean(),
    bonusMax: fc.option(points(500), { nil: undefined }),
    sectionMax: fc.option(points(1500), { nil: undefined }),
  })
  .chain(({ shape, normalize, allowOverMax, bonusMax, sectionMax }) => {
    let n = 0
    const sections = shape.map((size, s) =>
      fc.tuple(...Array.from({ length: size }, () => anyItem(`q${++n}`))).map((items): Section =>
        section(`s${s}`, items, s === 0 && sectionMax !== undefined ? { max: sectionMax } : {}),
      ),
    )
    return fc.tuple(...sections).map((ss) =>
      tpl(ss, {
        normalize, allowOverMax, max: 100, bonusMax,
        bands: [{ id: 'b0', label: 'A', min: 90 }, { id: 'b1', label: 'B', min: 60 }, { id: 'b2', label: 'C', min: 30 }, { id: 'b3', label: 'D', min: 0 }],
      }),
    )
  })

const items = (t: Template): Item[] => t.sections.flatMap((s) => s.items)

/** An answer for each item: sometimes none, sometimes N/A, otherwise a valid value. */
const answersFor = (t: Template): fc.Arbitrary<Record<string, Answer>> =>
  fc.tuple(...items(t).map((item) => answerFor(item))).map((list) => {
    const out: Record<string, Answer> = {}
    items(t).forEach((item, i) => {
      const a = list[i]
      if (a !== undefined) out[item.id] = a
    })
    return out
  })

function answerFor(item: Item): fc.Arbitrary<Answer | undefined> {
  const value: fc.Arbitrary<Answer> =
    item.type === 'single' ? fc.constantFrom('ok', 'bad').map((v) => ({ value: v }))
    : item.type === 'count' ? fc.integer({ min: 0, max: 20 }).map((v) => ({ value: v }))
    : item.type === 'score' ? points(Math.round(item.max * 100)).map((v) => ({ value: v }))
    : fc.constant({})
  return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant({ na: true }) }, { weight: 6, arbitrary: value })
}

const cases = templates.chain((t) => answersFor(t).map((answers) => ({ t, answers })))

describe('scoring properties', () => {
  it('keeps the total within [0, max] unless allowOverMax', () => {
    fc.assert(
      fc.property(cases, ({ t, answers }) => {
        const r = scoreResponse(t, resp(answers))
        expect(r.total).toBeGreaterThanOrEqual(0)
        if (!t.scoring?.allowOverMax) expect(r.total).toBeLessThanOrEqual(r.max)
      }),
    )
  })

  it('never lets an N/A or hidden item change another item’s points', () => {
    fc.assert(
      fc.property(cases, fc.nat(), fc.boolean(), ({ t, answers }, pick, hide) => {
        const all = items(t)
        const target = all[pick % all.length] as Item
        const before = scoreResponse(t, resp(answers))
        let after
        if (hide) {
          const hidden = structuredClone(t)
          const item = items(hidden).find((i) => i.id === target.id) as Item
          item.visibleIf = false
          after = scoreResponse(hidden, resp(answers))
        } else {
          after = scoreResponse(t, resp({ ...answers, [target.id]: { na: true } }))
        }
        const others = (r: typeof before) => r.items.filter((i) => i.id !== target.id).map((i) => [i.id, i.score, i.max])
        expect(others(after)).toEqual(others(before))
      }),
    )
  })

  it('does not depend on the order of the answer keys', () => {
    fc.assert(
      fc.property(cases, ({ t, answers }) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse())
        expect(scoreResponse(t, resp(reversed))).toEqual(scoreResponse(t, resp(answers)))
      }),
    )
  })

  it('never scores an item below 0 unless it allows negative points', () => {
    fc.assert(
      fc.property(cases, ({ t, answers }) => {
        const byId = new Map(items(t).map((i) => [i.id, i]))
        for (const r of scoreResponse(t, resp(answers)).items) {
          const item = byId.get(r.id)
          const allowNegative = item !== undefined && 'allowNegative' in item && item.allowNegative === true
          if (!allowNegative) expect(r.score).toBeGreaterThanOrEqual(0)
        }
      }),
    )
  })

  it('grades a vetoed result at or below its lowest ceiling', () => {
    fc.assert(
      fc.property(cases, ({ t, answers }) => {
        const r = scoreResponse(t, resp(answers))
        const ceiling = Math.max(-1, ...r.vetoes.map((v) => v.ceilingIndex ?? -1))
        expect(r.vetoed).toBe(r.vetoes.length > 0)
        if (r.vetoed) expect(r.band?.index).toBeGreaterThanOrEqual(ceiling)
      }),
    )
  })

  it('adds decimal figures exactly, as integer hundredths would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }), (hundredths) => {
        const list = hundredths.map((_, i) => scored(`x${i}`, 10))
        const answers = Object.fromEntries(hundredths.map((h, i) => [`x${i}`, h / 100]))
        const sumH = hundredths.reduce((a, b) => a + b, 0)
        expect(scoreResponse(tpl([section('s', list)]), resp(answers)).total).toBe(sumH / 100)
      }),
    )
  })
})
