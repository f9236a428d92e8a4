import { describe, expect, it } from 'vitest'
import { findingsPolicy } from '@/core/format/findings'
import type { Template } from '@/core/format/types'
import { validateTemplate } from '@/core/validate'
import dorm from '../../../schemas/samples/dorm-room-safety.json'
import branch from '../../../schemas/samples/red-flag-party-branch.json'
import conduct from '../../../schemas/samples/teacher-conduct-negative-list.json'

describe('findingsPolicy: how findings are named and whether they open 整改 tasks', () => {
  const cases: Array<{ template: Pick<Template, 'kind' | 'findings'>; zh: string; en: string; tasks: boolean }> = [
    { template: {}, zh: '隐患', en: 'Hazards', tasks: true },
    { template: { kind: 'inspection' }, zh: '隐患', en: 'Hazards', tasks: true },
    { template: { kind: 'evaluation' }, zh: '失分项', en: 'Points lost', tasks: false },
    { template: { kind: 'conduct' }, zh: '问题', en: 'Problems', tasks: false },
    { template: { kind: 'evaluation', findings: { label: '扣分项', tasks: true } }, zh: '扣分项', en: '扣分项', tasks: true },
    { template: { kind: 'conduct', findings: { label: '  ' } }, zh: '问题', en: 'Problems', tasks: false },
  ]
  it.each(cases)('$template → $zh / $en, tasks $tasks', ({ template, zh, en, tasks }) => {
    expect(findingsPolicy(template, 'zh-CN')).toMatchObject({ label: zh, tasks })
    expect(findingsPolicy(template, 'en')).toMatchObject({ label: en, tasks })
  })
})

describe('the schema knows kind, findings and countPrefix', () => {
  const base = {
    id: 't',
    version: 1,
    title: 'T',
    sections: [{ id: 's', title: 's', items: [{ id: 'c', type: 'count', title: 'c', max: 5, deductEach: 0.5, unitLabel: '次', countPrefix: '缺' }] }],
  }

  it('accepts them', () => {
    const r = validateTemplate({ ...base, kind: 'evaluation', findings: { label: '失分项', tasks: false } })
    expect(r.ok).toBe(true)
  })

  it.each([
    { kind: 'audit' },
    { findings: { label: '' } },
    { findings: { tasks: 'yes' } },
    { findings: { colour: 'red' } },
  ])('refuses %j', (extra) => {
    expect(validateTemplate({ ...base, ...extra }).ok).toBe(false)
  })
})

describe('the shipped samples say what their findings are', () => {
  it.each([
    { sample: dorm, label: '隐患', tasks: true },
    { sample: branch, label: '失分项', tasks: false },
    { sample: conduct, label: '问题', tasks: false },
  ])('$sample.id → $label, tasks $tasks', ({ sample, label, tasks }) => {
    expect(findingsPolicy(sample as Template)).toMatchObject({ label, tasks })
  })
})
