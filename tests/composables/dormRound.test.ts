import { describe, expect, it } from 'vitest'
import { nextRoom, nextSubject } from '@/composables/dormRound'

describe('nextRoom', () => {
  it('advances a plain room number by one', () => {
    expect(nextRoom('201')).toBe('202')
    expect(nextRoom('209')).toBe('210')
  })

  it('keeps zero padding and letters', () => {
    expect(nextRoom('A-09')).toBe('A-10')
    expect(nextRoom('007')).toBe('008')
    expect(nextRoom('3F-099B')).toBe('3F-100B')
  })

  it('grows the digit run when padding runs out', () => {
    expect(nextRoom('99')).toBe('100')
  })

  it('advances a numeric room as a number', () => {
    expect(nextRoom(305)).toBe(306)
  })

  it('gives a label without digits a distinct successor', () => {
    expect(nextRoom('东套间')).toBe('东套间-2')
  })
})

describe('nextSubject', () => {
  it('keeps building and floor and advances the room', () => {
    expect(nextSubject({ building: '6号楼', floor: '2', room: '201' })).toEqual({
      building: '6号楼',
      floor: '2',
      room: '202',
    })
  })

  it('advances the last field when no field is called room', () => {
    expect(nextSubject({ block: 'B', number: 'B-12' }, ['block', 'number'])).toEqual({ block: 'B', number: 'B-13' })
  })

  it('returns undefined for an empty subject', () => {
    expect(nextSubject({})).toBeUndefined()
  })
})
