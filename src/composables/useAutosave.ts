/**
 * Autosave: every change is written to IndexedDB, taps at once, typing debounced (≤ 300 ms quiet,
 * but never more than `maxWaitMs` behind: continuous typing still saves). The fill store queues
 * answers and attachments, the builder its draft; what a write does is the caller's.
 *
 * A keyed write queue. Each key (an item's answer, an attachment, a draft …) holds only its latest write:
 * a newer value replaces one that has not started (latest wins). Writes run one at a time, in the
 * order their keys were first queued, so an attachment queued before the answer that names it is
 * committed first and one item never has two writes in flight. A failed write stays in the queue
 * (the value is still in memory), the state says so, and it is retried with backoff or on
 * `retry()`: nothing is ever silently dropped. An error no retry can fix (`isFatal`, e.g. the
 * response was submitted in another tab) stops the queue and hands every unwritten key to
 * `onFatal`, whose job is to keep those values for the person.
 *
 * In a browser it also guards the page's end: pending writes are flushed on `pagehide` and when
 * the page is hidden (a tablet's home button), and leaving with writes pending or failed asks
 * first (`beforeunload`).
 */
import { nextTick, onScopeDispose, readonly, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'

/** `stopped`: a fatal error ended the queue; its writes went to `onFatal`, none was stored. */
export const SAVE_STATES = ['idle', 'saving', 'saved', 'error', 'stopped'] as const
export type SaveState = (typeof SAVE_STATES)[number]

export interface QueueOptions {
  /** Wait until this key has been quiet for `debounceMs` (typing). Default: write at once (taps). */
  debounce?: boolean
}

export interface UseAutosaveOptions {
  /** Called once, before the first write (asks the browser to keep our storage). Failures are ignored. */
  persistStorage?: () => Promise<unknown>
  /** Nothing is written while false: never write before the first load has finished. Default true. */
  ready?: MaybeRefOrGetter<boolean>
  /** ≤ 300 ms per the product brief. */
  debounceMs?: number
  /** A debounced key is written at the latest this long after its first unwritten change (≤ 2 s). */
  maxWaitMs?: number
  /** Delays before automatic retries; the last one repeats. */
  retryDelaysMs?: readonly number[]
  /**
   * Runs a write pass soon. Default: the next macrotask, so the tap's re-render is painted before
   * IndexedDB work starts (a put costs a few ms of main thread) — still "at once" to a person.
   */
  schedule?: (run: () => void) => void
  /** A write error no retry can fix: the queue stops instead of retrying. Default: none is. */
  isFatal?: (error: unknown) => boolean
  /** Called once per fatal error with the keys whose writes were abandoned (the failed one first). */
  onFatal?: (error: unknown, keys: string[]) => void
  /**
   * The window whose `pagehide`, `visibilitychange` (of its document) and `beforeunload` are
   * watched; null for none. Default: the global window, when there is one.
   */
  window?: PageLifecycleTarget | null
}

/** The part of `window` autosave listens to (a fake in tests). */
export interface PageLifecycleTarget {
  addEventListener(type: string, listener: (event: Event) => void): void
  removeEventListener(type: string, listener: (event: Event) => void): void
  document?: {
    visibilityState: DocumentVisibilityState
    addEventListener(type: string, listener: (event: Event) => void): void
    removeEventListener(type: string, listener: (event: Event) => void): void
  }
}

/** A macrotask without setTimeout's clamping (and untouched by fake timers in tests). */
export function nextMacrotask(run: () => void): void {
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      run()
    }
    channel.port2.postMessage(null)
  } else setTimeout(run, 0)
}

/**
 * Right after Vue has patched the DOM for the change (and after mutation observers saw it), but
 * before the browser renders the frame. For small writes (one answer row): starting the
 * transaction costs the main thread well under a millisecond, and IndexedDB then works in the
 * storage process while this thread lays out and paints, instead of only after that frame — on a
 * long checklist the frame takes ~10 ms (issue #4).
 */
export function afterDomPatch(run: () => void): void {
  void nextTick(run)
}

