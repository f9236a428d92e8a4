/**
 * The checklist format: templates, responses and score results.
 *
 * These types mirror `schemas/checklist.schema.json` and `schemas/response.schema.json`; a test
 * proves every shipped sample both validates against the schema and type-checks as `Template`.
 * The meaning of every field is fixed in `shared/format.md`.
 */

/** The format version this build writes. A template may omit `formatVersion`; it then means this. */
export const FORMAT_VERSION = 1

/**
 * A JSON Logic rule (https://jsonlogic.com). Conditions are data, evaluated by
 * `core/conditions`, never executed as code.
 */
export type JsonLogicRule = JsonValue
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export const ITEM_TYPES = [
  'single',
  'multi',
  'count',
  'score',
  'number',
  'text',
  'date',
  'photo',
  'file',
  'signature',
  'info',
] as const
export type ItemType = (typeof ITEM_TYPES)[number]

/** Item types whose answer can carry points. */
export const SCORED_ITEM_TYPES = ['single', 'multi', 'count', 'score', 'number'] as const satisfies readonly ItemType[]

/** Where a red line (红线) sends the score to zero: the item (不得分), its section, or the whole total. */
export const ZERO_SCOPES = ['item', 'section', 'total'] as const
export type ZeroScope = (typeof ZERO_SCOPES)[number]

/**
 * A veto (一票否决): `true` caps the grade at the lowest band; a string caps it at the band it
 * names (a band's `id`, or its `label` when the band has no id).
 */
export type Veto = true | string

export interface Template {
  /** The schema's address, so editors show hints; ignored by Qingdan. */
  $schema?: string
  formatVersion?: number
  /** Stable slug, e.g. `dorm-room-safety`. */
  id: string
  /** Grows by one on every publish. */
  version: number
  title: string
  description?: string
  locale?: string
  subject?: SubjectSpec
  sections: Section[]
  scoring?: TemplateScoring
  /** Defaults for rectification tasks (整改) opened from this template's findings. */
  rectification?: { defaultDays?: number }
  /**
   * What the template is used for; sets the defaults of `findings` (see `findingsPolicy`).
   * Omitted: an inspection. Documented in docs/format-additions.md.
   */
  kind?: TemplateKind
  /** How flagged items are named and whether they open 整改 tasks; defaults follow `kind`. */
  findings?: FindingsSpec
  /**
   * The role a new response starts with (the person may still change it). Omitted: `inspection`
   * (检查), the common case; a self-assessment rubric (红旗) sets `self`.
   */
  defaultRole?: Role
}

/**
 * `inspection`: a safety round (dorm, floor) whose findings are hazards to fix; `evaluation`: a
 * rubric (考评) whose findings are points lost; `conduct`: a conduct list (负面清单) whose findings
 * are problems handled by a decision, not by a photo of a fix.
 */
export const TEMPLATE_KINDS = ['inspection', 'evaluation', 'conduct'] as const
export type TemplateKind = (typeof TEMPLATE_KINDS)[number]

export interface FindingsSpec {
  /** The heading findings are listed under (隐患, 失分项, 问题 …). */
  label?: string
  /** Whether a submitted response opens one rectification task (整改) per finding. */
  tasks?: boolean
}

export const SUBJECT_FIELD_TYPES = ['text', 'number', 'select', 'date'] as const
export type SubjectFieldType = (typeof SUBJECT_FIELD_TYPES)[number]

export interface SubjectSpec {
  fields: SubjectField[]
}

export interface SubjectField {
  id: string
  label: string
  type?: SubjectFieldType
  options?: string[]
  required?: boolean
}

export interface Section {
  id: string
  title: string
  description?: string
  items: Item[]
  /** One level of nesting: 一级指标 holding 二级指标. */
  sections?: Section[]
  /** Caps the section's score and its max. */
  max?: number
  /** A bonus section (加分项): adds points, adds nothing to the max. */
  bonus?: boolean
  /** Caps the bonus this section can collect. */
  bonusMax?: number
  /** With `scoring.method: 'weighted'`: the section's share of `scoring.max`. */
  weight?: number
  visibleIf?: JsonLogicRule
}

export const SCORING_METHODS = ['sum', 'weighted'] as const
export type ScoringMethod = (typeof SCORING_METHODS)[number]

export const BAND_BASES = ['points', 'percent'] as const
export type BandBasis = (typeof BAND_BASES)[number]

export interface TemplateScoring {
  method?: ScoringMethod
  /** Required with `weighted` or `normalize`: the scale of the total. */
  max?: number
  normalize?: boolean
  /** Caps the bonus collected over the whole template. */
  bonusMax?: number
  allowOverMax?: boolean
  basis?: BandBasis
  /** Best first; `min` never rises down the list. */
  bands?: Band[]
}

