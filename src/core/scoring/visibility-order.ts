/**
 * The order in which visibility is decided: every `visibleIf` after the items it reads, because
 * a hidden item must read as null to the rules after it. Validation rejects cycles; should one
 * slip through, its members are shown regardless (and the result notes it).
 */
import { collectVars } from '../conditions'
import type { JsonLogicRule } from '../format/types'
import { memoFor } from './rule-memo'
import type { ItemNode, SectionNode, VisibilityPlan } from './nodes'

/**
 * Orders sections and items so that each visibility rule is evaluated after the items it reads
 * (a hidden item must read as null to the rules after it). Nodes 0..S-1 are sections, then items.
 * Validation rejects cycles; should one slip through, its members are shown regardless.
 */
export function visibilityOrder(
  sections: SectionNode[],
  items: ItemNode[],
  itemsById: ReadonlyMap<string, ItemNode>,
): { plan: VisibilityPlan; cycleIds: string[] } {
  const s = sections.length
  const ruleOf = (node: number): JsonLogicRule | undefined =>
    node < s ? sections[node]?.section.visibleIf : items[node - s]?.item.visibleIf
  const readIds = (rule: JsonLogicRule | undefined): number[] => {
    if (rule === undefined) return []
    const found: number[] = []
    for (const id of collectVars(rule)) {
      const node = itemsById.get(id)
      if (node !== undefined) found.push(node.index)
    }
    return found
  }

  const total = s + items.length
  const deps: number[][] = []
  for (let node = 0; node < total; node++) {
    const d: number[] = []
    if (node < s) {
      const parent = sections[node]?.parent
      if (parent !== null && parent !== undefined) d.push(parent)
    } else {
      d.push(items[node - s]?.section ?? 0)
    }
    for (const i of readIds(ruleOf(node))) {
      d.push(s + i)
      const read = items[i]
      if (read) read.referenced = true
    }
    deps.push(d)
  }
  // requiredIf reads answers too (after visibility), so those items must be in the rule data.
  for (const node of items) {
    if (node.item.type === 'info') continue
    for (const i of readIds(node.item.requiredIf)) {
      const read = items[i]
      if (read) read.referenced = true
    }
  }

  const sorted = kahn(deps)
  const forced = new Set<number>()
  if (sorted.length < total) sorted.push(...orderCyclic(deps, new Set(sorted), forced))

  // Only nodes whose decision does something are kept: every section (items inherit from it),
  // items with a rule, and items other rules read. An item with neither is hidden exactly when
  // its section is, which the scorer reads directly; scoring runs on every tap, so the loop stays short.
  const nodes: number[] = []
  const rules: Array<JsonLogicRule | undefined> = []
  for (const node of sorted) {
    // A node in a cycle is shown regardless: it keeps no rule.
    const rule = forced.has(node) ? undefined : ruleOf(node)
    if (node >= s && rule === undefined && items[node - s]?.referenced !== true) continue
    nodes.push(node < s ? ~node : node - s)
    rules.push(rule)
  }
  const plan: VisibilityPlan = {
    nodes: Int32Array.from(nodes),
    rules,
    memos: rules.map(memoFor),
    sectionParent: Int32Array.from(sections, (section) => section.parent ?? -1),
  }
  const cycleIds = [...forced]
    .sort((a, b) => a - b)
    .map((node) => (node < s ? sections[node]?.section.id : items[node - s]?.item.id) ?? '')
  return { plan, cycleIds }
}

/** Topological order (dependencies first); nodes in or after a cycle are left out. */
function kahn(deps: number[][]): number[] {
  const dependents: number[][] = deps.map(() => [])
  const pending = deps.map((d) => d.length)
  deps.forEach((d, node) => d.forEach((dep) => dependents[dep]?.push(node)))
  const queue: number[] = []
  pending.forEach((p, node) => {
    if (p === 0) queue.push(node)
  })
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number
    for (const next of dependents[node] ?? []) {
      const left = (pending[next] ?? 0) - 1
      pending[next] = left
      if (left === 0) queue.push(next)
    }
  }
  return queue
}

/**
 * Orders the nodes Kahn could not place (only with an invalid template) by Tarjan's strongly
 * connected components, which come out dependencies first; members of a real cycle are forced.
 */
function orderCyclic(deps: number[][], placed: Set<number>, forced: Set<number>): number[] {
  const out: number[] = []
  const low = new Map<number, number>()
  const num = new Map<number, number>()
  const stack: number[] = []
  const onStack = new Set<number>()
  let counter = 0
  const connect = (v: number): void => {
    num.set(v, counter)
    low.set(v, counter)
    counter++
    stack.push(v)
    onStack.add(v)
    for (const w of deps[v] ?? []) {
      if (placed.has(w)) continue
      if (!num.has(w)) {
        connect(w)
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, num.get(w) ?? 0))
      }
    }
    if (low.get(v) !== num.get(v)) return
    const component: number[] = []
    let w: number | undefined
    do {
      w = stack.pop()
      if (w === undefined) break
      onStack.delete(w)
      component.push(w)
    } while (w !== v)
    const cyclic = component.length > 1 || (deps[v] ?? []).includes(v)
    component.sort((a, b) => a - b)
    for (const c of component) {
      if (cyclic) forced.add(c)
      out.push(c)
    }
  }
  for (let v = 0; v < deps.length; v++) if (!placed.has(v) && !num.has(v)) connect(v)
  return out
}
