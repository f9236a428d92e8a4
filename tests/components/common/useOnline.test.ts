import { describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import { useOnline, type OnlineTarget } from '@/composables/useOnline'

// A window stand-in: real EventTarget semantics, a navigator whose onLine we control.
function fakeWindow(onLine: boolean) {
  const target = new EventTarget()
  const win = Object.assign(target, { navigator: { onLine } }) as EventTarget & OnlineTarget
  const go = (state: boolean): void => {
    win.navigator = { onLine: state }
    win.dispatchEvent(new Event(state ? 'online' : 'offline'))
  }
  return { win, go }
}

describe('useOnline', () => {
  it('starts from navigator.onLine', () => {
    expect(useOnline({ window: fakeWindow(false).win }).value).toBe(false)
    expect(useOnline({ window: fakeWindow(true).win }).value).toBe(true)
  })

  it('follows the offline and online events', () => {
    const { win, go } = fakeWindow(true)
    const online = useOnline({ window: win })
    go(false)
    expect(online.value).toBe(false)
    go(true)
    expect(online.value).toBe(true)
  })

  it('stops listening when its scope is disposed', () => {
    const { win, go } = fakeWindow(true)
    const scope = effectScope()
    const online = scope.run(() => useOnline({ window: win }))!
    scope.stop()
    go(false)
    expect(online.value).toBe(true)
  })

  it('assumes online outside a browser', () => {
    expect(useOnline().value).toBe(true)
  })
})
