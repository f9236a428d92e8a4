// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import jsQR from 'jsqr'
import type { RegisterSubject } from '@/core/register/types'
import { subjectIdFromScan } from '@/core/register/qr'
import QrLabelSheet from '@/components/register/QrLabelSheet.vue'
import { mountFill } from '../fill/mountWith'

const origin = 'https://qingdan.example.edu'
const room = (building: string, n: string): RegisterSubject => ({
  id: `room:${building}/${n}`,
  kind: 'room',
  scopeId: `floor:${building}/${n[0]}`,
  fields: { building, floor: n[0]!, room: n },
  label: `${building} ${n}`,
})

/** The label's drawn code read back by a decoder, as a camera would (4 px per module). */
function decodeSvg(svg: Element): string | null {
  const size = Number(svg.getAttribute('viewBox')!.split(' ')[2])
  const scale = 4
  const side = size * scale
  const data = new Uint8ClampedArray(side * side * 4).fill(255)
  for (const [, x, y, w] of svg.querySelector('path')!.getAttribute('d')!.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [px0, py0, pw] = [Number(x) * scale, Number(y) * scale, Number(w) * scale]
    for (let py = py0; py < py0 + scale; py++) data.fill(0, (py * side + px0) * 4, (py * side + px0 + pw) * 4)
  }
  for (let i = 3; i < data.length; i += 4) data[i] = 255
  return jsQR(data, side, side)?.data ?? null
}

describe('QrLabelSheet', () => {
  it('draws one label per room, 24 to an A4 sheet, each with its code as a path of runs and its name large', async () => {
    const subjects = Array.from({ length: 26 }, (_, i) => room('3号楼', String(301 + i)))
    const w = mountFill(QrLabelSheet, { props: { subjects, origin, title: '宿舍安全检查' } })
    await vi.waitFor(() => expect(w.findAll('svg.code')).toHaveLength(26), { timeout: 5000 })
    expect(w.findAll('[data-testid=label-sheet]').map((s) => s.findAll('[data-testid=label]').length)).toEqual([24, 2])
    const first = w.findAll('[data-testid=label]')[0]!
    expect(first.get('.name').text()).toBe('3号楼 301')
    expect(first.get('.place').text()).toBe('3号楼 · 3层')
    expect(first.text()).toContain('宿舍安全检查')
    // One bound path of numbers per code: nothing from the room's texts can reach the markup.
    expect(first.findAll('svg.code > *').map((e) => e.element.tagName.toLowerCase())).toEqual(['rect', 'path'])
    expect(first.get('svg.code path').attributes('d')).toMatch(/^(M\d+ \d+h\d+v1h-\d+z){50,}$/)
    expect(first.get('svg').attributes('aria-label')).toBe('3号楼 301的二维码')
  })

  it('draws codes that read back as this room of this app', async () => {
    const w = mountFill(QrLabelSheet, { props: { subjects: [room('12号楼', '1205')], origin } })
    await vi.waitFor(() => expect(w.find('svg.code').exists()).toBe(true), { timeout: 5000 })
    const text = decodeSvg(w.get('svg.code').element)
    expect(text).not.toBeNull()
    expect(subjectIdFromScan(text!, origin)).toMatchObject({ ok: true, value: 'room:12号楼/1205' })
  })

  it('shows a hostile room name as text, never as markup', async () => {
    const evil = { ...room('3号楼', '301'), label: '<img src=x onerror="alert(1)">', fields: { building: '<b>楼</b>', floor: '3', room: '301' } }
    const w = mountFill(QrLabelSheet, { props: { subjects: [evil], origin } })
    await vi.waitFor(() => expect(w.find('svg.code').exists()).toBe(true), { timeout: 5000 })
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('b').exists()).toBe(false)
    expect(w.get('.name').text()).toBe('<img src=x onerror="alert(1)">')
  })
})
