// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import AttachmentImage from '@/components/results/AttachmentImage.vue'
import { useResponsesStore, type AttachmentMeta } from '@/stores/responses'

// Blobs do not survive fake-indexeddb's structured clone under happy-dom, so the store's read is
// replaced here; tests/stores/responses.test.ts reads real Blobs from the database in node.
const full = new Blob(['full'])
const thumb = new Blob(['thumb'])
let reads: Array<[string, boolean]> = []
beforeEach(() => {
  setActivePinia(createPinia())
  reads = []
  useResponsesStore().attachmentBlob = async (id: string, wantFull = false) => (reads.push([id, wantFull]), wantFull ? full : thumb)
})

async function stored(type: string): Promise<AttachmentMeta> {
  return { id: 'a1', responseId: 'r1', itemId: 'q1', name: 'photo.jpg', type, size: 4, createdAt: '2026-11-27T02:00:00.000Z' }
}

describe('AttachmentImage', () => {
  it('reads the thumbnail (or the full image) through the store and revokes its URL on unmount', async () => {
    const created: Blob[] = []
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), `blob:${created.length}`))
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const meta = await stored('image/jpeg')
    const w = mount(AttachmentImage, { props: { attachment: meta } })
    await vi.waitFor(async () => (await flushPromises(), expect(w.find('img').exists()).toBe(true)))
    expect(w.get('img').attributes()).toMatchObject({ src: 'blob:1', alt: 'photo.jpg' })
    expect(created[0]).toBe(thumb)
    await w.setProps({ full: true })
    await vi.waitFor(async () => (await flushPromises(), expect(w.get('img').attributes('src')).toBe('blob:2')))
    expect(created[1]).toBe(full)
    expect(reads).toEqual([['a1', false], ['a1', true]])
    expect(revoke).toHaveBeenCalledWith('blob:1')
    w.unmount()
    expect(revoke).toHaveBeenCalledWith('blob:2')
    create.mockRestore()
    revoke.mockRestore()
  })

  it('shows the name of a file that is not an image, without reading it', async () => {
    const meta = await stored('application/pdf')
    const w = mount(AttachmentImage, { props: { attachment: meta } })
    await flushPromises()
    expect(w.find('img').exists()).toBe(false)
    expect(w.text()).toBe('photo.jpg')
    expect(reads).toEqual([])
  })
})
