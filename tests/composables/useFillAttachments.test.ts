import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref, shallowReactive, shallowRef } from 'vue'
import type { Answer } from '@/core/format/types'
import type { AddAttachmentInput, AttachmentRow, ResponseRow } from '@/db'
import { stripPending, useFillAttachments, type AttachmentStorage } from '@/composables/useFillAttachments'

/** A queue that holds writes by key (latest wins) until `run()`, as autosave would. */
function fakeQueue() {
  const jobs = new Map<string, () => Promise<void>>()
  return {
    keys: () => [...jobs.keys()],
    enqueue(key: string, write: () => Promise<void>) {
      jobs.set(key, write)
    },
    async run() {
      while (jobs.size > 0) {
        const [key, write] = jobs.entries().next().value as [string, () => Promise<void>]
        jobs.delete(key)
        await write()
      }
    },
  }
}

/** Storage that numbers stored files `stored-1`, `stored-2` … */
function fakeStorage() {
  const rows: AttachmentRow[] = []
  const removed: string[] = []
  const signatures: Array<[string, string]> = []
  const storage: AttachmentStorage = {
    add: vi.fn(async (input: AddAttachmentInput) => {
      const row: AttachmentRow = { ...input, id: `stored-${rows.length + 1}`, size: input.blob.size, createdAt: '2026-01-01T00:00:00Z' }
      rows.push(row)
      return row
    }),
    remove: vi.fn(async (id: string) => void removed.push(id)),
    setSignature: vi.fn(async (responseId: string, id: string) => void signatures.push([responseId, id])),
  }
  return { storage, rows, removed, signatures }
}

const response = { id: 'r1', status: 'draft' } as ResponseRow

function setup() {
  const answers = shallowReactive<Record<string, Answer>>({})
  const patches: Array<[string, Partial<Answer>]> = []
  const row = shallowRef<ResponseRow | null>(response)
  const readonly = ref(false)
  const queue = fakeQueue()
  const store = fakeStorage()
  const scope = effectScope()
  const files = scope.run(() =>
    useFillAttachments({
      row,
      answers,
      readonly,
      queue,
      storage: store.storage,
      patchAnswer: (itemId, patch) => {
        patches.push([itemId, patch])
        const next: Answer = { ...answers[itemId], ...patch }
        for (const key of Object.keys(next) as Array<keyof Answer>) if (next[key] === undefined) delete next[key]
        answers[itemId] = next
      },
      resize: vi.fn(),
    }),
  )!
  return { files, answers, patches, row, readonly, queue, ...store }
}

const text = (s: string) => new Blob([s], { type: 'text/plain' })

afterEach(() => vi.restoreAllMocks())

describe('useFillAttachments', () => {
  it('shows a file at once under a pending id, then swaps in the stored id', async () => {
    const { files, answers, queue } = setup()
    await files.addFiles('q1', [text('minutes')], 'evidence')
    const [pendingId] = answers.q1!.attachments!
    expect(pendingId).toMatch(/^pending-/)
    expect(files.attachments.get(pendingId!)).toMatchObject({ itemId: 'q1', pending: true, size: 7 })
    expect(stripPending(answers.q1!)).toEqual({ attachments: [] })
    await queue.run()
    expect(answers.q1!.attachments).toEqual(['stored-1'])
    expect(files.attachments.has(pendingId!)).toBe(false)
    expect(files.attachments.get('stored-1')).toMatchObject({ id: 'stored-1', pending: false })
  })

  it('queues the file under its own key, before the answer that names it is written again', async () => {
    const { files, queue } = setup()
    await files.addFiles('q1', [text('a'), text('b')], 'value')
    expect(queue.keys()).toHaveLength(2)
    expect(queue.keys().every((k) => k.startsWith('attachment:pending-'))).toBe(true)
  })

  it('keeps a list in the value slot and ends an N/A answer', async () => {
    const { files, answers, queue } = setup()
    answers.q1 = { na: true }
    await files.addFiles('q1', [text('a'), text('b')], 'value')
    expect(answers.q1).not.toHaveProperty('na')
    await queue.run()
    expect(answers.q1!.value).toEqual(['stored-1', 'stored-2'])
  })

  it('replaces a single value (a signature item) and deletes the stored one it replaced', async () => {
    const { files, answers, queue, removed } = setup()
    await files.addFiles('sig', [new Blob(['png1'], { type: 'image/png' })], 'value', { single: true })
    await queue.run()
    expect(answers.sig!.value).toBe('stored-1')
    await files.addFiles('sig', [new Blob(['png2'], { type: 'image/png' })], 'value', { single: true })
    await queue.run()
    expect(answers.sig!.value).toBe('stored-2')
    expect(removed).toEqual(['stored-1'])
    expect([...files.attachments.keys()]).toEqual(['stored-2'])
  })

  it('removes the stored copy of a file removed while its write was queued', async () => {
    const { files, answers, queue, removed } = setup()
    await files.addFiles('q1', [text('oops')], 'evidence')
    const pendingId = answers.q1!.attachments![0]!
    files.removeAttachment('q1', pendingId, 'evidence')
    expect(answers.q1).not.toHaveProperty('attachments')
    await queue.run()
    expect(removed).toEqual(['stored-1'])
    expect(files.attachments.size).toBe(0)
  })

  it('stores the signature, then points the response at it', async () => {
    const { files, row, queue, signatures } = setup()
    files.setSignature(new Blob(['png'], { type: 'image/png' }))
    const pendingId = row.value!.signature!
    expect(files.attachments.get(pendingId)).toMatchObject({ itemId: null, type: 'image/png', pending: true })
    await queue.run()
    expect(signatures).toEqual([['r1', 'stored-1']])
    expect(row.value!.signature).toBe('stored-1')
    expect(files.attachments.get('stored-1')?.pending).toBe(false)
  })

  it('changes nothing when read-only', async () => {
    const { files, answers, readonly, queue, row } = setup()
    readonly.value = true
    await files.addFiles('q1', [text('a')], 'evidence')
    files.setSignature(new Blob(['png'], { type: 'image/png' }))
    expect(answers.q1).toBeUndefined()
    expect(row.value!.signature).toBeUndefined()
    expect(queue.keys()).toEqual([])
  })

  it('revokes every object URL on reset', () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL')
    const { files } = setup()
    files.load([
      { id: 'a', responseId: 'r1', itemId: 'q1', name: 'a.txt', type: 'text/plain', size: 1, blob: text('a'), createdAt: '' },
      { id: 'b', responseId: 'r1', itemId: null, name: 'signature.png', type: 'image/png', size: 1, blob: text('b'), createdAt: '' },
    ])
    const urls = [...files.attachments.values()].map((v) => v.url)
    files.reset()
    expect(files.attachments.size).toBe(0)
    expect(revoke.mock.calls.map(([url]) => url)).toEqual(urls)
  })
})
