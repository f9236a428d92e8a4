// Mounting helper for fill components: the app's i18n (zh-CN) so labels are the real ones.
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import type { Component } from 'vue'
import { createAppI18n } from '@/app/i18n'

export function mountFill<C extends Component>(component: C, options: ComponentMountingOptions<C> = {} as ComponentMountingOptions<C>) {
  return mount(component, {
    ...options,
    global: { ...options.global, plugins: [...(options.global?.plugins ?? []), createAppI18n('zh-CN')] },
  })
}
