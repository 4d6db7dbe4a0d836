import { headingKey } from '../model/sections.js'
import { md } from '../markup/message.js'
import { START_OF_FILE, defineRule } from './define-rule.js'

/**
 * Every section the profile requires is present (aliases and any letter case accepted).
 *
 * The weekly profile requires `Meta` and `Team updates` (also `Updates from the teams`,
 * `Team reports`; any letter case; team sections written directly at level 2 stand for
 * `Team updates`).
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
    const present = new Set(model.sections.map((section) => headingKey(section.title)))
    for (const required of profile.requiredSections) {
      const names = [required.name, ...required.aliases].map(headingKey)
      if (names.some((name) => present.has(name))) continue
      if (required.satisfiedByTeamSections && model.teams.length > 0) continue
      const accepted = required.aliases.length > 0 ? ` (or ${required.aliases.map((alias) => `“${alias}”`).join(', ')})` : ''
      report(
        md`Missing section “${required.name}”${accepted}: add a heading \`## ${required.name}\`.`,
        model.title?.heading.position ?? START_OF_FILE,
      )
    }
  },
)
