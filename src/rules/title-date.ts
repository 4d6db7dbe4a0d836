import { md } from '../markup/message.js'
import type { MinutesModel, TitleDate } from '../model/types.js'
import { START_OF_FILE, defineRule, type Report } from './define-rule.js'

/**
 * The title holds the meeting date as a real calendar day, written YYYY-MM-DD.
 *
 * Errors: no title, no date in the title, a date that is not on the calendar (`2023-02-30`).
 * With no level-1 heading and no dated one, the first heading is the title, unless it names a
 * part of every meeting (`### Participants`, `## Agenda`): then the file has no title.
 * A warning with the fix: a date written with other dashes or without zero padding
 * (`2023-02–20`, `2023-3-22`), or written another way: `9 February 2015`, `February 9, 2015`,
 * `9. Februar 2015` (month names in English or German, full or abbreviated, any case),
 * `02/09/2015`, `9.2.2015`, `09-02-2015`. A numeric date whose day and month could change
 * places is read the way the file name's date (or the front matter's) says; when neither
 * reading is that day, or there is none, the date is not guessed: the warning says it can be
 * read two ways. Where the profile reads the meeting date from the front matter
 * (`frontMatterDate`), a title may leave the date out.
 *
 * In a running file (profile `kind: running`) each meeting heading's date is checked the same
 * way, and a meeting out of the order most of the file keeps (newest first or oldest first)
 * is a warning; a running file without a dated heading is an error.
 *
 * @example
 *   {"name": "ok.md", "path": "iaas/20230322.md"}
 *
 *   # Team IaaS 2023-03-22
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "iaas/20230322.md"}
 *
 *   # Team IaaS weekly
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:19: error: The title “Team IaaS weekly” has no date; add the meeting date as `2023-03-22`.
 *
 * @example
 *   {"name": "en-dash.md", "label": "input", "path": "sig-documentation/20230220.md"}
 *
 *   # SIG Documentation on 2023-02–20
 *
 * @example
 *   {"name": "en-dash.md", "label": "output"}
 *
 *   1:24-1:34: warning: The title date “2023-02–20” is not written YYYY-MM-DD; write “2023-02-20”.
 *
 * @example
 *   {"name": "in-words.md", "label": "input", "path": "board/20150209.md"}
 *
 *   # Sitzung vom 9. Februar 2015
 *
 * @example
 *   {"name": "in-words.md", "label": "output"}
 *
 *   1:15-1:30: warning: The title date “9. Februar 2015” is not written YYYY-MM-DD; write “2015-02-09”.
 *
 * @example
 *   {"name": "day-first.md", "label": "input", "path": "board/20150902.md"}
 *
 *   # Minutes of 02/09/2015
 *
 * @example
 *   {"name": "day-first.md", "label": "output"}
 *
 *   1:14-1:24: warning: The title date “02/09/2015” is not written YYYY-MM-DD; write “2015-09-02”.
 *
 * @example
 *   {"name": "ambiguous.md", "label": "input", "path": "board/20150310.md"}
 *
 *   # Minutes of 02/09/2015
 *
 * @example
 *   {"name": "ambiguous.md", "label": "output"}
 *
 *   1:14-1:24: warning: The title date “02/09/2015” can be read two ways, 2015-09-02 or 2015-02-09; write the meeting date as YYYY-MM-DD.
 *
 * @example
 *   {"name": "not-a-day.md", "label": "input", "path": "iaas/20230322.md"}
 *
 *   # 2023-02-30
 *
 * @example
 *   {"name": "not-a-day.md", "label": "output"}
 *
 *   1:3-1:13: error: “2023-02-30” in the title is not a real calendar date.
 */
export const titleDate = defineRule(
  'title-date',
  (_tree, { model, profile }, report) => {
    if (profile.kind === 'running') {
      checkMeetingDates(model, report)
      return
    }
    if (!model.titleDate && model.frontMatterDate) return
    const example = model.fileDate ?? 'YYYY-MM-DD'
    if (!model.title) {
      report(md`No title: minutes start with a heading that holds the meeting date, e.g. \`# ${example}\`.`, START_OF_FILE)
      return
    }
    const date = model.titleDate
    if (!date) {
      report(md`The title “${model.title.text}” has no date; add the meeting date as \`${example}\`.`, model.title.heading.position)
    } else if (date.ambiguous) {
      const [dayFirst, monthFirst] = date.ambiguous
      report(md`The title date “${date.raw}” can be read two ways, ${dayFirst} or ${monthFirst}; write the meeting date as YYYY-MM-DD.`, date.position, {
        severity: 'warning',
      })
    } else {
      checkWrittenDate(date, 'title', report)
    }
  },
)

/** A date that is not on the calendar, or not written YYYY-MM-DD. */
function checkWrittenDate(date: TitleDate, where: 'title' | 'heading', report: Report): void {
  if (date.ambiguous) {
    const [dayFirst, monthFirst] = date.ambiguous
    report(md`The ${where} date “${date.raw}” can be read two ways, ${dayFirst} or ${monthFirst}; write the meeting date as YYYY-MM-DD.`, date.position, {
      severity: 'warning',
    })
  } else if (!date.valid) {
    report(md`“${date.raw}” in the ${where} is not a real calendar date.`, date.position)
  } else if (!date.canonical) {
    report(md`The ${where} date “${date.raw}” is not written YYYY-MM-DD; write “${date.normalized}”.`, date.position, {
      severity: 'warning',
      suggestion: date.normalized,
    })
  }
}

/**
 * A running file: every meeting heading's date as a title's, and the meetings in one order,
 * the one most of the file keeps (newest first, or oldest first); a meeting out of it is a warning.
 */
function checkMeetingDates(model: MinutesModel, report: Report): void {
  if (model.meetings.length === 0) {
    report(md`No meeting heading: a running file holds one meeting per dated heading, e.g. \`# ${model.fileDate ?? 'YYYY-MM-DD'}\`.`, START_OF_FILE)
    return
  }
  for (const meeting of model.meetings) checkWrittenDate(meeting.date, 'heading', report)
  const dated = model.meetings.filter((meeting) => meeting.date.valid)
  const steps = dated.slice(1).map((meeting, at) => compareDays(dated[at]!.date.normalized, meeting.date.normalized))
  const newestFirst = steps.filter((step) => step < 0).length >= steps.filter((step) => step > 0).length
  dated.slice(1).forEach((meeting, at) => {
    const before = dated[at]!
    if (steps[at] === 0 || steps[at]! < 0 === newestFirst) return
    const order = newestFirst ? 'newest first' : 'oldest first'
    report(md`The meeting of ${meeting.date.normalized} is out of order: the file lists meetings ${order}, and the one above it is of ${before.date.normalized}.`, meeting.date.position, {
      severity: 'warning',
    })
  })
}

function compareDays(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0
}
