/**
 * A cheap look at the shape of a file before it is parsed: how deeply its lines nest
 * lists and block quotes. The Markdown parser's cost grows with the square of that depth
 * (a 40 KB line of 20,000 `- ` markers runs for minutes) and the tree it builds gets as
 * deep, so a file nested beyond the budget is reported instead of parsed. This is not a
 * Markdown parser: it only counts the container markers and indentation at line starts,
 * an upper bound of the nesting the parser would build on that line.
 */

import { location } from 'vfile-location'

/** The first line that nests deeper than the budget. */
export interface DeepNesting {
  depth: number
  line: number
  column: number
}

const TAB = 9
const SPACE = 32
const LF = 10
const CR = 13

/** Finds the first line nesting lists and block quotes deeper than `maxDepth`; null when none does. */
export function findDeepNesting(text: string, maxDepth: number): DeepNesting | null {
  let line = 1
  let at = 0
  while (at < text.length) {
    const depth = nestingAt(text, at)
    if (depth > maxDepth) return { depth, line, column: 1 }
    at = nextLineStart(text, at)
    line++
  }
  return null
}

/** Depth of the line starting at `start`: indentation (2 columns per level, the least a list item nests by) plus its markers. */
function nestingAt(text: string, start: number): number {
  let at = start
  let columns = 0
  while (at < text.length && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) {
    columns += text.charCodeAt(at) === TAB ? 4 - (columns % 4) : 1
    at++
  }
  let markers = 0
  for (;;) {
    const next = markerEnd(text, at)
    if (next === at) break
    markers++
    at = next
    while (at < text.length && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++
  }
  return Math.floor(columns / 2) + markers
}

/** Where a block quote or list marker starting at `at` ends; `at` when there is none. */
function markerEnd(text: string, at: number): number {
  const char = text[at]
  if (char === '>') return at + 1
  if (char === '-' || char === '*' || char === '+') return isBlankOrEnd(text, at + 1) ? at + 1 : at
  let digits = at
  while (digits < text.length && digits - at < 9 && text.charCodeAt(digits) >= 48 && text.charCodeAt(digits) <= 57) digits++
  if (digits === at) return at
  const delimiter = text[digits]
  return (delimiter === '.' || delimiter === ')') && isBlankOrEnd(text, digits + 1) ? digits + 1 : at
}

function isBlankOrEnd(text: string, at: number): boolean {
  if (at >= text.length) return true
  const code = text.charCodeAt(at)
  return code === SPACE || code === TAB || code === LF || code === CR
}

/** A run of emphasis markers long enough to nest emphasis deeper than the budget. */
export interface LongEmphasisRun {
  /** Markers in the run. */
  length: number
  /** How deep the emphasis it opens or closes may nest: two markers a level (strong). */
  depth: number
  line: number
  column: number
}

/**
 * Finds the first run of `*` or `_` that could nest emphasis deeper than `maxDepth`
 * (`**` × 4,000 around a word: the parser's cost grows faster than the square of the run,
 * 20 s for 16 KB, and the tree gets as deep); null when none does. A run in code counts
 * too: this is not a parser, and real minutes hold no run of hundreds of such markers.
 */
export function findLongEmphasisRun(text: string, maxDepth: number): LongEmphasisRun | null {
  const least = 2 * maxDepth + 1
  // The first place `least` markers stand in a row is where the first such run starts.
  const starts = ['*', '_'].map((marker) => text.indexOf(marker.repeat(least))).filter((at) => at >= 0)
  if (starts.length === 0) return null
  const start = Math.min(...starts)
  let end = start + least
  while (text[end] === text[start]) end++
  const { line, column } = location(text).toPoint(start) ?? { line: 1, column: 1 }
  return { length: end - start, depth: Math.ceil((end - start) / 2), line, column }
}

function nextLineStart(text: string, at: number): number {
  let next = at
  while (next < text.length && text.charCodeAt(next) !== LF && text.charCodeAt(next) !== CR) next++
  if (text.charCodeAt(next) === CR && text.charCodeAt(next + 1) === LF) return next + 2
  return next + 1
}
