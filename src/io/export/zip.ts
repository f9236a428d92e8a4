/**
 * A zip of several export files (one CSV per template), written with zip.js, which the backup
 * bundles already use; imported lazily like the other writers. File names are UTF-8 (Chinese
 * template titles) and made safe and unique by the caller.
 */
import { configureZip } from '@/io/bundle/zip-config'

export interface ZipFile {
  name: string
  blob: Blob
}

export async function zipBlob(files: readonly ZipFile[]): Promise<Blob> {
  const { BlobReader, BlobWriter, ZipWriter } = await import('@zip.js/zip.js')
  configureZip()
  const writer = new BlobWriter('application/zip')
  const zip = new ZipWriter(writer, { keepOrder: true })
  for (const file of files) await zip.add(file.name, new BlobReader(file.blob))
  return zip.close()
}
