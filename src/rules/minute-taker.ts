import { headingKey } from '../model/sections.js'
import { START_OF_FILE, defineRule } from './define-rule.js'

/** The minutes name who took them (`- Minutes: Jonas` or `Minutes: @jschoone` under `## Meta`). */
export const minuteTaker = defineRule(
  'minute-taker',
  'The minutes name their minute-taker in the Meta section (`Minutes: NAME`).',
  (_tree, { model, profile }, report) => {
    if (profile.minuteTaker.labels.length === 0 || model.minuteTaker) return
    const sectionName = profile.minuteTaker.section
    const meta = model.sections.find((section) => headingKey(section.title) === headingKey(sectionName))
    const label = profile.minuteTaker.labels[0]
    report(
      meta
        ? `The “${meta.title}” section names no minute-taker; add \`- ${label}: NAME\`.`
        : `No minute-taker: add \`- ${label}: NAME\` under \`## ${sectionName}\`.`,
      meta?.heading.position ?? model.title?.heading.position ?? START_OF_FILE,
    )
  },
)
