import type { Node, Parent } from 'unist'

/**
 * Calls `visit` on every node of a tree in document order (preorder: a node, then its
 * children), as `unist-util-visit` does without a test, but without its per-node closures
 * and ancestor arrays (a run's hot path: every file's every node). Iterative, so no tree
 * is too deep for it. The tree must not be changed during the walk.
 */
export function forEachNode(tree: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    visit(node)
    const children = (node as Partial<Parent>).children
    if (Array.isArray(children)) for (let at = children.length - 1; at >= 0; at--) stack.push(children[at]!)
  }
}

/** Whether any node of a tree (the root included) has one of `types`; stops at the first. */
export function hasNodeOfType(tree: Node, types: ReadonlySet<string>): boolean {
  const stack: Node[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (types.has(node.type)) return true
    const children = (node as Partial<Parent>).children
    if (Array.isArray(children)) for (const child of children) stack.push(child)
  }
  return false
}
