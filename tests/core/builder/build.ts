import type { Item, Section, Template } from '@/core/format/types'

export const single = (id: string, max = 2): Item => ({
  id,
  type: 'single',
  title: `题 ${id}`,
  max,
  options: [
    { id: 'ok', label: '符合', deduct: 0 },
    { id: 'no', label: '不符合', deduct: max },
  ],
})
export const section = (id: string, items: Item[], sections?: Section[]): Section => ({ id, title: `节 ${id}`, items, ...(sections ? { sections } : {}) })
export const template = (sections: Section[]): Template => ({ id: 't', version: 1, title: '模板', sections })