export interface Band {
  id?: string
  label: string
  /** Inclusive lower bound on `scoring.basis` (points or percent). */
  min: number
  color?: string
  /** Extra condition over `{ total, percent, sections: [{ id, score, max, percent }] }`. */
  when?: JsonLogicRule
}

export const EVIDENCE_REQUIRED = ['never', 'always', 'onFlag'] as const
export type EvidenceRequired = (typeof EVIDENCE_REQUIRED)[number]

export interface EvidenceRule {
  required: EvidenceRequired
  /** How many attachments are needed when required; default 1. */
  min?: number
  /** MIME patterns such as `image/*` or `application/pdf`. */
  accept?: string[]
  maxSizeMB?: number
}

export interface Option {
  id: string
  label: string
  /** Additive scoring: points for choosing this option. */
  points?: number
  /** Deductive scoring: points taken from the item's `max`. */
  deduct?: number
  /** A finding (a hazard, a violation) that becomes a rectification task. */
  flag?: boolean
  veto?: Veto
  zero?: ZeroScope
  /** Choosing it marks the item not applicable. */
  na?: boolean
  color?: string
}

interface ItemBase {
  id: string
  title: string
  help?: string
  required?: boolean
  visibleIf?: JsonLogicRule
  requiredIf?: JsonLogicRule
  evidence?: EvidenceRule
  /** The person filling may answer "not applicable". */
  na?: boolean
  /** A bonus item (加分项): its points add nothing to the max. */
  bonus?: boolean
  /** Standard text shown beside the item (评分标准), e.g. in the printed ledger. */
  criteria?: string
  /**
   * A round-level answer (本次是否开展冬季专项检查): the same for every subject of one round, so
   * 下一间 starts with this item answered as in the response just submitted.
   */
  carryOver?: boolean
}

interface ScoredBase extends ItemBase {
  /** Item max. Defaults per rule 1 of format.md. */
  max?: number
  /** Deductions may take the item below 0. */
  allowNegative?: boolean
}

export interface SingleItem extends ScoredBase {
  type: 'single'
  options: Option[]
  default?: string
}

export interface MultiItem extends ScoredBase {
  type: 'multi'
  options: Option[]
  default?: string[]
}

export interface CountItem extends ScoredBase {
  type: 'count'
  /** Points deducted per occurrence. */
  deductEach?: number
  /** Applies when count > 0. */
  flag?: boolean
  veto?: Veto
  zero?: ZeroScope
  /** The largest count accepted. */
  maxCount?: number
  unitLabel?: string
  /**
   * Words before the number saying what is counted, e.g. `缺` for a count of shortfalls, so the
   * box reads "缺 [2] 次" and the rule "每缺 1 次扣 0.5 分". See docs/format-additions.md.
   */
  countPrefix?: string
  default?: number
}

export interface ScoreItem extends ScoredBase {
  type: 'score'
  min?: number
  max: number
  step?: number
  default?: number
}

export interface Threshold {
  min: number
  points: number
}

export interface NumberItem extends ScoredBase {
  type: 'number'
  /** Accepted input range (not points). */
  minValue?: number
  maxValue?: number
  integer?: boolean
  unitLabel?: string
  /** Highest `{ min, points }` reached scores. */
  thresholds?: Threshold[]
  /** With `deductEach` and `unit`: deduct per full `unit` below `target` (出勤率<90%每低10%扣1分). */
  target?: number
  unit?: number
  deductEach?: number
  default?: number
}

export interface TextItem extends ItemBase {
  type: 'text'
  multiline?: boolean
  minLength?: number
  maxLength?: number
  /** A regular expression the whole answer must match (checked with a length limit). */
  pattern?: string
  default?: string
}

export interface DateItem extends ItemBase {
  type: 'date'
  /** ISO dates `YYYY-MM-DD`. */
  minDate?: string
  maxDate?: string
  default?: string
}

export interface AttachmentItem extends ItemBase {
  type: 'photo' | 'file'
  minCount?: number
  maxCount?: number
  accept?: string[]
  maxSizeMB?: number
}

export interface SignatureItem extends ItemBase {
  type: 'signature'
}

export interface InfoItem {
  id: string
  type: 'info'
  title: string
  help?: string
  visibleIf?: JsonLogicRule
}

export type Item =
  | SingleItem
  | MultiItem
  | CountItem
  | ScoreItem
  | NumberItem
  | TextItem
  | DateItem
  | AttachmentItem
  | SignatureItem
  | InfoItem

