import { posix } from 'node:path'
import { sameItem, type ActionItem } from '../action-items/index.js'
import type { RunReport } from '../report/types.js'

/** An action item where a run found it: the file, its meeting date and series. */
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
 * items") appears in several files; its latest mention says whether it is done. Items of one
 * file are never merged unless written identically: they are separate lines of one meeting.
 */
export function latestOccurrences(report: RunReport): ItemOccurrence[] {
  const all = report.files
    .flatMap((file) => file.actionItems.map((item) => ({ item, path: file.path, date: file.date, series: seriesOf(file.path) })))
    .sort(byMeetingOrder)
  const kept: ItemOccurrence[] = []
  for (const occurrence of all) {
    const earlier = kept.findIndex((other) => sameOccurrence(other, occurrence))
    if (earlier >= 0) kept.splice(earlier, 1)
    kept.push(occurrence)
  }
  return kept.sort(byMeetingOrder)
}

function sameOccurrence(a: ItemOccurrence, b: ItemOccurrence): boolean {
  if (a.series !== b.series) return false
  if (a.item.id === b.item.id) return true
  return a.path !== b.path && sameItem(a.item, b.item)
}

function byMeetingOrder(a: ItemOccurrence, b: ItemOccurrence): number {
  return compare(a.date ?? '', b.date ?? '') || compare(a.path, b.path) || a.item.line - b.item.line
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
