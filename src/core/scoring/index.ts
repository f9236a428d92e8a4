/** The rubric engine: the twelve scoring rules of `shared/format.md`, exact in hundredths. */
export { scoreResponse, type ScorableResponse } from './score'
export { compareResults, type Comparison, type ComparisonRow, type SectionComparison } from './compare'
export { describeStep, STEP_RULES, type StepRule } from './describe'
export { itemMax } from './item-max'
export { forgetTemplate, indexTemplate } from './template-index'
export type { ItemNode, SectionNode, TemplateIndex } from './nodes'
export { NOTE_CODES, type NoteCode } from './notes'
export { summarizeSections, type SectionSummary } from './section-summary'
