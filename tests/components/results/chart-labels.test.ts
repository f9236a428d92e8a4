import { describe, expect, it } from 'vitest'
import { wrapLabel } from '@/components/results/chart-labels'

describe('wrapLabel', () => {
  it('keeps a short label whole on one line', () => {
    expect(wrapLabel('晚归')).toEqual(['晚归'])
    expect(wrapLabel('Late return')).toEqual(['Late return'])
  })

  it('splits a long Chinese title into lines of eight characters, from its start', () => {
    expect(wrapLabel('人离不锁门、贵重物品随意放置')).toEqual(['人离不锁门、贵重', '物品随意放置'])
  })

  it('ends the last line with an ellipsis when the title needs more lines', () => {
    const lines = wrapLabel('存放违规大功率电器（热得快、电饭锅、电煮锅、电磁炉、卷发棒等）')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe('存放违规大功率电')
    expect(lines[2]).toMatch(/…$/)
    // What is shown is the title's beginning, in order.
    expect('存放违规大功率电器（热得快、电饭锅、电煮锅、电磁炉、卷发棒等）'.startsWith(lines.join('').replace(/…$/, ''))).toBe(true)
  })

  it('breaks English after a space, not inside a word', () => {
    expect(wrapLabel('Unlocked door and valuables left out')).toEqual(['Unlocked door', 'and valuables', 'left out'])
  })
})
