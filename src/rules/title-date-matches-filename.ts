import { START_OF_FILE, defineRule } from './define-rule.js'

/**
 * The date in the title is the date the path holds (`20230323.md`, `2023-03-23.md`,
 * `2022-09-27-gx-hackathon-5/minutes.md` ↔ `2023-03-23`), and so is a front matter date
 * where the profile reads one (`frontMatterDate`).
 */
export const titleDateMatchesFilename = defineRule(
  'title-date-matches-filename',
  'The date in the title (and in the front matter, where the profile reads one) is the date in the file name or path.',
  (tree, { model, index }, report) => {
    const pathDate = index.dateOf(model.path)
    if (!pathDate) return
    const where = pathDate.written.includes('/') ? `the path \`${pathDate.written}\`` : `the file name \`${pathDate.written}\``
    const date = model.titleDate
    if (date?.valid && date.normalized !== pathDate.date) {
      report(`The title says ${date.normalized} but ${where} says ${pathDate.date}; fix whichever is wrong.`, date.position, {
        suggestion: pathDate.date,
      })
    }
    if (model.frontMatterDate && model.frontMatterDate !== pathDate.date) {
      report(`The front matter says ${model.frontMatterDate} but ${where} says ${pathDate.date}; fix whichever is wrong.`, tree.children[0]?.position ?? START_OF_FILE, {
        suggestion: pathDate.date,
      })
    }
  },
)
