/**
 * The short texts every item row shows (不适用, 备注, 减少 …), translated once per language and
 * shared by all rows.
 *
 * Why: each `t()` call inside a row's render subscribes that row to several of vue-i18n's refs;
 * with five calls per row a 1,000-item checklist held ~60,000 dependency links (measured: a
 * third of the view's JS heap). One shared computed costs each row a single subscription.
 */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Lang } from '@/core/result'

export interface FillLabels {
  /** The language the core's words (rule lines) are asked in. */
  lang: Lang
  na: string
  note: string
  notePlaceholder: string
  showSteps: string
  decrease: string
  increase: string
  /** "{score} / {max} 分" with the figures filled in. */
  points: (score: number, max: number) => string
  bonusPoints: (score: number) => string
}

const shared = new WeakMap<object, ComputedRef<FillLabels>>()

export function useFillLabels(): ComputedRef<FillLabels> {
  const composer = useI18n()
  let labels = shared.get(composer)
  if (!labels) {
    const { t, locale } = composer
    labels = computed<FillLabels>(() => {
      void locale.value
      // Placeholders survive `t` as literal markers, filled per row without another `t` call.
      const points = t('fill.item.points', { score: '\u0001', max: '\u0002' })
      const bonus = t('fill.item.bonusPoints', { score: '\u0001' })
      return {
        lang: locale.value === 'en' ? 'en' : 'zh-CN',
        na: t('fill.item.na'),
        note: t('fill.item.note'),
        notePlaceholder: t('fill.item.notePlaceholder'),
        showSteps: t('fill.item.showSteps'),
        decrease: t('fill.item.decrease'),
        increase: t('fill.item.increase'),
        points: (score, max) => points.replace('\u0001', String(score)).replace('\u0002', String(max)),
        bonusPoints: (score) => bonus.replace('\u0001', String(score)),
      }
    })
    shared.set(composer, labels)
  }
  return labels
}
