import { headingKey } from '../model/sections.js'
import { md } from '../markup/message.js'
import type { Position } from 'unist'
import type { Profile } from '../config/types.js'
import type { Section } from '../model/types.js'
import { START_OF_FILE, defineRule, type Report } from './define-rule.js'

/**
 * Every section the profile requires is present (aliases and any letter case accepted).
 *
 * The weekly profile requires `Meta` and `Team updates` (also `Updates from the teams`,
 * `Team reports`; any letter case; team sections written directly at level 2 stand for
 * `Team updates`). In a running file (profile `kind: running`) each meeting needs them, under
 * its own heading, except a meeting whose heading or one line says it was canceled.
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
 *   ## Team IaaS
 *
 *   Minutes: None yet
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "community-call/20230504.md"}
 *
 *   # Tech Weekly 2023-05-04
 *
 *   ## Agenda
 *
 *   - Release notes
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   1:1-1:25: error: Missing section “Meta”: add a heading `## Meta`.
 *   1:1-1:25: error: Missing section “Team updates” (or “Updates from the teams”, “Team reports”): add a heading `## Team updates`.
 */
export const requiredSection = defineRule(
  'required-section',
  (_tree, { model, profile }, report) => {
    if (profile.kind === 'running') {
      // Each meeting that took place has the sections; a canceled one needs none.
      for (const meeting of model.meetings.filter((one) => !one.canceled)) {
        const inside = model.sections.filter((section) => section.start > meeting.section.start && section.start < meeting.section.end)
        checkSections(inside, false, profile, meeting.section.heading.position, report)
      }
      return
    }
    checkSections(model.sections, model.teams.length > 0, profile, model.title?.heading.position ?? START_OF_FILE, report)
  },
)

/** Reports each required section missing from these headings, at `place`. */
function checkSections(sections: Section[], hasTeams: boolean, profile: Profile, place: Position | undefined, report: Report): void {
  const present = new Set(sections.map((section) => headingKey(section.title)))
  for (const required of profile.requiredSections) {
    const names = [required.name, ...required.aliases].map(headingKey)
    if (names.some((name) => present.has(name))) continue
    if (required.satisfiedByTeamSections && hasTeams) continue
    const accepted = required.aliases.length > 0 ? ` (or ${required.aliases.map((alias) => `“${alias}”`).join(', ')})` : ''
    report(md`Missing section “${required.name}”${accepted}: add a heading \`## ${required.name}\`.`, place)
  }
}
