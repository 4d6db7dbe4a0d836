/**
 * Defensive readers for mdast nodes. The extractor accepts any tree, including ones built
 * by hand or by other plugins, so it never trusts a field to exist or to have its type.
 */

/** A point in the source, 1-based as in unist. */
export interface Point {
  line: number
  column: number
}

function field(node: unknown, name: string): unknown {
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[name] : undefined
}

/** The node's `type`, or `''`. */
export function typeOf(node: unknown): string {
  const type = field(node, 'type')
  return typeof type === 'string' ? type : ''
}

/** The node's children, or `[]`. */
export function childrenOf(node: unknown): unknown[] {
  const children = field(node, 'children')
  return Array.isArray(children) ? children : []
}

/** The node's string `value`, or null. */
export function valueOf(node: unknown): string | null {
  const value = field(node, 'value')
  return typeof value === 'string' ? value : null
}

/** A list item's task box: true, false, or null when it has none. */
export function checkedOf(node: unknown): boolean | null {
  const checked = field(node, 'checked')
  return typeof checked === 'boolean' ? checked : null
}

/** A heading's depth, or 0 when missing. */
export function depthOf(node: unknown): number {
  const depth = field(node, 'depth')
  return typeof depth === 'number' && Number.isFinite(depth) ? depth : 0
}

/** The node's start and end, when both are well-formed. */
export function positionOf(node: unknown): { start: Point; end: Point } | null {
  const position = field(node, 'position')
  const start = pointOf(field(position, 'start'))
  const end = pointOf(field(position, 'end'))
  return start && end ? { start, end } : null
}

function pointOf(value: unknown): Point | null {
  const line = field(value, 'line')
  const column = field(value, 'column')
  return typeof line === 'number' && typeof column === 'number' && Number.isFinite(line) && Number.isFinite(column)
    ? { line, column }
    : null
}
