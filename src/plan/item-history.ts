import { itemWords, sameWords, type ItemWords } from '../action-items/index.js'
import { meetingDateAt } from '../report/meetings.js'
import type { RunReport } from '../report/types.js'
import type { OpenItem } from './dashboard-items.js'
import { itemTitle } from './issue-text.js'
import { latestOccurrences, seriesOf } from './occurrences.js'
import { openItems } from './open-items.js'

/**
 * The open items of the minutes alone (the CLI's `items` view): each with the first meeting
 * of its series that listed it (date and line) and how many meetings did, counting the
 * meetings with an item of the same fingerprint or the same words. `linkOf` makes the link
 * to a line (a relative path offline).
 */
export function openItemsOfMinutes(report: RunReport, linkOf: (path: string, line: number) => string): OpenItem[] {
  const mentions = new Map<string, Array<{ path: string; line: number; date: string | null; id: string; words: ItemWords }>>()
  for (const file of report.files) {
    const series = seriesOf(file.path)
    const list = mentions.get(series) ?? []
    mentions.set(series, list)
    for (const item of file.actionItems) list.push({ path: file.path, line: item.line, date: meetingDateAt(file, item.line), id: item.id, words: { owners: item.owners, words: itemWords(item.text) } })
  }
  return openItems(latestOccurrences(report)).map((occurrence) => {
    const { item } = occurrence
    const words = { owners: item.owners, words: itemWords(item.text) }
    const same = (mentions.get(occurrence.series) ?? []).filter((other) => other.id === item.id || sameWords(other.words, words))
    // A running file holds many meetings: a meeting is a file and its date.
    const meetings = new Set([`${occurrence.path}#${occurrence.date}`, ...same.map((other) => `${other.path}#${other.date}`)])
    // The meeting that first wrote it down: the oldest mention (undated files last).
    const first = [...same, { path: occurrence.path, line: item.line, date: occurrence.date }].sort(
      (a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.path.localeCompare(b.path),
    )[0] ?? { path: occurrence.path, line: item.line, date: occurrence.date }
    return {
      issue: null,
      text: itemTitle(occurrence),
      series: occurrence.series,
      owners: item.owners,
      since: first.date,
      source: linkOf(first.path, first.line),
      due: item.due,
      meetings: meetings.size,
    }
  })
}
