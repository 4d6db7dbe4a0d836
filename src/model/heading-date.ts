import { visit } from 'unist-util-visit'
import { findWrittenDate } from '../repo/written-dates.js'
import type { Section, TitleDate } from './types.js'

/**
 * The first date written in a heading (`2023-03-22`, `9 February 2015`, inside emphasis or a
 * link too), positioned on its own characters; null when the heading holds none. `known` is
 * the meeting date known from elsewhere, which tells how to read `02/09/2015`.
 */
export function dateInHeading(section: Section, known: string | null = null): TitleDate | null {
  // A regex over one text node at a time, so the column of the date is exact.
  let found: TitleDate | null = null
  visit(section.heading, 'text', (node) => {
    if (found) return false
    const date = findWrittenDate(node.value, known)
    const start = node.position?.start
    if (!date || !start) return undefined
    const line = start.line
    const column = start.column + date.index
    found = {
      raw: date.raw,
      normalized: date.normalized,
      valid: date.valid,
      canonical: date.canonical,
      ...(date.ambiguous ? { ambiguous: date.ambiguous } : {}),
      position: {
        start: { line, column, offset: (start.offset ?? 0) + date.index },
        end: { line, column: column + date.raw.length, offset: (start.offset ?? 0) + date.index + date.raw.length },
      },
    }
    return false
  })
  return found
}
