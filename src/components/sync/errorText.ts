import { useI18n } from 'vue-i18n'
import { useLang } from '@/app/i18n'
import type { TransportError } from '@/sync/transport'

/**
 * The sentence for a failed request in the reader's language: the server's own message when it
 * sent one (an `Issue` in zh-CN and en), else one chosen by what went wrong.
 */
export function useErrorText(): (error: TransportError | null | undefined) => string {
  const { t } = useI18n()
  const lang = useLang()
  return (error) => {
    if (!error) return ''
    return error.issue ? error.issue.message[lang.value] : t(`sync.error.${error.failure}`)
  }
}
