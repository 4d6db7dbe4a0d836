import { md } from '../markup/message.js'
import type { MinutesModel } from '../model/types.js'
import { periodOfPath } from '../repo/file-period.js'
import { START_OF_FILE, defineRule, type Report } from './define-rule.js'

/**
 * The date in the title is the date in the file name or path.
 *
 * `20230323.md`, `2023-03-23.md`, `20230323-overflow.md`, `2023-03-23-hackathon/minutes.md` ↔
 * `2023-03-23`: dates in paths are read by the configured `datePatterns`. An en dash or a
 * missing zero in the title still matches: the `title-date` rule reports how it is written, as
 * it does for dates written other ways (`9 February 2015`, `02/09/2015`). A date such as
 * `02/09/2015` matches when either reading is the file name's day.
 * Where the profile reads a front matter date (`frontMatterDate`), it must agree too. In a
 * running file (profile `kind: running`), each meeting heading's date must lie in the year or
 * month the file name says (`2024.md`, `2024-03.md`).
 *
 * @example
 *   {"name": "ok.md", "path": "iaas/20230322.md"}
 *
 *   # Team IaaS 2023-03–22
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "iaas/20230322.md"}
 *
 *   # Team IaaS 2023-03-21
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:13-1:23: error: The title says 2023-03-21 but the file name `20230322.md` says 2023-03-22; fix whichever is wrong.
 *
 * @example
 *   {"name": "either-way.md", "label": "ok", "path": "board/20150209.md"}
 *
 *   # Minutes of 02/09/2015
 *
 * @example
 *   {"name": "ambiguous.md", "label": "input", "path": "board/20150310.md"}
 *
 *   # Minutes of 02/09/2015
 *
 * @example
 *   {"name": "ambiguous.md", "label": "output"}
 *
 *   1:14-1:24: error: The title says 02/09/2015 but the file name `20150310.md` says 2015-03-10; fix whichever is wrong.
 *
 * @example
 *   {"name": "dashed.md", "label": "input", "path": "sig-release/2023-09-14.md"}
 *
 *   # SIG Release 2023-09-15
 *
 * @example
 *   {"name": "dashed.md", "label": "output"}
 *
 *   1:15-1:25: error: The title says 2023-09-15 but the file name `2023-09-14.md` says 2023-09-14; fix whichever is wrong.
 *
 * @example
 *   {"name": "dated-folder.md", "label": "input", "path": "hackathons/2022-09-27-gx-hackathon-5/minutes.md"}
 *
 *   # Hackathon 2022-09-28
 *
 * @example
 *   {"name": "dated-folder.md", "label": "output"}
 *
 *   1:13-1:23: error: The title says 2022-09-28 but the path `2022-09-27-gx-hackathon-5/minutes.md` says 2022-09-27; fix whichever is wrong.
 */
export const titleDateMatchesFilename = defineRule(
  'title-date-matches-filename',
  (tree, { model, index, profile }, report) => {
    if (profile.kind === 'running') {
      checkMeetingPeriod(model, report)
      return
    }
    const pathDate = index.dateOf(model.path)
    if (!pathDate) return
    const where = pathDate.written.includes('/') ? md`the path \`${pathDate.written}\`` : md`the file name \`${pathDate.written}\``
    const date = model.titleDate
    // An ambiguous date is one whose readings are both another day than the path's.
    if ((date?.valid && date.normalized !== pathDate.date) || date?.ambiguous) {
      const says = date.ambiguous ? date.raw : date.normalized
      report(md`The title says ${says} but ${where} says ${pathDate.date}; fix whichever is wrong.`, date.position, {
        suggestion: pathDate.date,
      })
    }
    if (model.frontMatterDate && model.frontMatterDate !== pathDate.date) {
      const place = tree.children[0]?.position ?? START_OF_FILE
      report(md`The front matter says ${model.frontMatterDate} but ${where} says ${pathDate.date}; fix whichever is wrong.`, place, {
        suggestion: pathDate.date,
      })
    }
  },
)

/** A running file: every meeting's date lies in the year or month its name says (`2024.md`, `2024-03.md`). */
function checkMeetingPeriod(model: MinutesModel, report: Report): void {
  const period = periodOfPath(model.path)
  if (!period) return
  for (const meeting of model.meetings) {
    const date = meeting.date
    if (!date.valid || date.normalized.startsWith(period.period)) continue
    report(md`The heading says ${date.normalized} but the file name \`${period.written}\` says ${period.period}; fix whichever is wrong.`, date.position)
  }
}
