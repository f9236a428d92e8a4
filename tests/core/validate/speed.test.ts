import { describe, expect, it } from 'vitest'
import { validateTemplate } from '@/core/validate'
import { generateTemplate } from '../../../bench/generate'

describe('validateTemplate speed', () => {
  it('validates a generated 1,000-item template (10% with visibleIf) well within budget', () => {
    const json = JSON.stringify(generateTemplate(1000))
    expect(validateTemplate(JSON.parse(json)).ok).toBe(true) // compiles the schema once
    const times: number[] = []
    for (let i = 0; i < 7; i++) {
      const doc: unknown = JSON.parse(json)
      const t0 = performance.now()
      validateTemplate(doc)
      times.push(performance.now() - t0)
    }
    // The budget is 50 ms (bench: validate.gen1000.ms); the fastest run is checked, with headroom,
    // because the test machine is shared and a single slow run says nothing about the code.
    expect(Math.min(...times)).toBeLessThan(50)
  })
})
