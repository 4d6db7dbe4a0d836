import type { ItemOccurrence } from './occurrences.js'

/**
 * The open items of a run: of `latestOccurrences(report)` (each item once, as its newest
 * meeting lists it), those that meeting does not mark done. The dashboard, the CLI's
 * `items` view and the next meeting's carried-over items all start from this list.
 */
export function openItems(occurrences: readonly ItemOccurrence[]): ItemOccurrence[] {
  return occurrences.filter((occurrence) => !occurrence.item.done)
}
