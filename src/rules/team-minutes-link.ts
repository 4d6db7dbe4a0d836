import { teamMinutesForWeek } from '../model/week-minutes.js'
import { md } from '../markup/message.js'
import { defineRule } from './define-rule.js'

/** A team section with content has a `Minutes:` line: a link, or a word on why there is none. */
export const teamMinutesLink = defineRule(
  'team-minutes-link',
  'A team section has a `Minutes:` line that links the team\'s minutes or says why not ("None yet").',
  (_tree, { model, config, index }, report) => {
    for (const team of model.teams) {
      if (team.kind !== 'none' || !team.hasContent) continue
      const existing = team.folder && model.date ? teamMinutesForWeek(team.folder, model.date, index, config) : null
      const hint = existing ? md`; \`${existing}\` exists` : md``
      report(
        md`“${team.section.title}” has no \`Minutes:\` line; link the team's minutes or write \`Minutes: None yet\`${hint}.`,
        team.section.heading.position,
        { suggestion: existing },
      )
    }
  },
)
