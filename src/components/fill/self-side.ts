/**
 * The self-assessment beside a review (#15): its answer in words, its evidence, and whether the
 * compact blocks are shown on a narrow screen. Loaded with the review's components only.
 */
import { ref, type Ref } from 'vue'
import type { Answer, Item, ItemResult } from '@/core/format/types'
import type { Lang } from '@/core/result'
import { answerWords, attachmentIdsOf, type Translate } from '@/components/results/ledger'
import type { AttachmentMeta } from '@/stores/responses'

type AnsweredItem = Exclude<Item, { type: 'info' }>

/**
 * The ledger's words (answerWords) in the fill page's own keys: the fill page loads only `fill.*`
 * messages at first, so the `results.*` keys the ledger uses may not be there yet.
 */
export const SELF_WORDS = {
  'results.detail.na': 'fill.beside.answer.na',
  'results.detail.unanswered': 'fill.beside.answer.unanswered',
  'results.ledger.answer.noneChosen': 'fill.beside.answer.noneChosen',
  'results.ledger.answer.photos': 'fill.beside.answer.photos',
  'results.ledger.answer.files': 'fill.beside.answer.files',
  'results.ledger.answer.signed': 'fill.beside.answer.signed',
} as const satisfies Record<string, `fill.beside.answer.${string}`>

/** The self-assessment's answer to `item` in words: option labels, numbers with units, N/A, text. */
export function selfAnswerText(item: AnsweredItem, result: ItemResult, answer: Answer | undefined, t: Translate, lang: Lang): string {
  const words: Translate = (key, named) => t((SELF_WORDS as Record<string, string>)[key] ?? key, named)
  return answerWords(item, { result, answer }, words, lang)
}

/** The self-assessment's files for `item` that are on this device: its photos or files, then its evidence. */
export function selfEvidence(item: AnsweredItem, result: ItemResult, answer: Answer | undefined, stored: ReadonlyMap<string, AttachmentMeta>): AttachmentMeta[] {
  return attachmentIdsOf(item, { result, answer }).flatMap((id) => stored.get(id) ?? [])
}

/** sessionStorage key: whether the compact self blocks are open on a narrow screen. */
export const SELF_OPEN_KEY = 'qingdan.fill.selfOpen'

function session(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    return undefined
  }
}

let open: Ref<boolean> | undefined

export interface UseSelfOpenReturn {
  open: Readonly<Ref<boolean>>
  toggle: () => void
}

/**
 * Open or folded, one choice for every item of every review in this tab: a reviewer who folds
 * the blocks on a phone finds them folded on the next branch too. Open at first.
 */
export function useSelfOpen(storage = session()): UseSelfOpenReturn {
  if (!open) {
    let stored: string | null = null
    try {
      stored = storage?.getItem(SELF_OPEN_KEY) ?? null
    } catch {
      // Storage refused (private mode): the choice lasts as long as the page.
    }
    open = ref(stored !== '0')
  }
  const state = open
  const toggle = (): void => {
    state.value = !state.value
    try {
      storage?.setItem(SELF_OPEN_KEY, state.value ? '1' : '0')
    } catch {
      // As above: remembered for the page only.
    }
  }
  return { open: state, toggle }
}
