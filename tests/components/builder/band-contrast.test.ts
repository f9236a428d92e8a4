// @vitest-environment happy-dom
// A band's colour is chosen in the builder and shown across the app: as a chip's background
// (fill summary) and as text colour (result list). Whatever colour is chosen, its label reads.
import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia } from 'pinia'
import type { Template } from '@/core/format/types'
import { AA_TEXT, contrastRatio, parseColour, type Rgb } from '@/core/colour'
import { scoreResponse, summarizeSections } from '@/core/scoring'
import type { ResultSummary } from '@/core/stats/types'
import { createAppI18n } from '@/app/i18n'
import FillSummary from '@/components/fill/FillSummary.vue'
import ResultRow from '@/components/results/ResultRow.vue'

/** The builder's default pale tints, and deep colours of the shipped samples. */
const COLOURS = ['#ffebe9', '#dafbe1', '#fff8c5', '#ddf4ff', '#c62828', '#1565c0', 'yellow', 'white']
const i18n = () => createAppI18n('zh-CN')
/** A painted colour as channels: the DOM may hand back rgb() for what was set as hex. */
const channels = (css: string): Rgb => {
  const rgb = css.match(/^rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/)
  const parsed = rgb ? ([Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] as const) : parseColour(css)
  if (!parsed) throw new Error(`not a colour: "${css}"`)
  return parsed
}
const ratio = (a: string, b: string): number => contrastRatio(channels(a), channels(b))

function failing(color: string): Template {
  return {
    id: 't', version: 1, title: '宿舍检查',
    sections: [{ id: 's1', title: '一级指标 1', items: [{ id: 'q1', type: 'score', title: '整洁', max: 5 }] }],
    scoring: { bands: [{ label: '合格', min: 3 }, { label: '不合格', min: 0, color }] },
  }
}

describe('band labels in their colour', () => {
  it.each(COLOURS)('read on the fill summary chip in %s', (color) => {
    const t = failing(color)
    const result = scoreResponse(t, { templateId: 't', templateVersion: 1, answers: { q1: { value: 1 } } })
    const wrapper = mount(FillSummary, {
      props: { result, sections: summarizeSections(t.sections, result), titles: new Map(), progress: { answered: 1, applicable: 1 }, template: t },
      global: { plugins: [i18n()] },
    })
    const chip = wrapper.get('[data-testid=band]').element as HTMLElement
    expect(chip.textContent?.trim()).toBe('不合格')
    expect(ratio(chip.style.color, chip.style.backgroundColor)).toBeGreaterThanOrEqual(AA_TEXT)
  })

  it.each(COLOURS)('read as text in the result list in %s', (color) => {
    const summary: ResultSummary = {
      id: 'r1', templateId: 't', templateVersion: 1, templateTitle: '宿舍检查', role: 'self', subject: { room: '101' },
      inspector: '李', submittedAt: '2026-03-01T03:00:00Z', total: 1, max: 5, percent: 20, band: '不合格', bandIndex: 1, bandColor: color,
      vetoed: false, redLines: 0, findingIds: [], sections: [],
    }
    const wrapper = mount(ResultRow, { props: { summary }, global: { plugins: [i18n(), createPinia()], stubs: { RouterLink: RouterLinkStub } } })
    const band = wrapper.findAll('span.band').find((s) => s.text() === '不合格')!.element as HTMLElement
    // The row is white, and light blue under the pointer.
    expect(ratio(band.style.color, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT)
    expect(ratio(band.style.color, '#e8f0fa')).toBeGreaterThanOrEqual(AA_TEXT)
  })
})
