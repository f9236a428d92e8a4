// The self-assessment's answer in the fill page's words, its evidence, and the session's fold (#15).
import { describe, expect, it, vi } from 'vitest'
import type { Answer, Item, ItemResult } from '@/core/format/types'
import { createAppI18n } from '@/app/i18n'
import type { AttachmentMeta } from '@/stores/responses'

type AnsweredItem = Exclude<Item, { type: 'info' }>
const result = (id: string, extra: Partial<ItemResult> = {}): ItemResult =>
  ({ id, sectionId: 's', score: 0, max: 0, na: false, hidden: false, answered: true, flagged: false, bonus: false, scored: false, steps: [], ...extra })
const answer = (value: Answer['value'], extra: Partial<Answer> = {}): Answer => ({ value, updatedAt: '2026-12-01T08:00:00.000Z', ...extra })

const choice = { id: 'plan', type: 'multi', title: '计划', options: [{ id: 'a', label: '学习计划' }, { id: 'b', label: '工作计划' }] } as AnsweredItem
const count = { id: 'first', type: 'count', title: '第一议题', max: 5, deductEach: 0.5, unitLabel: '次', countPrefix: '缺' } as AnsweredItem
const photo = { id: 'room', type: 'photo', title: '活动室' } as AnsweredItem
const file = { id: 'scan', type: 'file', title: '扫描件' } as AnsweredItem
const signature = { id: 'sign', type: 'signature', title: '书记签名' } as AnsweredItem
const score = { id: 'lecture', type: 'score', title: '讲党课', max: 4 } as AnsweredItem

describe('selfAnswerText', () => {
  const { t } = createAppI18n('zh-CN').global
  const asked: string[] = []
  const recording = (key: string, named?: Record<string, unknown>): string => (asked.push(key), t(key, named ?? {}))

  it('says the self’s answer in the fill page’s own words, never through a results.* key', async () => {
    const { selfAnswerText } = await import('@/components/fill/self-side')
    const say = (item: AnsweredItem, r: ItemResult, a: Answer | undefined): string => selfAnswerText(item, r, a, recording, 'zh-CN')
    expect(say(choice, result('plan'), answer(['a', 'b']))).toBe('学习计划、工作计划')
    expect(say(choice, result('plan'), answer([]))).toBe('均未勾选')
    expect(say(count, result('first', { scored: true }), answer(1))).toBe('缺1次')
    expect(say(photo, result('room'), answer(['p1', 'p2']))).toBe('2 张照片')
    expect(say(file, result('scan'), answer(['f1']))).toBe('1 个文件')
    expect(say(signature, result('sign'), answer('s1'))).toBe('已签名')
    expect(say(score, result('lecture', { na: true, scored: true }), answer(undefined, { na: true }))).toBe('不适用')
    expect(say(score, result('lecture', { answered: false, scored: true }), undefined)).toBe('未作答')
    // The ledger's keys live in results.*, which the fill page's first load does not carry.
    expect(asked.length).toBeGreaterThan(0)
    expect(asked.filter((k) => !k.startsWith('fill.beside.answer.'))).toEqual([])
  })

  it('lists the self’s files of an item that are on this device: its photos, then its evidence', async () => {
    const { selfEvidence } = await import('@/components/fill/self-side')
    const meta = (id: string): AttachmentMeta => ({ id, responseId: 'self', itemId: 'room', name: `${id}.jpg`, type: 'image/jpeg', size: 1, createdAt: '2026-12-01T08:00:00.000Z' })
    const stored = new Map(['p1', 'e1'].map((id) => [id, meta(id)]))
    const listed = selfEvidence(photo, result('room'), answer(['p1', 'gone'], { attachments: ['e1', 'p1'] }), stored)
    expect(listed.map((a) => a.id)).toEqual(['p1', 'e1'])
  })
})

describe('useSelfOpen', () => {
  const storage = (initial: string | null) => {
    const values = new Map<string, string>(initial === null ? [] : [['qingdan.fill.selfOpen', initial]])
    return { getItem: vi.fn((k: string) => values.get(k) ?? null), setItem: vi.fn((k: string, v: string) => void values.set(k, v)) }
  }

  it('starts open, and one toggle folds every block and is written for the session', async () => {
    vi.resetModules()
    const { useSelfOpen, SELF_OPEN_KEY } = await import('@/components/fill/self-side')
    const s = storage(null)
    const first = useSelfOpen(s)
    const second = useSelfOpen(s)
    expect(first.open.value).toBe(true)
    first.toggle()
    expect(second.open.value).toBe(false)
    expect(s.setItem).toHaveBeenLastCalledWith(SELF_OPEN_KEY, '0')
  })

  it('starts folded when the session says so, and survives a storage that refuses', async () => {
    vi.resetModules()
    const folded = await import('@/components/fill/self-side')
    expect(folded.useSelfOpen(storage('0')).open.value).toBe(false)
    vi.resetModules()
    const refusing = await import('@/components/fill/self-side')
    const broken = { getItem: () => { throw new Error('SecurityError') }, setItem: () => { throw new Error('SecurityError') } }
    const { open, toggle } = refusing.useSelfOpen(broken)
    expect(open.value).toBe(true)
    toggle()
    expect(open.value).toBe(false)
  })
})
