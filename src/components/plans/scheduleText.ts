/** A plan's schedule in words, in the reader's language: 每周三、五 18:00 前 / weekly on Wed, Fri by 18:00. */
import { useI18n } from 'vue-i18n'
import type { Schedule } from '@/core/plans'

export function useScheduleText(): (schedule: Schedule, dueTime: string) => string {
  const { t } = useI18n()
  return (schedule, dueTime) => {
    const due = t('plans.due', { time: dueTime })
    switch (schedule.type) {
      case 'once':
        return `${t('plans.once', { date: schedule.date })} ${due}`
      case 'weekly':
        return `${t('plans.weekly', { days: schedule.days.map((d) => t(`plans.weekdays.${d}`)).join(t('plans.daySeparator')) })} ${due}`
      case 'monthly':
        return `${t('plans.monthly', { day: schedule.day })} ${due}`
      default: {
        const never: never = schedule
        return never
      }
    }
  }
}
