// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Lang } from '@/core/result'
import { createAppI18n } from '@/app/i18n'
import { rubricTableToTemplate } from '@/core/exchange/rubric'
import RubricImportPreview from '@/components/library/RubricImportPreview.vue'

/** One row per rule kind, and one rule of two clauses one item cannot hold. */
const TABLE = [
  ['一级指标', '考核内容', '题型', '分值', '评分标准'],
  ['组织生活', '主题党日', '', '5', '每缺一次扣1分，扣完为止'],
  ['组织生活', '组织生活会', '', '5', '未召开扣3分'],
  ['组织生活', '学习覆盖率', '', '10', '视情况酌情给分'],
  ['纪律作风', '无违纪违法', '单选', '10', '发生违纪违法行为一票否决'],
  ['纪律作风', '宿舍用电', '', '', '使用违规电器属红线，总分计0分'],
  ['纪律作风', '按时上党课', '', '4', '未开展不得分'],
  ['纪律作风', '宣传报道', '', '2', '每篇加1分'],
  ['纪律作风', '年度计划', '', '3', '无计划扣3；内容空泛缺一项扣1'],
  ['纪律作风', '其他', '', '', '由支部书记综合评定'],
]

const render = (lang: Lang): string =>
  mount(RubricImportPreview, {
    props: { data: rubricTableToTemplate(TABLE, '导入') },
    global: { plugins: [createAppI18n(lang)] },
  }).text()

/** Field names of the template format and message keys that must never reach the person. */
const CODES = /deductEach|deductOnce|zeroItem|zeroTotal|judged|scoring\.bands|\bbonus\b|\bfloor\b|imports\.|builder\./

describe('the rubric import preview', () => {
  it('names every rule kind in Chinese, with no codes', () => {
    const text = render('zh-CN')
    for (const words of ['按次扣分', '扣完为止', '扣分', '酌情打分', '一票否决', '红线（总分计0）', '本项不得分', '加分', '未识别', '需人工确认']) {
      expect(text).toContain(words)
    }
    expect(text).not.toMatch(CODES)
    expect(text).not.toMatch(/\bveto\b/i)
  })

  it('names every rule kind in English, with no codes', () => {
    const text = render('en')
    for (const words of ['Deduct per occurrence', 'Not below 0', 'Judged score', 'Veto', 'Red line (total 0)', 'Item scores 0', 'Bonus', 'Not recognized', 'Needs a manual check']) {
      expect(text).toContain(words)
    }
    expect(text).not.toMatch(CODES)
  })

  it('marks only the row whose rule one item cannot hold', () => {
    const wrapper = mount(RubricImportPreview, {
      props: { data: rubricTableToTemplate(TABLE, '导入') },
      global: { plugins: [createAppI18n('zh-CN')] },
    })
    const flagged = wrapper.findAll('[data-testid=rubric-row]').filter((tr) => tr.find('[data-testid=rubric-needs-review]').exists())
    expect(flagged.map((tr) => tr.text())).toEqual([expect.stringContaining('年度计划')])
  })
})
