import { teamMinutesForWeek } from '../model/week-minutes.js'
import { defineRule } from './define-rule.js'

/**
 * A team section has a `Minutes:` line that links the team's minutes or says why not ("None yet").
 *
 * A team section (`Team X`, `SIG X`, `X SIG` under `Team updates`, or at level 2) with
 * content needs the line. When the team's minutes for that week exist, the message names the
 * file.
 *
 * @example
 *   {"name": "ok.md", "path": "community-call/20230323.md", "files": ["iaas/20230322.md"]}
 *
 *   # Tech Weekly 2023-03-23
 *
 *   ## Meta
 *
 *   - Minutes: Kurt
 *
 *   ## Team updates
 *
 *   ### Team IaaS
 *
 *   Minutes: [iaas/20230322.md](../iaas/20230322.md)
 *
 *   - Release planning
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "community-call/20230323.md", "files": ["iaas/20230322.md"]}
 *
 *   # Tech Weekly 2023-03-23
 *
 *   ## Meta
 *
 *   - Minutes: Kurt
 *
 *   ## Team updates
 *
 *   ### Team IaaS
 *
 *   - Release planning
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   9:1-9:14: warning: “Team IaaS” has no `Minutes:` line; link the team's minutes or write `Minutes: None yet`; `iaas/20230322.md` exists.
 */
export const teamMinutesLink = defineRule(
  'team-minutes-link',
  (_tree, { model, config, index }, report) => {
    for (const team of model.teams) {
      if (team.kind !== 'none' || !team.hasContent) continue
      const existing = team.folder && model.date ? teamMinutesForWeek(team.folder, model.date, index, config) : null
      const hint = existing ? `; \`${existing}\` exists` : ''
      report(
        `“${team.section.title}” has no \`Minutes:\` line; link the team's minutes or write \`Minutes: None yet\`${hint}.`,
        team.section.heading.position,
        { suggestion: existing },
      )
    }
  },
)
