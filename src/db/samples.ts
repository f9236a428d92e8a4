import type { Template } from '@/core/format/types'

/**
 * The samples shipped in `schemas/samples/`, loaded lazily so that they are separate chunks and
 * cost nothing until the first start installs them. They are validated by the core's tests, so
 * here they are taken as `Template`s. Sorted by file name for a stable install order.
 */
export async function loadShippedSamples(): Promise<Template[]> {
  const modules = import.meta.glob<Template>('/schemas/samples/*.json', { import: 'default' })
  const paths = Object.keys(modules).sort()
  return Promise.all(paths.map((path) => modules[path]!()))
}

/**
 * `id@version` of every shipped sample (the form `installSamples` records), sorted. Read from
 * the files at build time (vite.config.ts defines it), so knowing that nothing is left to install
 * costs a few bytes instead of the samples' 12 KiB.
 */
export function shippedSampleKeys(): string[] {
  return [...__QINGDAN_SAMPLE_KEYS__]
}

declare const __QINGDAN_SAMPLE_KEYS__: readonly string[]
