/**
 * The answer model: per item, visible / required / answered / value / N/A / evidence, and the
 * submit blockers. The one place these rules live (scoring reads `read.ts` and `rules.ts` too).
 */
export { deriveItemStates, type ItemState } from './item-state'
export { progressOf, submitBlockers, BLOCKER_REASONS, type Blocker, type BlockerReason, type Progress } from './blockers'
export { isAnswered } from './read'
export { patchItemStates } from './patch'
export { stepsEqual } from './steps-equal'
export { carryOverAnswers, carryOverItemIds } from './carry-over'
