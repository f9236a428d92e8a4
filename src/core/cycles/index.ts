/** Evaluation cycles and panel scoring (issue #15), as `shared/evaluation.md` fixes them. */
export * from './types'
export { aggregateH, DEFAULT_TRIM } from './aggregate'
export { competitionRanks, type Rankable } from './rank'
export { quotaPlaces } from './quota'
export { checkCycleTemplate } from './check-template'
export { evaluateCycle, panelMethod, type EvaluateCycleOptions } from './evaluate'
export { validateCycle } from './validate'
export { compareCycles, type CycleChange } from './compare'
