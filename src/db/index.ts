/**
 * Storage: the one Dexie database, its repositories and the app singleton. No Vue in here.
 * Stores import repository modules by path, so each route's chunk holds only what it uses.
 */
export { QingdanDatabase, openDatabase, DEFAULT_DB_NAME, type OpenDatabaseOptions } from './database'
export { getDb, setDb } from './singleton'
export * from './rows'
export { ResponseLockedError, ResponseNotFoundError } from './errors'
export { isQuotaError } from './storage-error'
export { CURRENT_VERSION, v1Stores, v2Stores, v3Stores, v4Stores, v5Stores, v6Stores, v7Stores, v8Stores } from './schema'
export { subjectKey, subjectTerms, subjectTerm } from './subject-index'
export { DEVICE_ID_KEY, INSTALLED_SAMPLES_KEY, LAST_BACKUP_KEY } from './keys'
export {
  listPublishedTemplates,
  getTemplateVersion,
  listTemplateVersions,
} from './repositories/templates'
export { installSamples, sampleKey } from './repositories/samples'
export {
  createResponse,
  getResponse,
  listResponses,
  deleteResponse,
  saveResponseFields,
  submitResponse,
  toResponse,
  type CreateResponseInit,
  type ResponseFilter,
  type ResponseFieldsPatch,
} from './repositories/responses'
export { saveAnswer } from './repositories/answers'
export {
  addAttachment,
  getAttachment,
  listAttachments,
  deleteAttachment,
  type AddAttachmentInput,
} from './repositories/attachments'
export { suggestSubjectValues, type SuggestOptions } from './repositories/subjects'
export { getDeviceId, getMeta, setMeta } from './repositories/meta'
export { persistStorage, type PersistableStorage } from './persist'
export { loadShippedSamples } from './samples'
export { ensureSamplesInstalled } from './boot'
export {
  summaryRowFor,
  saveSummary,
  ensureSummaries,
  newestSummaries,
  querySummaries,
  findCounterpart,
  loadStoredResponses,
  type SummaryQuery,
} from './repositories/results-query'
export {
  openTasksForSubmitted,
  listTasks,
  getTask,
  taskCounts,
  setTaskAssignee,
  markRectified,
  linkRecheck,
  verifyTask,
  type TaskFilter,
  type FixPhoto,
} from './repositories/tasks'
export { getResponseRow } from './repositories/responses'
export { summaryCounts } from './repositories/results-query'
// Template editing (./repositories/templates-edit) is left out on purpose: it validates templates
// (Ajv), and anything re-exported here lands in the chunk of every route that uses the barrel,
// the fill page included. Import it by its module path.
