/**
 * `id`, or `id-2`, `id-3` … : the first that no template uses, so a copy or an import never
 * overwrites a template already on the device.
 */
export function freeTemplateId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id
  for (let n = 2; ; n++) {
    const candidate = `${id}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}
