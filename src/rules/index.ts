import type { RuleId } from '../constants.js'
import type { MinutesRule } from './define-rule.js'
import { encoding } from './encoding.js'
import { externalImageCopied } from './external-image-copied.js'
import { linkTargetExists } from './link-target-exists.js'
import { minuteTaker } from './minute-taker.js'
import { requiredSection } from './required-section.js'
import { teamMinutesLink } from './team-minutes-link.js'
import { teamMinutesMissing } from './team-minutes-missing.js'
import { titleDateMatchesFilename } from './title-date-matches-filename.js'
import { titleDate } from './title-date.js'
import { titleHeading } from './title-heading.js'

/** Every rule, by id: the registry the engine, the docs and the config schema agree on. */
export const RULES: Record<RuleId, MinutesRule> = {
  'title-date': titleDate,
  'title-heading': titleHeading,
  'title-date-matches-filename': titleDateMatchesFilename,
  'required-section': requiredSection,
  'minute-taker': minuteTaker,
  'team-minutes-link': teamMinutesLink,
  'team-minutes-missing': teamMinutesMissing,
  'link-target-exists': linkTargetExists,
  'external-image-copied': externalImageCopied,
  encoding,
}
