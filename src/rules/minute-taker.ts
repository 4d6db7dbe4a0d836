import { headingKey } from '../model/sections.js'
import { md } from '../markup/message.js'
import { START_OF_FILE, defineRule } from './define-rule.js'

/**
 * The minutes name their minute-taker in the Meta section (`Minutes: NAME`).
 *
 * Accepted labels in the weekly profile: `Minutes`, `Minute taker`, `Minute-taker`,
 * `Minutes by`, `Notes`, with a name or a GitHub handle (`Minutes: @jschoone`).
 *
 * @example
 *   {"name": "ok.md", "path": "community-call/20230504.md"}
 *
 *   # Tech Weekly 2023-05-04
 *
 *   ## Meta
 *
 *   - Minutes: @jschoone
 *
 *   ## Team updates
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "community-call/20230504.md"}
 *
 *   # Tech Weekly 2023-05-04
 *
 *   ## Meta
 *
 *   - Moderation: Kurt
 *
 *   ## Team updates
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   3:1-3:8: error: The “Meta” section names no minute-taker; add `- Minutes: NAME`.
 */
export const minuteTaker = defineRule(
  'minute-taker',
  (_tree, { model, profile }, report) => {
    if (profile.minuteTaker.labels.length === 0 || model.minuteTaker) return
    const sectionName = profile.minuteTaker.section
    const meta = model.sections.find((section) => headingKey(section.title) === headingKey(sectionName))
    const label = profile.minuteTaker.labels[0]
    report(
      meta
        ? md`The “${meta.title}” section names no minute-taker; add \`- ${label}: NAME\`.`
        : md`No minute-taker: add \`- ${label}: NAME\` under \`## ${sectionName}\`.`,
      meta?.heading.position ?? model.title?.heading.position ?? START_OF_FILE,
    )
  },
)
