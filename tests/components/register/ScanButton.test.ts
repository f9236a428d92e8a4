// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { labelUrl } from '@/core/register/qr'
import ScanButton from '@/components/register/ScanButton.vue'
import { mountFill } from '../fill/mountWith'

function fakeCamera(frames: string[][]) {
  const stop = vi.fn()
  const stream = Object.assign(new MediaStream(), { getTracks: () => [{ stop }] })
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: async () => stream }, configurable: true })
  vi.stubGlobal('BarcodeDetector', class { detect = async () => (frames.shift() ?? []).map((rawValue) => ({ rawValue })) })
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
  return stop
}

async function mountButton() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/fill', name: 'drafts', component: ScanButton },
      { path: '/s/:subjectId', name: 'scan', component: defineComponent({ render: () => h('p', 'landing') }) },
    ],
  })
  await router.push('/fill')
  return { router, wrapper: mountFill(ScanButton, { global: { plugins: [router] } }) }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  Reflect.deleteProperty(navigator, 'mediaDevices')
})

describe('ScanButton', () => {
  it('opens the scanner and goes to the scanned room’s page, closing the camera', async () => {
    // The page's own address: what labelUrl must have been given for the scan to count.
    const stop = fakeCamera([[], [labelUrl('room:3号楼/301', window.location.origin)]])
    const { router, wrapper } = await mountButton()
    expect(wrapper.find('dialog').exists()).toBe(false)
    await wrapper.get('[data-testid=scan-button]').trigger('click')
    expect(wrapper.get('dialog').attributes('aria-label')).toBe('扫描房间二维码')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('scan'), { timeout: 3000 })
    expect(router.currentRoute.value.params).toEqual({ subjectId: 'room:3号楼/301' })
    expect(stop).toHaveBeenCalled()
    expect(wrapper.find('dialog').exists()).toBe(false)
  })

  it('closes the camera when the dialog is closed without a scan', async () => {
    const stop = fakeCamera([])
    const { router, wrapper } = await mountButton()
    await wrapper.get('[data-testid=scan-button]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('.finder').exists()).toBe(true), { timeout: 3000 })
    await wrapper.get('dialog .actions button').trigger('click')
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(stop).toHaveBeenCalled()
    expect(router.currentRoute.value.name).toBe('drafts')
  })
})
