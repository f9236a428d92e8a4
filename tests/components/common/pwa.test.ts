import { describe, expect, it, vi } from 'vitest'
import { registerPwa } from '@/app/pwa'

/** A service worker container: an event target with a controller and a register spy. */
function container(controlled: boolean) {
  const target = new EventTarget()
  return Object.assign(target, {
    controller: controlled ? ({} as ServiceWorker) : null,
    register: vi.fn(async () => ({}) as ServiceWorkerRegistration),
  }) as unknown as ServiceWorkerContainer & { register: ReturnType<typeof vi.fn> }
}

describe('registerPwa', () => {
  it('registers the generated worker at the app root', () => {
    const c = container(false)
    registerPwa(c, vi.fn())
    expect(c.register).toHaveBeenCalledWith('/sw.js', { scope: '/' })
  })

  it('does not reload when the first worker of a first visit takes control', () => {
    const c = container(false)
    const reload = vi.fn()
    registerPwa(c, reload)
    c.dispatchEvent(new Event('controllerchange'))
    expect(reload).not.toHaveBeenCalled()
    // A later update taking over does reload, so the page runs the new version.
    c.dispatchEvent(new Event('controllerchange'))
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('reloads once an updated worker replaces the one controlling the page', () => {
    const c = container(true)
    const reload = vi.fn()
    registerPwa(c, reload)
    c.dispatchEvent(new Event('controllerchange'))
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
