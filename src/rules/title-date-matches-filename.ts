import { splitPath } from '../repo/repo-index.js'
import { defineRule } from './define-rule.js'

/**
 * The date in the title is the date in the file name.
 *
 * `20230323.md` ↔ `2023-03-23`. An en dash or a missing zero in the title still matches: the
 * `title-date` rule reports how it is written.
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
 */
export const titleDateMatchesFilename = defineRule(
  'title-date-matches-filename',
  (_tree, { model }, report) => {
    const date = model.titleDate
    if (!date?.valid || !model.fileDate || date.normalized === model.fileDate) return
    const fileName = splitPath(model.path)[1]
    report(
      `The title says ${date.normalized} but the file name \`${fileName}\` says ${model.fileDate}; fix whichever is wrong.`,
      date.position,
      { suggestion: model.fileDate },
    )
  },
)
