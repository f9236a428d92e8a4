import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, watch } from 'vue'
import { afterDomPatch, useAutosave, type QueueOptions, type UseAutosaveOptions } from '@/composables/useAutosave'
import type { Answer } from '@/core/format/types'

/** A fake db write of one answer that records what was committed and can be told to fail. */
function fakeStore() {
  const committed: Array<[string, Answer]> = []
  let failures = 0
  let inFlight = 0
  let maxInFlight = 0
  const write = vi.fn(async (itemId: string, answer: Answer) => {
    inFlight += 1
    maxInFlight = Math.max(maxInFlight, inFlight)
    await Promise.resolve()
    inFlight -= 1
    if (failures > 0) {
      failures -= 1
      throw new DOMException('disk full', 'QuotaExceededError')
    }
    committed.push([itemId, answer])
  })
  return {
    committed,
    write,
    failNext(n: number) {
      failures = n
    },
    get maxInFlight() {
      return maxInFlight
    },
  }
}

function setup(extra: UseAutosaveOptions = {}) {
  const store = fakeStore()
  const scope = effectScope()
  const autosave = scope.run(() => useAutosave(extra))!
  /** Queues an answer as the fill store does: one key per item, the value captured now. */
  const save = (itemId: string, answer: Answer, options?: QueueOptions) =>
    autosave.enqueue(`answer:${itemId}`, () => store.write(itemId, answer), options)
  return { store, autosave, save, scope }
}

