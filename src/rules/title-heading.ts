import { md } from '../markup/message.js'
import { defineRule } from './define-rule.js'

/** The title is a level-1 heading (`## 2023-05-04` alone at the top is taken as the title, and reported). */
export const titleHeading = defineRule(
  'title-heading',
  'The title is a level-1 heading.',
  (_tree, { model }, report) => {
    const title = model.title
    if (!title || title.heading.depth === 1) return
    report(
      md`The title is a level-${title.heading.depth} heading; minutes start with a level-1 heading: \`# ${title.text}\`.`,
      title.heading.position,
      { suggestion: `# ${title.text}` },
    )
  },
)
