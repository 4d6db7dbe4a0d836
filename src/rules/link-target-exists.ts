import { describeMissingTarget, targetExists } from '../links/describe-missing-target.js'
import { resolveLink } from '../links/resolve-link.js'
import { defineRule } from './define-rule.js'

/** A dated file this many days off a missing link target is suggested as the fix (option `suggestWithinDays`). */
export const DEFAULT_SUGGEST_WITHIN_DAYS = 3

/** Links into this repository (relative, or absolute GitHub links to it) point at files that exist. */
export const linkTargetExists = defineRule(
  'link-target-exists',
  'Links into this repository (relative, or github.com links to it) point at files or folders that exist.',
  (_tree, { model, config, index, options }, report) => {
    const suggestWithinDays = typeof options.suggestWithinDays === 'number' ? options.suggestWithinDays : DEFAULT_SUGGEST_WITHIN_DAYS
    for (const link of model.links) {
      const target = resolveLink(link.url, model.path, config.repository, index)
      if (target.kind !== 'repo' || targetExists(target.path, target.wantsFolder, index)) continue
      // Relative to this file (`../Charter.md`), not absolute nor root-relative (`/Charter.md`).
      const relative = !/^[a-z][a-z0-9+.-]*:|^\//i.test(link.url.trim())
      const missing = describeMissingTarget(target.path, index, { suggestWithinDays, fromPath: model.path, relative })
      report(missing.message, link.node.position, { suggestion: missing.suggestion })
    }
  },
)
