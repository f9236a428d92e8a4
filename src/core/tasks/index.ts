/** Rectification tasks: the one Task type and its state machine, pure. Storage is src/db. */
export { TASK_STATUSES, type TaskStatus, type Task } from './task'
export { TASK_ISSUES, taskIssue, type TaskIssueCode } from './issues'
export { openTasks, defaultAssignee, type OpenTasksInput } from './open'
export { assignTask, rectifyTask, linkRecheck, verifyTask, type Fix, type Recheck } from './transitions'
