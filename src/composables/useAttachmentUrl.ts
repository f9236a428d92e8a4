/**
 * An object URL for a stored attachment's image, read through the responses store. The URL is
 * revoked when the id changes or the owner unmounts, so browsing many responses does not leak
 * Blob memory; a late read for an id no longer shown is dropped.
 */
import { onScopeDispose, ref, watch, type Ref } from 'vue'
import { useResponsesStore } from '@/stores/responses'

export interface UseAttachmentUrlOptions {
  /** The full image rather than its thumbnail. */
  full?: () => boolean
  /** Reads the bytes (tests pass their own). */
  read?: (id: string, full: boolean) => Promise<Blob | undefined>
}

export function useAttachmentUrl(id: () => string | null, options: UseAttachmentUrlOptions = {}): Ref<string> {
  const { full = () => false, read = (i, f) => useResponsesStore().attachmentBlob(i, f) } = options
  const url = ref('')
  let turn = 0
  const release = (): void => {
    if (url.value) URL.revokeObjectURL(url.value)
    url.value = ''
  }
  watch(
    () => [id(), full()] as const,
    async ([current, wantFull]) => {
      const mine = ++turn
      release()
      if (current === null) return
      const blob = await read(current, wantFull)
      if (mine !== turn || !blob) return
      url.value = URL.createObjectURL(blob)
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    turn++
    release()
  })
  return url
}
