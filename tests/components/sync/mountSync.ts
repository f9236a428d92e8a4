// Mounting helper for the sync and admin pages: fresh pinia, the app's messages, a tiny router.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, type Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '@/app/i18n'
import type { Lang } from '@/core/result'

const Blank = defineComponent({ render: () => null })

export function freshPinia() {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

export async function mountPage(component: Component, { pinia = freshPinia(), lang = 'zh-CN' as Lang, props = {} as Record<string, unknown> } = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: ['/', '/sync', '/admin'].map((path) => ({ path, component: Blank })),
  })
  await router.push('/')
  return mount(component, { props, attachTo: document.body, global: { plugins: [pinia, router, createAppI18n(lang)] } })
}
