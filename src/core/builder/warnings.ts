/**
 * Warnings the builder adds to the validator's: things a valid template may do but that an author
 * almost never means. They never block publishing.
 */
import type { Issue } from '../result'
import type { Template } from '../format/types'

/**
 * Without subject fields a record names nothing it was about (lists and ledgers show "—"), so
 * twenty rooms' inspections cannot be told apart.
 */
export function builderWarnings(template: Template): Issue[] {
  const out: Issue[] = []
  if ((template.subject?.fields.length ?? 0) === 0) {
    out.push({
      code: 'subject.none',
      pointer: '/subject',
      severity: 'warning',
      message: {
        'zh-CN': '没有“被检查对象字段”：提交的记录只显示“—”，分不清检查的是哪间宿舍、哪个支部。请在模板设置中添加字段（如楼栋、房间号）。',
        en: 'No subject fields: records will show "—" and cannot be told apart (which room, which branch). Add fields such as building and room in the template settings.',
      },
    })
  }
  return out
}
