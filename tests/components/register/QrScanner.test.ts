// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { labelUrl } from '@/core/register/qr'
import QrScanner from '@/components/register/QrScanner.vue'
import { mountFill } from '../fill/mountWith'

const origin = 'https://qingdan.example.edu'

/** A stream happy-dom accepts as a video's source, with tracks of our own. */
const withTracks = (tracks: Array<{ stop: () => void }>) => Object.assign(new MediaStream(), { getTracks: () => tracks })

/** A camera: its tracks record being stopped; `getUserMedia` records what was asked for. */
function fakeCamera(failWith?: string) {
  const tracks = [{ stop: vi.fn() }]
  const stream = withTracks(tracks)
  const getUserMedia = vi.fn(async () => {
    if (failWith) throw new DOMException('camera', failWith)
    return stream
  })
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true })
  return { tracks, getUserMedia }
}

/** The browser's BarcodeDetector, seeing `frames` one after another (then nothing). */
function fakeDetector(frames: string[][]) {
  const made: Array<{ formats: string[] }> = []
  class FakeBarcodeDetector {
    static getSupportedFormats = async () => ['qr_code', 'ean_13']
    constructor(options: { formats: string[] }) {
      made.push(options)
    }
    async detect() {
      return (frames.shift() ?? []).map((rawValue) => ({ rawValue }))
    }
  }
  vi.stubGlobal('BarcodeDetector', FakeBarcodeDetector)
  return made
}

beforeEach(() => {
  // happy-dom's media elements do not play a MediaStream.
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  Reflect.deleteProperty(navigator, 'mediaDevices')
})

describe('QrScanner', () => {
  it('opens the rear camera and emits the room of a Qingdan label, then lets the camera go', async () => {
    const { tracks, getUserMedia } = fakeCamera()
    const made = fakeDetector([[], [labelUrl('room:3号楼/301', origin)]])
    const w = mountFill(QrScanner, { props: { origin, interval: 5 } })
    await vi.waitFor(() => expect(w.emitted('scanned')).toEqual([['room:3号楼/301']]))
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false })
    expect(made).toEqual([{ formats: ['qr_code'] }])
    expect(tracks[0]!.stop).toHaveBeenCalled()
  })

  it('refuses a code from elsewhere, says so, and keeps scanning', async () => {
    fakeCamera()
    const frames = [['https://evil.example/s/room%3A1%2F101'], ['javascript:alert(1)']]
    fakeDetector(frames)
    const w = mountFill(QrScanner, { props: { origin, interval: 5 } })
    await vi.waitFor(() => expect(frames).toHaveLength(0))
    await flushPromises()
    expect(w.get('[data-testid=scan-foreign]').text()).toBe('这不是本系统的房间二维码，已忽略。')
    expect(w.emitted('scanned')).toBeUndefined()
    frames.push([], [labelUrl('room:5号楼/101', origin)])
    await vi.waitFor(() => expect(w.emitted('scanned')).toEqual([['room:5号楼/101']]))
  })

  it('stops the camera when it goes away, and reads no more frames', async () => {
    const { tracks } = fakeCamera()
    const frames: string[][] = []
    fakeDetector(frames)
    const w = mountFill(QrScanner, { props: { origin, interval: 5 } })
    await vi.waitFor(() => expect(w.find('.finder').exists()).toBe(true))
    w.unmount()
    expect(tracks[0]!.stop).toHaveBeenCalled()
    frames.push([labelUrl('room:3号楼/301', origin)])
    await new Promise((r) => setTimeout(r, 30))
    expect(frames).toHaveLength(1)
  })

  it('lets the camera go when closed while the permission prompt is still up', async () => {
    fakeDetector([])
    let grant: (s: unknown) => void = () => undefined
    const tracks = [{ stop: vi.fn() }]
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: () => new Promise((r) => (grant = r)) }, configurable: true })
    const w = mountFill(QrScanner, { props: { origin, interval: 5 } })
    await flushPromises()
    w.unmount()
    grant(withTracks(tracks))
    await flushPromises()
    expect(tracks[0]!.stop).toHaveBeenCalled()
  })

  it.each([
    ['NotAllowedError', '没有摄像头权限'],
    ['NotFoundError', '没有可用的摄像头'],
    ['NotReadableError', '无法打开摄像头'],
  ])('says what went wrong when the camera fails with %s', async (name, text) => {
    fakeCamera(name)
    fakeDetector([])
    const w = mountFill(QrScanner, { props: { origin } })
    await vi.waitFor(() => expect(w.get('[data-testid=scan-error]').text()).toContain(text))
  })

  it('says there is no camera when the browser has no camera API', async () => {
    fakeDetector([])
    const w = mountFill(QrScanner, { props: { origin } })
    await vi.waitFor(() => expect(w.get('[data-testid=scan-error]').text()).toContain('没有可用的摄像头'))
  })
})
