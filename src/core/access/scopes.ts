/**
 * The college's organisation as a tree of scopes: college → department → building → floor, and
 * college → Party committee → branch. Records (responses, tasks) belong to a scope; a role held
 * on a scope reaches everything under it.
 */
import { fail, ok, type Issue, type Result } from '../result'

export const SCOPE_KINDS = ['college', 'department', 'building', 'floor', 'committee', 'branch'] as const
export type ScopeKind = (typeof SCOPE_KINDS)[number]

/** Which kinds may sit directly under each kind. */
export const CHILD_KINDS = {
  college: ['department', 'committee'],
  department: ['building'],
  building: ['floor'],
  floor: [],
  committee: ['branch'],
  branch: [],
} as const satisfies Record<ScopeKind, readonly ScopeKind[]>

export interface Scope {
  id: string
  /** Null for a root (a college). */
  parentId: string | null
  kind: ScopeKind
  name: string
}

/** A checked tree: every parent known, kinds nested as CHILD_KINDS says, no cycles. */
export class ScopeTree {
  private readonly byId: ReadonlyMap<string, Scope>
  private readonly children: ReadonlyMap<string, readonly string[]>

  private constructor(scopes: readonly Scope[]) {
    this.byId = new Map(scopes.map((s) => [s.id, s]))
    const children = new Map<string, string[]>()
    for (const s of scopes) if (s.parentId !== null) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s.id])
    this.children = children
  }

  /** Checks the scopes and builds the tree; the issues name each bad scope by its index. */
  static build(scopes: readonly Scope[]): Result<ScopeTree> {
    const issues = treeIssues(scopes)
    return issues.length > 0 ? fail(issues) : ok(new ScopeTree(scopes))
  }

  get(id: string): Scope | undefined {
    return this.byId.get(id)
  }

  /** The scope and every scope above it, nearest first; empty for an unknown id. */
  ancestors(id: string): string[] {
    const out: string[] = []
    for (let s = this.byId.get(id); s; s = s.parentId === null ? undefined : this.byId.get(s.parentId)) out.push(s.id)
    return out
  }

  /** The scope and every scope under it; empty for an unknown id. */
  subtree(id: string): Set<string> {
    const out = new Set<string>()
    if (!this.byId.has(id)) return out
    const stack = [id]
    while (stack.length > 0) {
      const next = stack.pop()!
      out.add(next)
      stack.push(...(this.children.get(next) ?? []))
    }
    return out
  }

  /** True when `inner` is `outer` or lies under it. */
  contains(outer: string, inner: string): boolean {
    return this.ancestors(inner).includes(outer)
  }
}

function issue(code: string, index: number, field: string, zh: string, en: string): Issue {
  return { code, pointer: `/${index}/${field}`, severity: 'error', message: { 'zh-CN': zh, en } }
}

function treeIssues(scopes: readonly Scope[]): Issue[] {
  const issues: Issue[] = []
  const byId = new Map<string, Scope>()
  scopes.forEach((s, i) => {
    if (byId.has(s.id)) issues.push(issue('duplicateScope', i, 'id', `范围编号“${s.id}”重复。`, `Scope id "${s.id}" is used twice.`))
    else byId.set(s.id, s)
  })
  scopes.forEach((s, i) => {
    if (s.parentId === null) {
      if (s.kind !== 'college') issues.push(issue('rootKind', i, 'parentId', `“${s.name}”没有上级，只有学院可以作为顶层。`, `"${s.name}" has no parent; only a college can be a root.`))
      return
    }
    const parent = byId.get(s.parentId)
    if (!parent) {
      issues.push(issue('unknownParent', i, 'parentId', `“${s.name}”的上级“${s.parentId}”不存在。`, `The parent "${s.parentId}" of "${s.name}" does not exist.`))
      return
    }
    if (!(CHILD_KINDS[parent.kind] as readonly ScopeKind[]).includes(s.kind)) {
      issues.push(issue('kindUnderKind', i, 'kind', `“${parent.name}”下不能设“${s.name}”这一级。`, `"${s.name}" (${s.kind}) cannot sit under "${parent.name}" (${parent.kind}).`))
    }
  })
  // With every kind nested strictly (a kind never under itself or below), a cycle would need a
  // kind under one of its own descendants' kinds: impossible once the kind checks pass. Checked
  // anyway, so a later change to CHILD_KINDS cannot make the tree walk forever.
  scopes.forEach((s, i) => {
    const seen = new Set<string>()
    for (let at: Scope | undefined = s; at && at.parentId !== null; at = byId.get(at.parentId)) {
      if (seen.has(at.id)) {
        issues.push(issue('scopeCycle', i, 'parentId', `“${s.name}”的上级关系形成了循环。`, `The parents of "${s.name}" form a cycle.`))
        break
      }
      seen.add(at.id)
    }
  })
  return issues
}
