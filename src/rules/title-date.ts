import { START_OF_FILE, defineRule } from './define-rule.js'

/** The title holds the meeting date, as a real calendar day written `YYYY-MM-DD` (unless the front matter holds it). */
export const titleDate = defineRule(
  'title-date',
  'The title holds the meeting date as a real calendar day, written YYYY-MM-DD.',
  (_tree, { model }, report) => {
    // Where the profile reads the date from the front matter, the title may leave it out.
    if (!model.titleDate && model.frontMatterDate) return
    const example = model.fileDate ?? 'YYYY-MM-DD'
    if (!model.title) {
      report(`No title: minutes start with a heading that holds the meeting date, e.g. \`# ${example}\`.`, START_OF_FILE)
      return
    }
    const date = model.titleDate
    if (!date) {
      report(`The title “${model.title.text}” has no date; add the meeting date as \`${example}\`.`, model.title.heading.position)
    } else if (!date.valid) {
      report(`“${date.raw}” in the title is not a real calendar date.`, date.position)
    } else if (!date.canonical) {
      report(`The title date “${date.raw}” is not written YYYY-MM-DD; write “${date.normalized}”.`, date.position, {
        severity: 'warning',
        suggestion: date.normalized,
      })
    }
  },
)
