// @vitest-environment happy-dom
// Review as a step (#14): a submitted review says whether the reviewed can see it, and releases
// it through the team server; the release is noted on the device at once, a refusal is shown.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { API } from '@/core/sync/protocol'
import { openDatabase, setDb, type QingdanDatabase } from '@/db'
import { useAccountStore } from '@/stores/account'
import ReviewRelease from '@/components/results/ReviewRelease.vue'
import { fakeFetch, issue, session, signedInBefore } from '../../stores/sync-helpers'
import { freshPinia, mountPage } from '../sync/mountSync'

const ID = 'review-1'
let db: QingdanDatabase

beforeEach(async () => {
  localStorage.clear()
  db = openDatabase({ name: `release-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })
  setDb(db)
  await db.responses.put({ id: ID, templateId: 't', templateVersion: 1, templateTitle: 'T', role: 'review', subject: {}, status: 'submitted', inspector: '王老师', startedAt: 'x', updatedAt: 'x' })
})
afterEach(() => db.close())

async function mountWith(routes: Parameters<typeof fakeFetch>[0], props: { releasedAt?: string } = {}) {
  const pinia = freshPinia()
  const fetch = fakeFetch(routes)
  useAccountStore().configure({ fetch })
  const wrapper = await mountPage(ReviewRelease, { pinia, props: { responseId: ID, ...props } })
  return { wrapper, fetch }
}

describe('ReviewRelease', () => {
  it('releases through the server and notes the time on the device', async () => {
    signedInBefore(session())
    const { wrapper, fetch } = await mountWith({ [`POST ${API.reviews}/${ID}/release`]: () => ({ body: { id: ID, releasedAt: '2026-12-03T08:00:00.000Z' } }) })
    expect(wrapper.text()).toContain('未发布')
    await wrapper.get('[data-testid=release-review]').trigger('click')
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect((await db.responses.get(ID))?.releasedAt).toBe('2026-12-03T08:00:00.000Z')
    wrapper.unmount()
  })

  it('shows the server’s refusal and stores nothing', async () => {
    signedInBefore(session())
    const { wrapper } = await mountWith({ [`POST ${API.reviews}/${ID}/release`]: () => ({ status: 404, body: { error: issue('没有可以发布的这份评审。', 'No such review to release.') } }) })
    await wrapper.get('[data-testid=release-review]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role=alert]').text()).toContain('没有可以发布的这份评审')
    expect((await db.responses.get(ID))?.releasedAt).toBeUndefined()
    wrapper.unmount()
  })

  it('says a release needs the server when signed out, and shows a release already made', async () => {
    const out = await mountWith({})
    expect(out.wrapper.find('[data-testid=release-review]').exists()).toBe(false)
    expect(out.wrapper.text()).toContain('发布需要连接团队服务器')
    out.wrapper.unmount()
    const released = await mountWith({}, { releasedAt: '2026-12-03T08:00:00.000Z' })
    expect(released.wrapper.text()).toContain('已发布')
    released.wrapper.unmount()
  })
})
