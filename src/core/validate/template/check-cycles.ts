/**
 * Show-if conditions may not go round in a circle: an item whose visibility depends, directly
 * or through other items (or through its own section's visibleIf), on itself. Self-references
 * in an item's own rule are reported by check-rules.ts; this finds the longer loops.
 */
import { collectVars } from '@/core/conditions'
import type { Issue } from '@/core/result'
import { makeIssue } from '../issues'
import type { SectionNode, TemplateIndex } from '@/core/scoring'

interface Edge {
  to: string
  /** The rule that creates the dependency. */
  pointer: string
}

function dependencies(index: TemplateIndex): Map<string, Edge[]> {
  const sectionVars = new Map<SectionNode, string[]>()
  const graph = new Map<string, Edge[]>()
  for (const { item, pointer, section } of index.items) {
    if (graph.has(item.id)) continue // a duplicate id; reported elsewhere
    const edges: Edge[] = []
    if (item.visibleIf !== undefined) {
      for (const to of collectVars(item.visibleIf)) {
        if (to !== item.id && index.itemsById.has(to)) edges.push({ to, pointer: `${pointer}/visibleIf` })
      }
    }
    // An item is visible only if its sections are: their conditions are its dependencies too.
    for (let s = index.sections[section]; s; s = s.parent === null ? undefined : index.sections[s.parent]) {
      const rule = s.section.visibleIf
      if (rule === undefined) continue
      if (!sectionVars.has(s)) sectionVars.set(s, collectVars(rule))
      for (const to of sectionVars.get(s) ?? []) {
        if (index.itemsById.has(to)) edges.push({ to, pointer: `${s.pointer}/visibleIf` })
      }
    }
    graph.set(item.id, edges)
  }
  return graph
}

/** Iterative depth-first search (a template may chain thousands of items); one issue per closing rule. */
export function checkCycles(index: TemplateIndex): Issue[] {
  const graph = dependencies(index)
  const state = new Map<string, 'active' | 'done'>()
  const reported = new Set<string>()
  const issues: Issue[] = []
  for (const start of graph.keys()) {
    if (state.has(start)) continue
    const path: string[] = [start]
    const cursor: number[] = [0]
    state.set(start, 'active')
    while (path.length > 0) {
      const node = path[path.length - 1] as string
      const edges = graph.get(node) ?? []
      const next = cursor[cursor.length - 1] as number
      if (next >= edges.length) {
        state.set(node, 'done')
        path.pop()
        cursor.pop()
        continue
      }
      cursor[cursor.length - 1] = next + 1
      const edge = edges[next] as Edge
      const seen = state.get(edge.to)
      if (seen === 'active') {
        if (reported.has(edge.pointer)) continue
        reported.add(edge.pointer)
        const loop = [...path.slice(path.indexOf(edge.to)), edge.to]
        issues.push(makeIssue('rule.cycle', edge.pointer, { cycle: loop.join(' → ') }, node))
      } else if (seen === undefined) {
        state.set(edge.to, 'active')
        path.push(edge.to)
        cursor.push(0)
      }
    }
  }
  return issues
}
