import { headingKey } from '../model/sections.js'
import { START_OF_FILE, defineRule } from './define-rule.js'

/** Every section the profile requires is there, under its name or an accepted alias, in any case. */
export const requiredSection = defineRule(
  'required-section',
  'Every section the profile requires is present (aliases and any letter case accepted).',
  (_tree, { model, profile }, report) => {
    const present = new Set(model.sections.map((section) => headingKey(section.title)))
    for (const required of profile.requiredSections) {
      const names = [required.name, ...required.aliases].map(headingKey)
      if (names.some((name) => present.has(name))) continue
      if (required.satisfiedByTeamSections && model.teams.length > 0) continue
      const accepted = required.aliases.length > 0 ? ` (or ${required.aliases.map((alias) => `“${alias}”`).join(', ')})` : ''
      report(
        `Missing section “${required.name}”${accepted}: add a heading \`## ${required.name}\`.`,
        model.title?.heading.position ?? START_OF_FILE,
      )
    }
  },
)