/** Lets the scheduled write pass (a macrotask) and the fake writes (microtasks) run. */
async function settle() {
  for (let round = 0; round < 3; round++) {
    await new Promise<void>((r) => {
      const c = new MessageChannel()
      c.port1.onmessage = () => {
        c.port1.close()
        r()
      }
      c.port2.postMessage(null)
    })
    for (let i = 0; i < 10; i++) await Promise.resolve()
  }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useAutosave', () => {
  it('writes a tap at once and reports saved', async () => {
    const { store, autosave, save } = setup()
    save('q1', { value: 'yes' })
    expect(autosave.state.value).toBe('saving')
    await settle()
    expect(store.committed).toEqual([['q1', { value: 'yes' }]])
    expect(autosave.state.value).toBe('saved')
    expect(autosave.pending.value).toBe(0)
  })

  it('debounces typing and writes only the latest text', async () => {
    const { store, autosave, save } = setup({ debounceMs: 300 })
    save('t', { value: 'a' }, { debounce: true })
    vi.advanceTimersByTime(200)
    save('t', { value: 'ab' }, { debounce: true })
    vi.advanceTimersByTime(200)
    await settle()
    expect(store.committed).toEqual([])
    expect(autosave.state.value).toBe('saving')
    vi.advanceTimersByTime(100)
    await settle()
    expect(store.committed).toEqual([['t', { value: 'ab' }]])
  })

  it('lets the latest value win and never has two writes of an item in flight', async () => {
    const { store, save } = setup()
    save('q1', { value: 'a' })
    save('q1', { value: 'b' })
    await settle()
    save('q1', { value: 'c' })
    save('q1', { value: 'd' })
    save('q1', { value: 'e' })
    await settle()
    expect(store.maxInFlight).toBe(1)
    // 'a' was replaced by 'b' before its write started; 'c' and 'd' by 'e'.
    expect(store.committed.map(([, a]) => a.value)).toEqual(['b', 'e'])
  })

  it('starts writing after the current task, so the tap is painted first', async () => {
    const { store, save } = setup()
    save('q1', { value: 'yes' })
    for (let i = 0; i < 10; i++) await Promise.resolve()
    expect(store.write).not.toHaveBeenCalled()
    await settle()
    expect(store.committed).toEqual([['q1', { value: 'yes' }]])
  })

  it('with afterDomPatch, starts writing once Vue has patched the DOM, before any later task', async () => {
    const { store, save } = setup({ schedule: afterDomPatch })
    const label = ref('')
    const order: string[] = []
    const scope = effectScope()
    // A post-flush watcher stands in for the DOM patch of the tap.
    scope.run(() => watch(label, () => void order.push('patched'), { flush: 'post' }))
    store.write.mockImplementationOnce(async () => void order.push('write'))
    label.value = 'yes'
    save('q1', { value: 'yes' })
    expect(store.write).not.toHaveBeenCalled()
    await nextTick()
    await Promise.resolve()
    expect(order).toEqual(['patched', 'write'])
    scope.stop()
  })

  it('writes keys in the order they were first queued', async () => {
    const { autosave } = setup()
    const order: string[] = []
    autosave.enqueue('attachment:x', async () => void order.push('attachment'))
    autosave.enqueue('answer:q', async () => void order.push('answer'))
    await settle()
    expect(order).toEqual(['attachment', 'answer'])
  })

  it('coalesces per key: a debouncing write does not hold back a tap under another key', async () => {
    const { store, autosave, save } = setup({ debounceMs: 400 })
    const drafts: string[] = []
    autosave.enqueue('draft', async () => void drafts.push('v1'), { debounce: true })
    autosave.enqueue('draft', async () => void drafts.push('v2'), { debounce: true })
    save('q1', { value: 'yes' })
    await settle()
    expect(store.committed).toEqual([['q1', { value: 'yes' }]])
    expect(drafts).toEqual([])
    vi.advanceTimersByTime(400)
    await settle()
    expect(drafts).toEqual(['v2'])
    expect(autosave.state.value).toBe('saved')
  })

  it('writes an item again when it changes while another write is in flight', async () => {
    const { store, autosave, save } = setup()
    save('q1', { value: 'a' })
    autosave.enqueue('attachment:x', async () => {
      // The attachment's write finishing updates the answer that names it.
      save('q1', { value: 'a+x' })
    })
    const done = autosave.flush()
    await settle()
    await expect(done).resolves.toBe(true)
    expect(store.committed.map(([, a]) => a.value)).toEqual(['a', 'a+x'])
  })

  it('keeps a failed write, says so, and commits it on retry', async () => {
    const { store, autosave, save } = setup()
    store.failNext(1)
    save('q1', { value: 'yes' })
    await settle()
    expect(autosave.state.value).toBe('error')
    expect((autosave.lastError.value as DOMException).name).toBe('QuotaExceededError')
    expect(autosave.pending.value).toBe(1)
    autosave.retry()
    await settle()
    expect(store.committed).toEqual([['q1', { value: 'yes' }]])
    expect(autosave.state.value).toBe('saved')
    expect(autosave.lastError.value).toBeNull()
  })

  it('retries a failed write by itself with backoff', async () => {
    const { store, autosave, save } = setup({ retryDelaysMs: [1000, 5000] })
    store.failNext(2)
    save('q1', { value: 'yes' })
    await settle()
    vi.advanceTimersByTime(1000)
    await settle()
    expect(store.write).toHaveBeenCalledTimes(2)
    expect(autosave.state.value).toBe('error')
    vi.advanceTimersByTime(4999)
    await settle()
    expect(store.write).toHaveBeenCalledTimes(2)
    vi.advanceTimersByTime(1)
    await settle()
    expect(store.committed).toEqual([['q1', { value: 'yes' }]])
    expect(autosave.state.value).toBe('saved')
  })

  it('drops nothing: a newer value queued during a failure is the one committed', async () => {
    const { store, autosave, save } = setup()
    store.failNext(1)
    save('q1', { value: 'old' })
    save('q2', { value: 'other' })
    await settle()
    save('q1', { value: 'new' })
    await settle()
    expect(store.committed).toEqual([
      ['q2', { value: 'other' }],
      ['q1', { value: 'new' }],
    ])
    expect(autosave.pending.value).toBe(0)
  })

  it('does not write before the first load has finished', async () => {
    const ready = ref(false)
    const { store, save } = setup({ ready })
    save('q1', { value: 'yes' })
    await settle()
    expect(store.committed).toEqual([])
    ready.value = true
    await nextTick()
    await settle()
    expect(store.committed).toEqual([['q1', { value: 'yes' }]])
  })

  it('asks for persistent storage once, on the first save', async () => {
    const persistStorage = vi.fn(async () => true)
    const { save } = setup({ persistStorage })
    expect(persistStorage).not.toHaveBeenCalled()
    save('q1', { value: 1 })
    save('q2', { value: 2 })
    await settle()
    expect(persistStorage).toHaveBeenCalledTimes(1)
  })

  it('flush writes debounced text at once and reports whether all is committed', async () => {
    const { store, autosave, save } = setup()
    save('t', { value: 'draft' }, { debounce: true })
    const done = autosave.flush()
    await settle()
    await expect(done).resolves.toBe(true)
    expect(store.committed).toEqual([['t', { value: 'draft' }]])

    store.failNext(1)
    save('t', { value: 'again' })
    await settle()
    store.failNext(1)
    const failed = autosave.flush()
    await settle()
    await expect(failed).resolves.toBe(false)
  })

  it('writes continuous typing at least every maxWaitMs, not only once it stops', async () => {
    const { store, save } = setup({ debounceMs: 300, maxWaitMs: 2000 })
    let text = ''
    // A key every 100 ms for 4.5 s: never quiet for 300 ms.
    for (let i = 0; i < 45; i++) {
      text += 'a'
      save('t', { value: text }, { debounce: true })
      vi.advanceTimersByTime(100)
      await settle()
    }
    const lengths = store.committed.map(([, a]) => String(a.value).length)
    expect(lengths.length).toBeGreaterThanOrEqual(2)
    // The first write lands within 2 s of the first key, and each next one within 2 s of the last.
    expect(lengths[0]).toBeLessThanOrEqual(21)
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]! - lengths[i - 1]!).toBeLessThanOrEqual(21)
  })

  it('flushes debouncing writes when the page is hidden or left', async () => {
    const page = fakeWindow()
    const { store, save } = setup({ window: page, debounceMs: 300 })
    save('t', { value: 'typed' }, { debounce: true })
    page.document.visibilityState = 'hidden'
    page.document.dispatch('visibilitychange')
    await settle()
    expect(store.committed).toEqual([['t', { value: 'typed' }]])
    save('t', { value: 'typed more' }, { debounce: true })
    page.dispatch('pagehide')
    await settle()
    expect(store.committed.at(-1)).toEqual(['t', { value: 'typed more' }])
  })

  it('asks before the page is left while a write is pending or failed, and not once all is saved', async () => {
    const page = fakeWindow()
    const { store, save } = setup({ window: page })
    store.failNext(1)
    save('q1', { value: 'yes' })
    await settle()
    expect(page.dispatch('beforeunload').defaultPrevented).toBe(true)
    await settle()
    expect(page.dispatch('beforeunload').defaultPrevented).toBe(false)
  })

  it('stops on a fatal error and hands every unwritten key over, instead of retrying forever', async () => {
    const onFatal = vi.fn()
    const locked = new Error('locked')
    const { store, autosave, save } = setup({ isFatal: (e) => e === locked, onFatal })
    store.write.mockRejectedValueOnce(locked)
    save('q1', { value: 'a' })
    save('q2', { value: 'b' }, { debounce: true })
    const done = autosave.flush()
    await settle()
    await expect(done).resolves.toBe(false)
    expect(onFatal).toHaveBeenCalledWith(locked, ['answer:q1', 'answer:q2'])
    expect(autosave.state.value).toBe('stopped')
    expect(autosave.pending.value).toBe(0)
    vi.advanceTimersByTime(60_000)
    await settle()
    expect(store.write).toHaveBeenCalledTimes(1)
  })
})

/** A window and document that only dispatch the events autosave listens to. */
function fakeWindow() {
  const make = () => {
    const target = new EventTarget()
    return {
      addEventListener: (type: string, fn: (e: Event) => void) => target.addEventListener(type, fn),
      removeEventListener: (type: string, fn: (e: Event) => void) => target.removeEventListener(type, fn),
      dispatch: (type: string) => {
        const event = new Event(type, { cancelable: true })
        target.dispatchEvent(event)
        return event
      },
    }
  }
  const document = { ...make(), visibilityState: 'visible' as DocumentVisibilityState }
  return { ...make(), document }
}
