/** Why a task cannot take a step: one issue code per refusal, in zh-CN and en. */
import type { Issue } from '../result'

export const TASK_ISSUES = {
  'task.notFound': { 'zh-CN': '找不到该整改任务。', en: 'The task does not exist.' },
  'task.notOpen': { 'zh-CN': '该任务已上报整改，不能再次上报。', en: 'The fix was already reported for this task.' },
  'task.noPhoto': { 'zh-CN': '请先拍摄或选择整改后的照片。', en: 'Take or choose a photo of the fix first.' },
  'task.notRectified': { 'zh-CN': '该任务尚未上报整改，不能销号。', en: 'The fix is not reported yet; the task cannot be closed.' },
  'task.noRecheck': { 'zh-CN': '请先开始复查。', en: 'Start the re-check first.' },
  'task.recheckNotSubmitted': { 'zh-CN': '复查记录尚未提交。', en: 'The re-check is not submitted yet.' },
  'task.stillFlagged': { 'zh-CN': '复查仍发现该隐患，不能销号。', en: 'The re-check still finds this hazard; it cannot be closed.' },
  'task.closed': { 'zh-CN': '该任务已销号。', en: 'The task is closed.' },
} as const satisfies Record<string, Issue['message']>

export type TaskIssueCode = keyof typeof TASK_ISSUES

export function taskIssue(code: TaskIssueCode, taskId: string): Issue {
  return { code, pointer: '', severity: 'error', message: { ...TASK_ISSUES[code] }, params: { taskId } }
}
