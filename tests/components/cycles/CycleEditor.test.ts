// @vitest-environment happy-dom
// Issue #15: the cycle form — branches from the register, the panel, method and quotas, deadlines;
// the whole CycleInput emitted only when the core (validateCycle, checkCycleTemplate) accepts it.
import { describe, expect, it } from 'vitest'
import { validateCycle } from '@/core/cycles'
import type { Template } from '@/core/format/types'
import type { CycleInput } from '@/core/sync/protocol'
import CycleEditor from '@/components/cycles/CycleEditor.vue'
import redFlag from '../../../schemas/samples/red-flag-party-branch.json'
import { BRANCHES, cycle } from '../../stores/cycle-fakes'
import { mountFill } from '../fill/mountWith'

const template = redFlag as unknown as Template
const props = {
  templates: [{ templateId: template.id, version: template.version, template }],
  branches: BRANCHES,
  people: [
    { id: 'u-wang', username: 'wang', displayName: '王老师', grants: [] },
    { id: 'u-li', username: 'li', displayName: '李老师', grants: [] },
    { id: 'u-zhao', username: 'zhao', displayName: '赵老师', grants: [] },
  ],
  scopes: ['committee:学院党委'],
  cycles: [cycle({ id: 'c2025', title: '2025 年度评选' })],
}

function fill(page: ReturnType<typeof mountFill>) {
  return async (self: string, review: string) => {
    await page.get('[data-testid=cycle-title]').setValue('2026 年度红旗党支部评选')
    await page.get('[data-testid=cycle-branch-all]').setValue(true)
    await page.get('[data-testid=cycle-member-wang]').setValue(true)
    await page.get('[data-testid=cycle-member-li]').setValue(true)
    await page.get('[data-testid=cycle-aggregate-trimmedMean]').setValue(true)
    await page.get('[data-testid=cycle-quota-add]').trigger('click')
    await page.get('[data-testid=cycle-quota-percent-0]').setValue(30)
    await page.get('[data-testid=cycle-self-due]').setValue(self)
    await page.get('[data-testid=cycle-review-due]').setValue(review)
    await page.get('[data-testid=cycle-previous]').setValue('c2025')
  }
}

describe('the cycle form', () => {
  it('builds a valid CycleInput: every branch by its name, the panel by username, a quota on the top band', async () => {
    const page = mountFill(CycleEditor, { props })
    expect(page.get('[data-testid=cycle-subject-key]').text()).toBe('按“支部名称”区分支部')
    await fill(page)('2026-12-10T18:00', '2026-12-20T18:00')
    await page.get('form').trigger('submit')
    const [input] = page.emitted<[CycleInput]>('save')?.[0] ?? []
    expect(input).toMatchObject({
      title: '2026 年度红旗党支部评选',
      template: { id: 'red-flag-party-branch', version: 1 },
      scopeId: 'committee:学院党委',
      subjectKey: ['branch'],
      subjectIds: ['branch:第一党支部', 'branch:第二党支部', 'branch:第三党支部'],
      subjects: [{ branch: '第一党支部' }, { branch: '第二党支部' }, { branch: '第三党支部' }],
      panel: { aggregate: 'trimmedMean', trim: 1, veto: 'majority', members: ['wang', 'li'] },
      quotas: [{ band: 'red-flag', maxPercent: 30 }],
      deadlines: { self: new Date('2026-12-10T18:00').toISOString(), review: new Date('2026-12-20T18:00').toISOString() },
      previous: 'c2025',
    })
    // What the server checks too: the cycle part passes the core's validation.
    const { scopeId: _s, subjectIds: _i, ...doc } = input!
    expect(validateCycle(doc).ok).toBe(true)
  })

  it('refuses an incomplete cycle with the form’s reasons', async () => {
    const page = mountFill(CycleEditor, { props })
    await page.get('form').trigger('submit')
    const alert = page.get('[role=alert]').text()
    expect(alert).toContain('请填写名称。')
    expect(alert).toContain('请至少选择一个参评支部。')
    expect(alert).toContain('请至少选择一位评审组成员。')
    expect(page.emitted('save')).toBeUndefined()
  })

  it('refuses what the core refuses, saying where: reviews due before the self-assessments', async () => {
    const page = mountFill(CycleEditor, { props })
    await fill(page)('2026-12-20T18:00', '2026-12-10T18:00')
    await page.get('form').trigger('submit')
    expect(page.emitted('save')).toBeUndefined()
    expect(page.get('[role=alert]').text()).toMatch(/^截止时间：评审截止时间（.+）早于自评截止时间（.+）。$/)
  })

  it('keeps an edited cycle’s id and picks', async () => {
    const existing = cycle({ subjectIds: ['branch:第二党支部'], panel: { aggregate: 'median', members: ['zhao'] } })
    const page = mountFill(CycleEditor, { props: { ...props, cycle: existing } })
    await page.get('form').trigger('submit')
    const [input] = page.emitted<[CycleInput]>('save')?.[0] ?? []
    expect(input).toMatchObject({ id: 'c1', subjectIds: ['branch:第二党支部'], subjects: [{ branch: '第二党支部' }], panel: { aggregate: 'median', members: ['zhao'] } })
    expect(input?.panel).not.toHaveProperty('trim')
  })

  it('names the committee scopes it offers, by the session’s names', () => {
    const page = mountFill(CycleEditor, { props: { ...props, scopes: ['committee:学院党委', 'college'], scopeNames: { 'committee:学院党委': '学院党委' } } })
    const options = page.findAll('[data-testid=cycle-scope] option')
    expect(options.map((o) => [o.attributes('value'), o.text()])).toEqual([
      ['committee:学院党委', '学院党委'],
      ['college', 'college'],
    ])
  })
})

describe('the template check while editing', () => {
  it('says at once that a quota on the lowest band changes nothing, and still saves', async () => {
    const page = mountFill(CycleEditor, { props })
    expect(page.find('[data-testid=cycle-template-issues]').exists()).toBe(false)
    await fill(page)('2026-12-10T18:00', '2026-12-20T18:00')
    await page.get('[data-testid=cycle-quota-band-0]').setValue('fail')
    expect(page.get('[data-testid=cycle-template-issues]').text()).toMatch(/^名额限制：/)
    await page.get('form').trigger('submit')
    expect(page.emitted<[CycleInput]>('save')?.[0]?.[0].quotas).toEqual([{ band: 'fail', maxPercent: 30 }])
  })
})
