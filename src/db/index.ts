/** Storage: the one Dexie database, its repositories and the app singleton. No Vue in here. */
export { QingdanDatabase, openDatabase, DEFAULT_DB_NAME, type OpenDatabaseOptions } from './database'
export { getDb, setDb } from './singleton'
export * from './rows'
export { ResponseLockedError, ResponseNotFoundError } from './errors'
export { isQuotaError } from './storage-error'
export { CURRENT_VERSION, v1Stores, v2Stores, v3Stores, v4Stores } from './schema'
export { subjectKey, subjectTerms, subjectTerm } from './subject-index'
export { DEVICE_ID_KEY, INSTALLED_SAMPLES_KEY, LAST_BACKUP_KEY } from './keys'
export {
  listPublishedTemplates,
  getTemplateVersion,
  listTemplateVersions,
  countAnswerableItems,
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
  TaskStateError,
  type TaskFilter,
  type FixPhoto,
} from './repositories/tasks'
export {
  listTemplateRows,
  getTemplateRow,
  createTemplate,
  saveDraft,
  discardDraft,
  publishDraft,
  editableTemplate,
  duplicateTemplate,
  setArchived,
  importTemplate,
  type Published,
} from './repositories/templates-edit'
