// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createAppI18n } from '@/app/i18n'
import { scoreResponse } from '@/core/scoring'
import type { Response, Template } from '@/core/format/types'
import type { ResponseDetail } from '@/stores/responses'
import type { ResponseRow } from '@/db'
import ItemBreakdown from '@/components/results/ItemBreakdown.vue'
// A JSON import: under happy-dom the file loaders of tests/fixtures have no file: URL to read from.
import dormJson from '../../../schemas/samples/dorm-room-safety.json'

describe('ItemBreakdown', () => {
  it('shows what a default answer counted, as the ledger does, not an empty cell', () => {
    const dorm = dormJson as unknown as Template
    const response = { templateId: dorm.id, templateVersion: dorm.version, answers: {} } as unknown as Response
    const row = { id: 'x', role: 'inspection', subject: {}, inspector: '', status: 'submitted' } as unknown as ResponseRow
    const detail: ResponseDetail = { row, response, result: scoreResponse(dorm, response), template: dorm, counterpart: null, attachments: new Map() }
    const w = mount(ItemBreakdown, { props: { detail }, global: { plugins: [createAppI18n('zh-CN'), createPinia()] } })
    expect(w.get('[data-testid=line-appliance-stored] .answer-cell').text()).toBe('0件')
  })
})
