import { posix } from 'node:path'
import { itemWords, sameWords, type ActionItem, type ItemWords } from '../action-items/index.js'
import { meetingDateAt } from '../report/meetings.js'
import type { RunReport } from '../report/types.js'

/** An action item where a run found it: the file, its meeting date (a running file's: the section's) and series. */
export interface ItemOccurrence {
  item: ActionItem
  path: string
  date: string | null
  /** The meeting series: the folder of the minutes (`iaas`, `community-call`). */
  series: string
}

/** The meeting series of a minutes file: its folder. */
export function seriesOf(path: string): string {
  const folder = posix.dirname(path)
  return folder === '.' ? '(root)' : folder
}

/**
 * Every item of a run, once: an item carried over from week to week (under "Pending action
 * items") appears in several files, or several meetings of a running file; its latest mention
 * says whether it is done. Items of one meeting are never merged unless written identically:
 * they are separate lines of one meeting.
 */
export function latestOccurrences(report: RunReport): ItemOccurrence[] {
  const all = report.files
    .flatMap((file) => file.actionItems.map((item) => ({ item, path: file.path, date: meetingDateAt(file, item.line), series: seriesOf(file.path) })))
    .sort(byMeetingOrder)
  // Per series, the items kept so far with their words read once: a run over a whole
  // repository compares thousands of items.
  const keptBySeries = new Map<string, Array<{ occurrence: ItemOccurrence; words: ItemWords }>>()
  for (const occurrence of all) {
    const kept = keptBySeries.get(occurrence.series) ?? []
    keptBySeries.set(occurrence.series, kept)
    const entry = { occurrence, words: { owners: occurrence.item.owners, words: itemWords(occurrence.item.text) } }
    const earlier = kept.findIndex((other) => sameOccurrence(other, entry))
    if (earlier >= 0) kept.splice(earlier, 1)
    kept.push(entry)
  }
  return [...keptBySeries.values()].flat().map(({ occurrence }) => occurrence).sort(byMeetingOrder)
}

function sameOccurrence(a: { occurrence: ItemOccurrence; words: ItemWords }, b: { occurrence: ItemOccurrence; words: ItemWords }): boolean {
  if (a.occurrence.item.id === b.occurrence.item.id) return true
  const sameMeeting = a.occurrence.path === b.occurrence.path && a.occurrence.date === b.occurrence.date
  return !sameMeeting && sameWords(a.words, b.words)
}

function byMeetingOrder(a: ItemOccurrence, b: ItemOccurrence): number {
  return compare(a.date ?? '', b.date ?? '') || compare(a.path, b.path) || a.item.line - b.item.line
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
