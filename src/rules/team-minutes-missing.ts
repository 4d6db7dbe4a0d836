import { teamMinutesForWeek } from '../model/week-minutes.js'
import { md } from '../markup/message.js'
import { defineRule } from './define-rule.js'

/**
 * A placeholder ("None yet") stands where a team's minutes link belongs. When that team's
 * minutes for the week are in the repository after all, the placeholder is out of date:
 * say so and name the file. Otherwise it is only noted.
 */
export const teamMinutesMissing = defineRule(
  'team-minutes-missing',
  'A team section links no minutes ("None yet"); a warning naming the file when the minutes exist.',
  (_tree, { model, config, index }, report) => {
    for (const team of model.teams) {
      if (team.kind !== 'placeholder') continue
      const place = team.minutesLine?.position ?? team.section.heading.position
      const existing = team.folder && model.date ? teamMinutesForWeek(team.folder, model.date, index, config) : null
      if (existing) {
        report(md`“${team.section.title}” says “${team.placeholder}”, but \`${existing}\` exists; link it.`, place, {
          suggestion: existing,
        })
      } else {
        report(md`“${team.section.title}” links no minutes (“${team.placeholder}”).`, place, { severity: 'info' })
      }
    }
  },
)
