/**
 * Where an exported bundle goes. With the File System Access API (Chromium on desktop) the zip
 * streams straight into the file the person picked; elsewhere (tablets, Safari) it streams into
 * a Blob held by the browser's blob store and is then offered as a download.
 */
import { downloadBlob } from '../download'
import { blobSink } from './write'

interface SaveFilePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string
    types: Array<{ description: string; accept: Record<string, string[]> }>
  }) => Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>
}

/** `qingdan-备份-2026-03-20-1530.zip` */
export function bundleFileName(now: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return `qingdan-备份-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.zip`
}

export type SaveOutcome = 'saved' | 'downloaded' | 'cancelled'

/**
 * Runs `write` into a sink for `fileName`. Returns 'cancelled' when the person closed the picker.
 * @param usePicker tests and the e2e pass false to take the download path.
 */
export async function saveBundle(
  fileName: string,
  write: (sink: WritableStream<Uint8Array>) => Promise<unknown>,
  usePicker = true,
): Promise<SaveOutcome> {
  const picker = (window as unknown as SaveFilePickerWindow).showSaveFilePicker
  if (usePicker && picker) {
    let handle
    try {
      handle = await picker({ suggestedName: fileName, types: [{ description: '清单备份包 / Qingdan bundle', accept: { 'application/zip': ['.zip'] } }] })
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled'
      throw error
    }
    await write(await handle.createWritable())
    return 'saved'
  }
  const { sink, blob } = blobSink()
  await write(sink)
  downloadBlob(await blob, fileName)
  return 'downloaded'
}
