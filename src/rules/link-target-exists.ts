import { describeMissingTarget, targetExists } from '../links/describe-missing-target.js'
import { resolveLink } from '../links/resolve-link.js'
import { defineRule } from './define-rule.js'

/** Links into this repository (relative, or absolute GitHub links to it) point at files that exist. */
export const linkTargetExists = defineRule(
  'link-target-exists',
  'Links into this repository (relative, or github.com links to it) point at files or folders that exist.',
  (_tree, { model, config, index }, report) => {
    for (const link of model.links) {
      const target = resolveLink(link.url, model.path, config.repository, index)
      if (target.kind !== 'repo' || targetExists(target.path, target.wantsFolder, index)) continue
      const missing = describeMissingTarget(target.path, index, config.suggestWithinDays)
      report(missing.message, link.node.position, { suggestion: missing.suggestion })
    }
  },
)
