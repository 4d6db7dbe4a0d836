import { teamMinutesForWeek } from '../model/week-minutes.js'
import { defineRule } from './define-rule.js'

/**
 * A team section links no minutes ("None yet"); a warning naming the file when the minutes exist.
 *
 * A placeholder is `None`, `None yet`, `(none yet)`, `None present yet`, `Not merged yet`,
 * `Minutes not available yet`, ... and any phrase the configuration adds. It is a warning
 * naming the file when that team's minutes for the week are in the repository (dated within
 * 6 days before to 1 day after the call); otherwise only a note. The team's folder comes from
 * the configuration (`teams:`), the folder its `Minutes:` line links to, or its heading
 * (`Team IaaS` → `iaas`, `SIG Documentation` → `sig-documentation`, `Team Operations and IAM`
 * and `Team Ops/IAM` → `ops-iam`, `Team IAM & IAM Hacking Session` → `iam`).
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
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "community-call/20230323.md", "files": ["ops/20230323.md"]}
 *
 *   # Tech Weekly 2023-03-23
 *
 *   ## Meta
 *
 *   - Minutes: Kurt
 *
 *   ## Team updates
 *
 *   ### Team Ops
 *
 *   Minutes: None yet
 *
 *   ### Team Container
 *
 *   Minutes: (none yet)
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   11:1-11:18: warning: “Team Ops” says “None yet”, but `ops/20230323.md` exists; link it.
 *   15:1-15:20: info: “Team Container” links no minutes (“(none yet)”).
 */
export const teamMinutesMissing = defineRule(
  'team-minutes-missing',
  (_tree, { model, config, index }, report) => {
    for (const team of model.teams) {
      if (team.kind !== 'placeholder') continue
      const place = team.minutesLine?.position ?? team.section.heading.position
      const existing = team.folder && model.date ? teamMinutesForWeek(team.folder, model.date, index, config) : null
      if (existing) {
        report(`“${team.section.title}” says “${team.placeholder}”, but \`${existing}\` exists; link it.`, place, {
          suggestion: existing,
        })
      } else {
        report(`“${team.section.title}” links no minutes (“${team.placeholder}”).`, place, { severity: 'info' })
      }
    }
  },
)
