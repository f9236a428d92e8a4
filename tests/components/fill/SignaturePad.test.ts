// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SignaturePad from '@/components/fill/SignaturePad.vue'
import { mountFill } from './mountWith'

// signature_pad draws on a real 2D context, which happy-dom lacks: a stand-in records what the
// component asks of it. Hoisted, because vi.mock is.
const { FakePad } = vi.hoisted(() => {
  class FakePad extends EventTarget {
    static instances: FakePad[] = []
    strokes: unknown[] = []
    clear = vi.fn(() => void (this.strokes = []))
    off = vi.fn()
    fromData = vi.fn((data: unknown[]) => void (this.strokes = [...data]))
    constructor(
      readonly canvas: HTMLCanvasElement,
      readonly options: object,
    ) {
      super()
      FakePad.instances.push(this)
    }
    isEmpty = () => this.strokes.length === 0
    toData = () => this.strokes
    /** A finger drawing one stroke. */
    stroke(): void {
      this.strokes.push({ points: [] })
      this.dispatchEvent(new CustomEvent('endStroke'))
    }
  }
  return { FakePad }
})
vi.mock('signature_pad', () => ({ default: FakePad }))

/** Observers the test fires by hand: "the pad came near the screen", "the canvas was laid out". */
let nearScreen: Array<(entries: Array<{ isIntersecting: boolean }>) => void> = []
let resized: Array<(entries: Array<{ contentRect: { width: number; height: number } }>) => void> = []
const scale = vi.fn()

beforeEach(() => {
  FakePad.instances = []
  nearScreen = []
  resized = []
  vi.stubGlobal('IntersectionObserver', class {
    constructor(callback: (typeof nearScreen)[number]) {
      nearScreen.push(callback)
    }
    observe() {}
    disconnect() {}
  })
  vi.stubGlobal('ResizeObserver', class {
    constructor(callback: (typeof resized)[number]) {
      resized.push(callback)
    }
    observe() {}
    disconnect() {}
  })
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ scale } as unknown as CanvasRenderingContext2D)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

async function comeNear() {
  await flushPromises() // the pad's watcher runs after the mount's patch
  nearScreen.at(-1)!([{ isIntersecting: true }])
  await flushPromises()
}

describe('SignaturePad', () => {
  it('loads signature_pad only once the pad nears the screen, and reads no layout at mount', async () => {
    const layout = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect')
    const w = mountFill(SignaturePad, { props: { label: '检查人签名' } })
    await flushPromises()
    expect(FakePad.instances).toHaveLength(0)
    expect(layout).not.toHaveBeenCalled()
    expect(w.get('canvas').attributes('aria-label')).toBe('检查人签名: 请在此签名')
    await comeNear()
    expect(FakePad.instances).toHaveLength(1)
    expect(FakePad.instances[0]!.canvas).toBe(w.get('canvas').element)
    expect(w.get('canvas').attributes('data-ready')).toBe('true')
    expect(layout).not.toHaveBeenCalled()
  })

  it('sizes the canvas at device resolution once laid out, keeping the strokes drawn so far', async () => {
    vi.stubGlobal('devicePixelRatio', 2)
    const w = mountFill(SignaturePad, { props: { label: 'x' } })
    await comeNear()
    const pad = FakePad.instances[0]!
    pad.stroke()
    resized.at(-1)!([{ contentRect: { width: 300, height: 176 } }])
    const canvas = w.get('canvas').element as HTMLCanvasElement
    expect([canvas.width, canvas.height]).toEqual([600, 352])
    expect(scale).toHaveBeenCalledWith(2, 2)
    expect(pad.fromData).toHaveBeenCalledWith([{ points: [] }])
    expect(pad.isEmpty()).toBe(false)
  })

  it('enables clear and confirm after a stroke; clear wipes the pad, confirm emits a PNG', async () => {
    const png = new Blob(['png'], { type: 'image/png' })
    const toBlob = vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done, type) => {
      expect(type).toBe('image/png')
      done(png)
    })
    const w = mountFill(SignaturePad, { props: { label: 'x' } })
    await comeNear()
    const pad = FakePad.instances[0]!
    const [clear, confirm] = w.findAll('button')
    expect(confirm!.attributes('disabled')).toBeDefined()
    pad.stroke()
    await flushPromises()
    expect(confirm!.attributes('disabled')).toBeUndefined()
    await clear!.trigger('click')
    expect(pad.clear).toHaveBeenCalled()
    expect(confirm!.attributes('disabled')).toBeDefined()
    pad.stroke()
    await flushPromises()
    await confirm!.trigger('click')
    expect(toBlob).toHaveBeenCalledTimes(1)
    expect(w.emitted('save')).toEqual([[png]])
  })

  it('shows a stored signature; 清除 asks the store to clear it and opens a fresh pad', async () => {
    const w = mountFill(SignaturePad, { props: { label: 'x', imageUrl: 'blob:signed' } })
    expect(w.get('img').attributes('src')).toBe('blob:signed')
    expect(w.find('canvas').exists()).toBe(false)
    await w.get('button').trigger('click')
    expect(w.emitted('clear')).toHaveLength(1)
    await flushPromises()
    await comeNear()
    expect(FakePad.instances).toHaveLength(1)
    expect(FakePad.instances[0]!.canvas).toBe(w.get('canvas').element)
  })

  it('loads at once on a touch that beats the observer, and lets go of the pad when unmounted', async () => {
    const w = mountFill(SignaturePad, { props: { label: 'x' } })
    await w.get('canvas').trigger('pointerdown')
    await flushPromises()
    expect(FakePad.instances).toHaveLength(1)
    w.unmount()
    expect(FakePad.instances[0]!.off).toHaveBeenCalled()
  })

  it('shows no pad when read-only', () => {
    const w = mountFill(SignaturePad, { props: { label: 'x', disabled: true } })
    expect(w.find('canvas').exists()).toBe(false)
  })
})
