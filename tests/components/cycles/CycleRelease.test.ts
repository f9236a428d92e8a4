// @vitest-environment happy-dom
// Issue #15: releasing the results is an explicit step, confirmed, and only for those who may.
import { describe, expect, it } from 'vitest'
import { createPinia } from 'pinia'
import CycleRelease from '@/components/cycles/results/CycleRelease.vue'
import { mountFill } from '../fill/mountWith'

function mountRelease(props: Partial<{ releasedAt: string; mayRelease: boolean; signedIn: boolean; busy: boolean; error: string | null }> = {}) {
  return mountFill(CycleRelease, {
    props: { mayRelease: true, signedIn: true, busy: false, error: null, ...props },
    attachTo: document.body,
    global: { plugins: [createPinia()] },
  })
}

describe('CycleRelease', () => {
  it('says the branches cannot see the results yet, and releases only after the confirmation', async () => {
    const page = mountRelease()
    expect(page.get('[data-testid=cycle-unreleased]').text()).toBe('结果尚未发布，各支部还看不到评审结果。')
    await page.get('[data-testid=release-cycle]').trigger('click')
    expect(page.emitted('release')).toBeUndefined()
    expect(page.get('dialog').text()).toContain('发布后，各支部可以看到本支部的评审结果和评委评分。')
    await page.get('[data-testid=confirm]').trigger('click')
    expect(page.emitted('release')).toHaveLength(1)
    expect(page.find('dialog').exists()).toBe(false)
    page.unmount()
  })

  it('does not release when the confirmation is cancelled', async () => {
    const page = mountRelease()
    await page.get('[data-testid=release-cycle]').trigger('click')
    await page.get('dialog').findAll('button')[0]!.trigger('click')
    expect(page.emitted('release')).toBeUndefined()
    expect(page.find('dialog').exists()).toBe(false)
    page.unmount()
  })

  it('hides the button from those without the right, but still says the results are not released', () => {
    const page = mountRelease({ mayRelease: false })
    expect(page.find('[data-testid=release-cycle]').exists()).toBe(false)
    expect(page.find('[data-testid=cycle-unreleased]').exists()).toBe(true)
    page.unmount()
  })

  it('asks to sign in when offline, shows the time once released, and a refusal as the server said it', () => {
    const offline = mountRelease({ signedIn: false })
    expect(offline.find('[data-testid=release-cycle]').exists()).toBe(false)
    expect(offline.text()).toContain('发布需要联网并登录团队服务器。')
    offline.unmount()
    const done = mountRelease({ releasedAt: '2026-12-20T02:00:00.000Z' })
    expect(done.get('[data-testid=cycle-released]').text()).toBe('已发布（2026-12-20 10:00）')
    expect(done.find('[data-testid=cycle-unreleased]').exists()).toBe(false)
    expect(done.find('[data-testid=release-cycle]').exists()).toBe(false)
    done.unmount()
    const refused = mountRelease({ error: '你在范围没有这项权限。' })
    expect(refused.get('[role=alert]').text()).toBe('发布失败：你在范围没有这项权限。')
    refused.unmount()
  })
})
