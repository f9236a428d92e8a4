/**
 * Evaluation cycles at a college's scale (issue #15), in the core (the CLI and the panel view
 * both call it):
 * - cycle.aggregate200x7.ms: `evaluateCycle` over 200 branches × 7 reviewers of the 34-item 红旗
 *   template (1,400 reviews, each scored by the one scorer, then aggregated by trimmed mean with
 *   veto, bands, a quota, ranks and disagreement flags), median of 7 runs after a warm-up (≤ 50);
 * - cycle.aggregateStored200x7.ms: the same with each review's score given (`scoreOf`), as the app
 *   holds it from the submit: the panel arithmetic alone.
 * Imports are relative because bench files run through tsx, outside Vite's alias.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { evaluateCycle, type Cycle } from '../src/core/cycles'
import type { Answer, Response, ScoreResult, Template } from '../src/core/format/types'
import { scoreResponse } from '../src/core/scoring'

const SUBJECTS = 200
const REVIEWERS = 7
const root = new URL('../', import.meta.url)
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'))

const template = readJson('schemas/samples/red-flag-party-branch.json') as Template
/** The hand-checked answer sets of the red-flag fixtures: strong, reviewed, weak, vetoed, low. */
const answerSets = ['self-red-flag', 'review-red-flag', 'weak-discipline-na-group', 'vetoed-incomplete', 'low-with-floors'].map(
  (name) => (readJson(`tests/fixtures/red-flag-party-branch/${name}.json`) as Response).answers,
)

/** Review `r` of branch `s`: one of the answer sets, with a few counts varied so totals differ. */
function answersOf(s: number, r: number): Record<string, Answer> {
  const base = answerSets[(s + r * 3) % answerSets.length] as Record<string, Answer>
  return {
    ...base,
    'first-topic': { value: (s * 7 + r) % 4 },
    'study-notes': { value: (s + r * 5) % 3 },
    volunteer: { value: (s * 3 + r) % 2 },
    media: { value: ((s + r) % 11) / 2 },
  }
}

const responses: Response[] = []
for (let s = 0; s < SUBJECTS; s++) {
  for (let r = 0; r < REVIEWERS; r++) {
    responses.push({
      templateId: template.id,
      templateVersion: template.version,
      role: 'review',
      status: 'submitted',
      submittedAt: '2026-12-10T08:00:00Z',
      inspector: `reviewer-${r}`,
      subject: { branch: `第${s + 1}党支部`, period: '2026' },
      answers: answersOf(s, r),
    })
  }
}

const cycle: Cycle = {
  id: 'hq-2026',
  title: '2026年度红旗党支部评审',
  template: { id: template.id, version: template.version },
  subjectKey: ['branch'],
  panel: { aggregate: 'trimmedMean', trim: 1, veto: 'majority', disagreement: { itemSpreadPercent: 30, totalDeviation: 10 } },
  quotas: [{ band: '红旗党支部', maxPercent: 30 }],
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]!
}
const round = (x: number): number => Math.round(x * 10) / 10

function once(scoreOf?: (r: Response) => ScoreResult): number {
  const t0 = performance.now()
  const result = evaluateCycle(cycle, template, responses, scoreOf ? { scoreOf } : {})
  const ms = performance.now() - t0
  if (!result.ok || result.value.subjects.length !== SUBJECTS) throw new Error('the bench cycle did not evaluate')
  if (result.value.subjects.some((s) => s.reviews !== REVIEWERS)) throw new Error('a bench subject lost a review')
  return ms
}

export default async function run(): Promise<Record<string, number>> {
  // Warm-up: the scorer's first runs are interpreted; a panel view recomputes a cycle many times.
  const runs: number[] = []
  for (let i = 0; i < 5; i++) once()
  for (let i = 0; i < 7; i++) runs.push(once())
  // Only now are 1,400 results held in memory, so that they do not weigh on the first figure's GC.
  const stored = new Map<Response, ScoreResult>(responses.map((r) => [r, scoreResponse(template, r)]))
  const storedScore = (r: Response): ScoreResult => stored.get(r) ?? scoreResponse(template, r)
  const storedRuns: number[] = []
  for (let i = 0; i < 5; i++) once(storedScore)
  for (let i = 0; i < 7; i++) storedRuns.push(once(storedScore))
  return { 'cycle.aggregate200x7.ms': round(median(runs)), 'cycle.aggregateStored200x7.ms': round(median(storedRuns)) }
}