/* ─────────────────────────────── responses ─────────────────────────────── */

/**
 * Who fills a response: `inspection` (检查: someone inspects a subject, e.g. a dorm room),
 * `self` (自查: the subject assesses itself) or `review` (考核/复核: an evaluator reviews a
 * self-assessment, rule 12). Only `self` and `review` pair with each other.
 */
export const ROLES = ['inspection', 'self', 'review'] as const
export type Role = (typeof ROLES)[number]

export const RESPONSE_STATUSES = ['draft', 'submitted'] as const
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number]

/**
 * An answer's value: an option id (single, date, text, signature attachment id), option ids
 * (multi, photo and file attachment ids) or a number (count, score, number).
 */
export type AnswerValue = string | string[] | number

export interface Answer {
  value?: AnswerValue
  na?: boolean
  note?: string
  /** Evidence attachment ids (any item type). */
  attachments?: string[]
  updatedAt?: string
  /**
   * The hybrid logical clock of the edit (`src/core/sync/hlc.ts`): sync and bundles order two
   * edits of one answer by it. Absent on answers written before sync: `updatedAt` stands in.
   */
  hlc?: string
}

export interface Response {
  /** The schema's address, so editors show hints; ignored by Qingdan. */
  $schema?: string
  formatVersion?: number
  /** UUID; optional in hand-written files. */
  id?: string
  templateId: string
  templateVersion: number
  role?: Role
  /** For a review: the id of the self-assessment it reviews. */
  reviewOf?: string
  /** For a correction: the id of the submitted response it corrects. */
  corrects?: string
  subject?: Record<string, string | number>
  /** The evaluation cycle (#15) a self-assessment or review belongs to (`shared/evaluation.md`). */
  cycleId?: string
  status?: ResponseStatus
  startedAt?: string
  updatedAt?: string
  submittedAt?: string
  inspector?: string
  answers: Record<string, Answer>
  /** Attachment id of the signature image. */
  signature?: string
}

/* ─────────────────────────────── results ─────────────────────────────── */

/**
 * One machine-readable step explaining a number, rendered in words by the UI
 * (e.g. `{ rule: 'deductEach', count: 2, each: 0.5, deducted: 1 }` → "缺2次 × 0.5 = 扣1分").
 */
export interface Step {
  rule: string
  [figure: string]: string | number | boolean | null | string[]
}

export interface ItemResult {
  id: string
  sectionId: string
  score: number
  max: number
  na: boolean
  hidden: boolean
  answered: boolean
  flagged: boolean
  bonus: boolean
  /** False for items that carry no points (text, photo, info …). */
  scored: boolean
  steps: Step[]
}

export interface SectionResult {
  id: string
  /** Base points, after the section cap and floor (bonus excluded). */
  score: number
  max: number
  percent: number | null
  /** Bonus collected in this section, after its `bonusMax`. */
  bonus: number
  /** A bonus section (加分项). */
  isBonus: boolean
  hidden: boolean
  zeroed: boolean
  sections: SectionResult[]
  steps: Step[]
}

export interface BandResult {
  id?: string
  label: string
  color?: string
  index: number
}

export interface VetoHit {
  itemId: string
  optionId?: string
  /** Index into `scoring.bands` of the ceiling, or null when the template has no bands. */
  ceilingIndex: number | null
  ceilingLabel: string | null
}

export interface ZeroHit {
  itemId: string
  optionId?: string
  scope: ZeroScope
  /** For `section`: the section that scores 0. */
  sectionId?: string
}

export interface Finding {
  itemId: string
  sectionId: string
  /** Top-level section, for grouping. */
  rootSectionId: string
  title: string
  /** The options that flagged it (single, multi). */
  optionIds: string[]
  /** The occurrences found (count). */
  count?: number
  note?: string
  attachments: string[]
}

export interface ResultNote {
  code: string
  message: Record<'zh-CN' | 'en', string>
}

export interface ScoreResult {
  templateId: string
  templateVersion: number
  total: number
  max: number
  percent: number | null
  band: BandResult | null
  /** Base total before bonus (after weighting / normalizing). */
  base: number
  bonus: number
  vetoed: boolean
  vetoes: VetoHit[]
  zeroes: ZeroHit[]
  complete: boolean
  sections: SectionResult[]
  items: ItemResult[]
  findings: Finding[]
  /** Scored or required items, visible and applicable, without an answer. */
  unanswered: string[]
  missingEvidence: string[]
  /** Steps of the total: weighting, normalize, bonus cap, max cap, floor, zero. */
  steps: Step[]
  notes: ResultNote[]
}
