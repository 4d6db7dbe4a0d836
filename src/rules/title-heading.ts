import { md } from '../markup/message.js'
import { defineRule } from './define-rule.js'

/**
 * The title is a level-1 heading.
 *
 * A level-2 heading alone at the top (`## 2023-05-04`) is read as the title, and reported
 * with the fix.
 *
 * @example
 *   {"name": "ok.md", "path": "sig-standardization/20230504.md"}
 *
 *   # 2023-05-04
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "sig-standardization/20230504.md"}
 *
 *   ## 2023-05-04
 *
 *   - Agenda item
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:14: warning: The title is a level-2 heading; minutes start with a level-1 heading: `# 2023-05-04`.
 */
export const titleHeading = defineRule(
  'title-heading',
  (_tree, { model, profile }, report) => {
    // A running file's meetings are its dated headings, at whatever level it writes them.
    if (profile.kind === 'running') return
    const title = model.title
    if (!title || title.heading.depth === 1) return
    report(
      md`The title is a level-${title.heading.depth} heading; minutes start with a level-1 heading: \`# ${title.text}\`.`,
      title.heading.position,
      { suggestion: `# ${title.text}` },
    )
  },
)
