import { splitPath } from '../repo/repo-index.js'
import { md } from '../markup/message.js'
import { defineRule } from './define-rule.js'

/** The date in the title is the date in the file name (`20230323.md` ↔ `2023-03-23`). */
export const titleDateMatchesFilename = defineRule(
  'title-date-matches-filename',
  'The date in the title is the date in the file name.',
  (_tree, { model }, report) => {
    const date = model.titleDate
    if (!date?.valid || !model.fileDate || date.normalized === model.fileDate) return
    const fileName = splitPath(model.path)[1]
    report(
      md`The title says ${date.normalized} but the file name \`${fileName}\` says ${model.fileDate}; fix whichever is wrong.`,
      date.position,
      { suggestion: model.fileDate },
    )
  },
)
