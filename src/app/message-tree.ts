/** A nested message tree, as each `src/locales/<lang>/<area>.ts` default-exports it. */
export interface MessageTree {
  [key: string]: string | MessageTree
}

export type LocaleModules = Record<string, { default: MessageTree }>

/**
 * Merges per-area message files into one tree. Areas are separate files so that each engineer
 * owns theirs (e.g. `fill.ts`) without editing a shared one; deep merge lets two files add keys
 * under the same area without one silently replacing the other.
 */
export function mergeMessages(modules: LocaleModules): MessageTree {
  const out: MessageTree = {}
  // Sort by path so the result does not depend on the bundler's enumeration order.
  for (const path of Object.keys(modules).sort()) {
    const tree = modules[path]?.default
    if (tree) deepMerge(out, tree)
  }
  return out
}

function deepMerge(target: MessageTree, source: MessageTree): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key]
    if (typeof value === 'object' && typeof existing === 'object') deepMerge(existing, value)
    else target[key] = typeof value === 'object' ? structuredClone(value) : value
  }
}
