import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue'

/** What useOnline needs from `window`; tests pass a stub. */
export type OnlineTarget = Pick<Window, 'addEventListener' | 'removeEventListener'> & {
  navigator: Pick<Navigator, 'onLine'>
}

export interface UseOnlineOptions {
  /** Defaults to the global window; `undefined` outside a browser means "assume online". */
  window?: OnlineTarget
}

/**
 * Whether the browser believes it has a network. `navigator.onLine === true` can be wrong
 * (a captive portal), but `false` is reliable, which is what the offline badge is for.
 */
export function useOnline({ window: target = defaultWindow() }: UseOnlineOptions = {}): Ref<boolean> {
  const online = ref(target ? target.navigator.onLine : true)
  if (!target) return online

  const update = (): void => {
    online.value = target.navigator.onLine
  }
  target.addEventListener('online', update)
  target.addEventListener('offline', update)
  if (getCurrentScope()) {
    onScopeDispose(() => {
      target.removeEventListener('online', update)
      target.removeEventListener('offline', update)
    })
  }
  return online
}

function defaultWindow(): OnlineTarget | undefined {
  return typeof window === 'undefined' ? undefined : window
}
