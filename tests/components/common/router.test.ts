// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppRouter, routes } from '@/app/router'
import { installRoutePreload } from '@/app/preload'
import HomeView from '@/views/HomeView.vue'

describe('app router', () => {
  it('resolves the paths other parts of the app rely on to their route names', () => {
    const router = createAppRouter(createMemoryHistory())
    const cases: Array<[string, string]> = [
      ['/', 'home'],
      ['/templates', 'templates'],
      ['/fill', 'drafts'],
      ['/fill/new/dorm-safety/3', 'fill-start'],
      ['/fill/r-1', 'fill'],
      ['/results', 'results'],
      ['/settings', 'settings'],
      ['/s/room%3A3%E5%8F%B7%E6%A5%BC%2F301', 'scan'],
      ['/register/labels', 'register-labels'],
    ]
    for (const [path, name] of cases) expect(router.resolve(path).name, path).toBe(name)
    expect(router.resolve('/fill/new/dorm-safety/3').params).toEqual({ templateId: 'dorm-safety', version: '3' })
    // A room label's address: the encoded slash stays inside the one param.
    expect(router.resolve('/s/room%3A3%E5%8F%B7%E6%A5%BC%2F301').params).toEqual({ subjectId: 'room:3号楼/301' })
    expect(router.resolve({ name: 'scan', params: { subjectId: 'room:3号楼/301' } }).path).toBe('/s/room:3%E5%8F%B7%E6%A5%BC%2F301')
  })

  it('loads only the home page eagerly, every other page as its own chunk', () => {
    const named = routes.filter((r) => r.name)
    for (const r of named) {
      if (r.name === 'home') expect(r.component).toBe(HomeView)
      else expect(typeof r.component, String(r.name)).toBe('function')
    }
  })

  it('asks for FormKit only on the pages whose forms use it, never on the fill path', () => {
    expect(routes.filter((r) => r.meta?.formkit).map((r) => r.name).sort()).toEqual(['builder', 'settings'])
  })

  it('sends an unknown address home', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('does not scroll (nor force a layout) when the page left was at the top, and goes to the top otherwise', async () => {
    const router = createAppRouter(createMemoryHistory())
    const scrollBehavior = router.options.scrollBehavior!
    const at = (y: number) => Object.defineProperty(window, 'scrollY', { value: y, configurable: true })
    at(0)
    await router.push('/?a=1')
    expect(await scrollBehavior(router.currentRoute.value, router.currentRoute.value, null)).toBe(false)
    at(400)
    await router.push('/?a=2')
    expect(await scrollBehavior(router.currentRoute.value, router.currentRoute.value, null)).toEqual({ top: 0 })
    // Back and forward restore the saved position.
    expect(await scrollBehavior(router.currentRoute.value, router.currentRoute.value, { left: 0, top: 120 })).toEqual({ left: 0, top: 120 })
    at(0)
  })
})

describe('route preload', () => {
  it("starts loading the target page's chunk before slower guards have resolved", async () => {
    const page = { render: () => null }
    const load = vi.fn(async () => page)
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: page },
        { path: '/fill/:id', component: load },
      ],
    })
    installRoutePreload(router)
    let release = (): void => undefined
    const seen: number[] = []
    router.beforeEach(async () => {
      seen.push(load.mock.calls.length)
      await new Promise<void>((done) => (release = done))
    })
    const navigation = router.push('/fill/r-1')
    await vi.waitFor(() => expect(seen).toEqual([1]))
    release()
    await navigation
    expect(router.currentRoute.value.fullPath).toBe('/fill/r-1')
  })
})