export interface UseAutosaveReturn {
  state: Readonly<Ref<SaveState>>
  /** The last write error (e.g. a QuotaExceededError DOMException), until a retry succeeds. */
  lastError: Readonly<Ref<unknown>>
  /** Keys not yet committed (queued, debouncing, in flight or failed). */
  pending: Readonly<Ref<number>>
  /**
   * Queues a write under a key (`answer:q1`, `draft` …); a later write under the same key replaces
   * it if it has not started. The write should capture its value now, so the latest one is stored.
   */
  enqueue(key: string, write: () => Promise<void>, options?: QueueOptions): void
  /** Retries failed writes now. */
  retry(): void
  /** Writes everything now; resolves true when all is committed, false when a write failed. */
  flush(): Promise<boolean>
  dispose(): void
}

interface Job {
  write: () => Promise<void>
  timer?: ReturnType<typeof setTimeout>
  failed?: boolean
  /** When the first change not yet written under this key was queued (for `maxWaitMs`). */
  since: number
}

export function useAutosave(options: UseAutosaveOptions = {}): UseAutosaveReturn {
  const {
    persistStorage,
    ready = true,
    debounceMs = 300,
    maxWaitMs = 2000,
    retryDelaysMs = [1000, 2000, 5000, 15000],
    schedule = nextMacrotask,
    isFatal = () => false,
    onFatal,
    window: target = typeof window === 'undefined' ? null : window,
  } = options

  const state = ref<SaveState>('idle')
  const lastError = ref<unknown>(null)
  const pending = ref(0)

  // Map keeps insertion order: the queue order. A key is deleted once its write commits.
  const jobs = new Map<string, Job>()
  let running = false
  let scheduled = false
  let persisted = false
  let attempt = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let waiters: Array<(ok: boolean) => void> = []
  let disposed = false

  function refresh(): void {
    pending.value = jobs.size
    const failed = [...jobs.values()].some((j) => j.failed)
    if (failed) state.value = 'error'
    else if (jobs.size > 0 || running) state.value = 'saving'
    else if (state.value !== 'idle' && state.value !== 'stopped') state.value = 'saved'
  }

  function enqueue(key: string, write: () => Promise<void>, opts: QueueOptions = {}): void {
    if (disposed) return
    const previous = jobs.get(key)
    if (previous?.timer !== undefined) clearTimeout(previous.timer)
    const now = Date.now()
    // Map.set on an existing key keeps its place, so ordering across keys holds. A replaced job
    // that was not written yet keeps its start: continuous typing is written every maxWaitMs.
    const job: Job = { write, since: previous ? previous.since : now }
    jobs.set(key, job)
    if (opts.debounce) {
      const delay = Math.max(0, Math.min(debounceMs, job.since + maxWaitMs - now))
      job.timer = setTimeout(() => {
        job.timer = undefined
        void pump()
      }, delay)
    }
    if (state.value === 'idle' || state.value === 'saved' || state.value === 'stopped') state.value = 'saving'
    refresh()
    if (!opts.debounce && !scheduled) {
      scheduled = true
      schedule(() => {
        scheduled = false
        void pump()
      })
    }
  }

  // Failed jobs wait for a retry; a job replaced while in flight is a new, runnable job.
  function nextRunnable(): [string, Job] | undefined {
    for (const entry of jobs) {
      const job = entry[1]
      if (job.timer === undefined && !job.failed) return entry
    }
    return undefined
  }

  async function pump(): Promise<void> {
    if (running || disposed || !toValue(ready)) return
    running = true
    try {
      for (let entry = nextRunnable(); entry; entry = nextRunnable()) {
        const [key, job] = entry
        if (!persisted && persistStorage) {
          persisted = true
          persistStorage().catch(() => undefined)
        }
        refresh()
        try {
          await job.write()
          // A newer value may have been queued meanwhile: only remove the job we wrote.
          const current = jobs.get(key)
          if (current === job) jobs.delete(key)
          // A later change of this key starts its own max wait.
          else if (current) current.since = Date.now()
        } catch (error) {
          lastError.value = error
          job.failed = true
          if (isFatal(error)) {
            stop(key, error)
            return
          }
        }
      }
    } finally {
      running = false
    }
    const failed = [...jobs.values()].some((j) => j.failed)
    if (failed) scheduleRetry()
    else {
      attempt = 0
      lastError.value = null
    }
    refresh()
    settle()
  }

  function settle(): void {
    const busy = [...jobs.values()].some((j) => !j.failed && j.timer === undefined)
    if (running || busy) return
    const failed = [...jobs.values()].some((j) => j.failed)
    const debouncing = [...jobs.values()].some((j) => j.timer !== undefined)
    if (debouncing && !failed) return
    const done = waiters
    waiters = []
    for (const resolve of done) resolve(!failed && jobs.size === 0)
  }

  /** A fatal error: every unwritten key goes to onFatal, nothing is retried. */
  function stop(failedKey: string, error: unknown): void {
    const keys = [failedKey, ...[...jobs.keys()].filter((k) => k !== failedKey)]
    for (const job of jobs.values()) if (job.timer !== undefined) clearTimeout(job.timer)
    jobs.clear()
    if (retryTimer !== undefined) clearTimeout(retryTimer)
    retryTimer = undefined
    attempt = 0
    running = false
    pending.value = 0
    state.value = 'stopped'
    const done = waiters
    waiters = []
    for (const resolve of done) resolve(false)
    onFatal?.(error, keys)
  }

  function scheduleRetry(): void {
    if (retryTimer !== undefined || disposed) return
    const delay = retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)] ?? 1000
    attempt += 1
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      unfail()
      void pump()
    }, delay)
  }

  function unfail(): void {
    for (const job of jobs.values()) job.failed = false
  }

  function retry(): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer)
    retryTimer = undefined
    unfail()
    refresh()
    void pump()
  }

  function flush(): Promise<boolean> {
    for (const job of jobs.values()) {
      if (job.timer !== undefined) clearTimeout(job.timer)
      job.timer = undefined
    }
    if (jobs.size === 0 && !running) return Promise.resolve(true)
    const result = new Promise<boolean>((resolve) => waiters.push(resolve))
    retry()
    return result
  }

  function dispose(): void {
    disposed = true
    if (retryTimer !== undefined) clearTimeout(retryTimer)
    for (const job of jobs.values()) if (job.timer !== undefined) clearTimeout(job.timer)
    target?.removeEventListener('pagehide', onPageHide)
    target?.removeEventListener('beforeunload', onBeforeUnload)
    target?.document?.removeEventListener('visibilitychange', onVisibility)
  }

  // The page may be killed once hidden (a tablet's home button, a closed tab): write out what is
  // debouncing now rather than lose it.
  function onPageHide(): void {
    if (jobs.size > 0) void flush()
  }
  function onVisibility(): void {
    if (target?.document?.visibilityState === 'hidden') onPageHide()
  }
  // Leaving with a write pending or failed: ask first (the browser shows its own wording).
  function onBeforeUnload(event: Event): void {
    if (jobs.size === 0 && !running) return
    void flush()
    event.preventDefault()
    // Older Chromium (tablets stay on old WebViews) shows the prompt only with returnValue set.
    if (typeof BeforeUnloadEvent !== 'undefined' && event instanceof BeforeUnloadEvent) event.returnValue = 'unsaved'
  }
  target?.addEventListener('pagehide', onPageHide)
  target?.addEventListener('beforeunload', onBeforeUnload)
  target?.document?.addEventListener('visibilitychange', onVisibility)

  // Writes queued before the first load finished start as soon as it has.
  watch(
    () => toValue(ready),
    (isReady) => {
      if (isReady) void pump()
    },
  )
  onScopeDispose(dispose, true)

  return {
    state: readonly(state),
    lastError: readonly(lastError),
    pending: readonly(pending),
    enqueue,
    retry,
    flush,
    dispose,
  }
}
