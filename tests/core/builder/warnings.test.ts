import { describe, expect, it } from 'vitest'
import { builderWarnings } from '@/core/builder'
import { section, single, template } from './build'

describe('builder warnings', () => {
  it('warn when a template has no subject fields: its records would show “—”', () => {
    const t = template([section('s1', [single('q1')])])
    const [w, ...rest] = builderWarnings(t)
    expect(rest).toEqual([])
    expect(w).toMatchObject({ code: 'subject.none', pointer: '/subject', severity: 'warning' })
    expect(w!.message['zh-CN']).toContain('被检查对象字段')
    expect(w!.message.en).toContain('subject fields')
    expect(builderWarnings({ ...t, subject: { fields: [] } })).toHaveLength(1)
  })

  it('say nothing once a subject field exists', () => {
    const t = { ...template([section('s1', [single('q1')])]), subject: { fields: [{ id: 'room', label: '房间' }] } }
    expect(builderWarnings(t)).toEqual([])
  })
})
