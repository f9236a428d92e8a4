/** The cycle routes as the app calls them (#15): paths, methods and bodies. */
import { describe, expect, it } from 'vitest'
import { API, type CycleInput } from '@/core/sync/protocol'
import { cyclesApi, type ApiClient } from '@/io/api'

function recorder(): { client: ApiClient; calls: unknown[][] } {
  const calls: unknown[][] = []
  const client: ApiClient = {
    request: async <T>(...args: unknown[]): Promise<T> => {
      calls.push(args)
      return 'reply' as T
    },
  }
  return { client, calls }
}

const input: CycleInput = { id: 'hq 2026/1', title: '评审', template: { id: 'dorm', version: 1 }, subjectKey: ['room'], scopeId: 'college', subjectIds: [] }

describe('cyclesApi', () => {
  it('lists, creates, replaces by id (encoded) and releases, answering what the server answers', async () => {
    const { client, calls } = recorder()
    const api = cyclesApi(client)
    expect(await api.list()).toBe('reply')
    await api.create(input)
    await api.update(input)
    await api.release(input.id)
    expect(calls).toEqual([
      ['GET', API.cycles],
      ['POST', API.cycles, input],
      ['PUT', `${API.cycles}/hq%202026%2F1`, input],
      ['POST', `${API.cycles}/hq%202026%2F1/release`],
    ])
  })
})
