/**
 * Tiny builders for cycle tests. The template scores x (section s1, max 50) plus y (section s2,
 * max 50), so a review's total is x + y; option `v` may veto: `ceil` caps at 合格, `bad` at the
 * lowest band. 优秀 needs ≥ 90 and every section ≥ 80 %.
 */
import type { Answer, Response, Template } from '@/core/format/types'
import { evaluateCycle, type Cycle, type CycleResult, type SubjectResult } from '@/core/cycles'
import { readJson, fixture, sample } from '../../fixtures/load'

export const template: Template = {
  id: 'panel-test',
  version: 1,
  title: '评审测试',
  subject: { fields: [{ id: 'unit', label: '单位' }, { id: 'year', label: '年度' }] },
  sections: [
    { id: 's1', title: '甲', items: [{ id: 'x', type: 'score', title: 'x', max: 50, step: 0.01, na: true }] },
    {
      id: 's2',
      title: '乙',
      items: [
        { id: 'y', type: 'score', title: 'y', max: 50, step: 0.01 },
        {
          id: 'v', type: 'single', title: '否决', options: [
            { id: 'ok', label: '无', points: 0 },
            { id: 'ceil', label: '限合格', points: 0, veto: 'mid' },
            { id: 'bad', label: '否决', points: 0, veto: true },
          ],
        },
      ],
    },
  ],
  scoring: {
    bands: [
      { id: 'top', label: '优秀', min: 90, when: { all: [{ var: 'sections' }, { '>=': [{ var: 'percent' }, 80] }] } },
      { id: 'mid', label: '合格', min: 60 },
      { id: 'low', label: '不合格', min: 0 },
    ],
  },
}

export function cycle(extra: Partial<Cycle> = {}): Cycle {
  return { id: 'c', title: 'C', template: { id: 'panel-test', version: 1 }, subjectKey: ['unit'], ...extra }
}

export interface ReviewOptions {
  v?: 'ok' | 'ceil' | 'bad'
  at?: string
  status?: 'draft' | 'submitted'
  role?: 'review' | 'self' | 'inspection'
  id?: string
}

/** A submitted review of `unit` by `who` scoring x + y. */
export function review(unit: string, who: string, x: number, y: number, o: ReviewOptions = {}): Response {
  const r: Response = {
    templateId: 'panel-test',
    templateVersion: 1,
    role: o.role ?? 'review',
    status: o.status ?? 'submitted',
    subject: { unit },
    inspector: who,
    answers: { x: { value: x }, y: { value: y }, v: { value: o.v ?? 'ok' } },
  }
  if (r.status === 'submitted') r.submittedAt = o.at ?? '2026-06-01T08:00:00Z'
  if (o.id !== undefined) r.id = o.id
  return r
}

/** Reviews of one unit whose totals are `totals` (x carries it, up to 50; y the rest). */
export function reviewsOf(unit: string, totals: readonly number[], o: ReviewOptions = {}): Response[] {
  return totals.map((t, i) => review(unit, `r${i + 1}`, Math.min(50, t), Math.round((t - Math.min(50, t)) * 100) / 100, o))
}

/** The cycle's result; fails the test when evaluation fails. */
export function evaluate(c: Cycle, responses: readonly Response[], t: Template = template): CycleResult {
  const r = evaluateCycle(c, t, responses)
  if (!r.ok) throw new Error(`evaluateCycle failed: ${JSON.stringify(r.issues)}`)
  return r.value
}

/** One subject of a result by its unit (or branch). */
export function subjectOf(result: CycleResult, name: string): SubjectResult {
  const found = result.subjects.find((s) => Object.values(s.key).includes(name))
  if (!found) throw new Error(`no subject ${name}`)
  return found
}

/* ───────────────── hand-checked fixtures under tests/fixtures/cycles ───────────────── */

export function miniFixture(): { cycle: Cycle; template: Template; responses: Response[] } {
  return {
    cycle: readJson('tests/fixtures/cycles/mini/cycle.json') as Cycle,
    template: readJson('tests/fixtures/cycles/mini/template.json') as Template,
    responses: readJson('tests/fixtures/cycles/mini/responses.json') as Response[],
  }
}

interface PanelEntry {
  branch: string
  role: 'review' | 'self'
  inspector?: string
  answers: string
  override?: Record<string, Answer>
}

/** The answers with an evidence attachment on every item that has an evidence rule. */
function withEvidence(t: Template, answers: Record<string, Answer>): Record<string, Answer> {
  const out = { ...answers }
  const walk = (sections: Template['sections']) => {
    for (const s of sections) {
      for (const item of s.items) {
        const answer = out[item.id]
        if ('evidence' in item && item.evidence !== undefined && answer !== undefined) out[item.id] = { ...answer, attachments: [`evidence-${item.id}`] }
      }
      walk(s.sections ?? [])
    }
  }
  walk(t.sections)
  return out
}

/**
 * The red-flag panel: responses whose answers are the hand-checked red-flag fixtures, filed for
 * the branch and reviewer that reviews.json names.
 */
export function redFlagFixture(): { cycle: Cycle; template: Template; responses: Response[] } {
  const entries = (readJson('tests/fixtures/cycles/red-flag-panel/reviews.json') as { responses: PanelEntry[] }).responses
  const template = sample('red-flag-party-branch')
  const responses = entries.map((e): Response => {
    const r: Response = {
      templateId: 'red-flag-party-branch',
      templateVersion: 1,
      role: e.role,
      status: 'submitted',
      submittedAt: '2026-12-10T08:00:00Z',
      subject: { branch: e.branch, period: '2026' },
      answers: withEvidence(template, { ...fixture('red-flag-party-branch', e.answers).answers, ...e.override }),
    }
    if (e.inspector !== undefined) r.inspector = e.inspector
    return r
  })
  return { cycle: readJson('tests/fixtures/cycles/red-flag-panel/cycle.json') as Cycle, template, responses }
}
