// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter, routes } from '@/app/router'
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
    ]
    for (const [path, name] of cases) expect(router.resolve(path).name, path).toBe(name)
    expect(router.resolve('/fill/new/dorm-safety/3').params).toEqual({ templateId: 'dorm-safety', version: '3' })
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
})
