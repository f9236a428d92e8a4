import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AA_TEXT, CSS_NAMED_COLOURS, badgeColours, contrastRatio, inkOn, parseColour, relativeLuminance, textOn, toHex, type Rgb } from '@/core/colour'

const channel = fc.integer({ min: 0, max: 255 })
const rgb: fc.Arbitrary<Rgb> = fc.tuple(channel, channel, channel)
/** Any colour a template may carry: #rrggbb, #rgb or a CSS name. */
const hex6 = rgb.map(toHex)
const hex3 = fc.tuple(fc.nat(15), fc.nat(15), fc.nat(15)).map((ds) => '#' + ds.map((d) => d.toString(16)).join(''))
const named = fc.constantFrom(...Object.keys(CSS_NAMED_COLOURS))
const anyColour = fc.oneof(hex6, hex3, hex6.map((h) => h.toUpperCase()), named)
const ratio = (a: string, b: string): number => contrastRatio(parseColour(a)!, parseColour(b)!)

describe('relative luminance and contrast', () => {
  it('match the WCAG reference values', () => {
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 10)
    expect(relativeLuminance([0, 0, 0])).toBe(0)
    expect(ratio('#000', '#fff')).toBeCloseTo(21, 10)
    // The well-known pair: #767676 is the lightest grey that passes AA on white, #777777 fails.
    expect(ratio('#767676', '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT)
    expect(ratio('#777777', '#ffffff')).toBeLessThan(AA_TEXT)
  })

  it('is symmetric and between 1 and 21', () => {
    fc.assert(
      fc.property(rgb, rgb, (a, b) => {
        const r = contrastRatio(a, b)
        expect(r).toBeCloseTo(contrastRatio(b, a), 12)
        expect(r).toBeGreaterThanOrEqual(1)
        expect(r).toBeLessThanOrEqual(21 + 1e-9)
      }),
    )
  })
})

describe('parseColour reads what the template schema allows', () => {
  it('reads #rgb, #rrggbb and names in any case, and nothing else', () => {
    expect(parseColour('#fa0')).toEqual([255, 170, 0])
    expect(parseColour('#FFEBE9')).toEqual([255, 235, 233])
    expect(parseColour('Green')).toEqual([0, 128, 0])
    expect(parseColour('rebeccapurple')).toEqual([102, 51, 153])
    for (const bad of [undefined, '', 'url(x)', '#12', '#12345g', 'notacolour', 'rgb(1,2,3)']) expect(parseColour(bad)).toBeNull()
  })

  it('round-trips every #rrggbb', () => {
    fc.assert(fc.property(hex6, (h) => {
      expect(toHex(parseColour(h)!)).toBe(h)
    }))
  })
})

describe('text on a coloured background (a band chip)', () => {
  it('always reaches AA, whatever colour is chosen', () => {
    fc.assert(
      fc.property(anyColour, (bg) => {
        expect(ratio(textOn(bg), bg)).toBeGreaterThanOrEqual(AA_TEXT)
        const chip = badgeColours(bg, '#57606a')
        expect(contrastRatio(parseColour(chip.color)!, parseColour(chip.background)!)).toBeGreaterThanOrEqual(AA_TEXT)
      }),
      { numRuns: 2000 },
    )
  })

  it('reads dark on the builder default pale tints and white on the samples’ deep colours', () => {
    for (const pale of ['#dafbe1', '#ddf4ff', '#fff8c5', '#ffebe9']) expect(textOn(pale)).toBe('#1f2733')
    for (const deep of ['#c62828', '#2e7d32', '#1565c0', '#616161']) expect(textOn(deep)).toBe('#ffffff')
  })

  it('falls back for an unknown colour and still reads', () => {
    expect(badgeColours('notacolour', '#57606a')).toEqual({ background: '#57606a', color: '#ffffff' })
    expect(badgeColours(undefined, '#eaeef2').color).toBe('#1f2733')
  })
})

describe('a colour as text (band name in a list)', () => {
  it('always reaches AA on white, whatever colour is chosen', () => {
    fc.assert(fc.property(anyColour, (c) => {
      expect(ratio(inkOn(c)!, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT)
    }), { numRuns: 2000 })
  })

  it('reaches AA on any one background, light or dark', () => {
    fc.assert(fc.property(anyColour, hex6, (c, bg) => {
      expect(ratio(inkOn(c, bg)!, bg)).toBeGreaterThanOrEqual(AA_TEXT)
    }), { numRuns: 2000 })
  })

  it('reaches AA on every background given (a row and its hover shade)', () => {
    fc.assert(
      fc.property(anyColour, (c) => {
        const ink = inkOn(c, '#ffffff', '#e8f0fa')!
        expect(ratio(ink, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT)
        expect(ratio(ink, '#e8f0fa')).toBeGreaterThanOrEqual(AA_TEXT)
      }),
    )
  })

  it('keeps a colour that already reads, and darkens a pale one only as far as needed', () => {
    expect(inkOn('#c62828')).toBe('#c62828')
    const ink = inkOn('#ffebe9')!
    expect(ratio(ink, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT)
    // Not simply black: the red tint is still there (red channel above the others).
    const [r, g, b] = parseColour(ink)!
    expect(r).toBeGreaterThan(g)
    expect(r).toBeGreaterThan(b)
    expect(ink).not.toBe('#000000')
  })

  it('gives nothing for no colour or an unknown one, so the ordinary text colour stays', () => {
    expect(inkOn(undefined)).toBeUndefined()
    expect(inkOn('notacolour')).toBeUndefined()
  })
})
