import { DEFAULT_SUGGEST_WITHIN_DAYS, describeMissingTarget, targetExists } from '../links/describe-missing-target.js'
import { resolveLink } from '../links/resolve-link.js'
import { defineRule } from './define-rule.js'

/**
 * Links into this repository (relative, or github.com links to it) point at files or folders that exist.
 *
 * Relative links, root-relative links, and `https://github.com/OWNER/REPO/blob|tree/REF/path`
 * links to the same repository are checked (a branch name may contain `/`). Links to other
 * repositories and sites are not fetched. The message understands minutes: a dated file a
 * few days off is a typo with a suggestion (`iaas/20220927.md` → `iaas/20220928.md (1 day
 * later)`); a missing `.md`, a wrong letter case, or a file of the same name in another folder
 * (`Charter.md` at the root, linked from `meetings/`: `../Charter.md`) is suggested too; when
 * nothing is close, the nearest minutes of the series are named as context, without a
 * suggestion. Dates in paths are read by the configured `datePatterns`.
 *
 * Option: `suggestWithinDays` (default 3): a dated file this many days off is suggested.
 *
 * @example
 *   {"name": "ok.md", "path": "community-call/20220929.md", "files": ["iaas/20220928.md"]}
 *
 *   # Tech Weekly 2022-09-29
 *
 *   Minutes: https://github.com/acme/minutes/blob/main/iaas/20220928.md
 *
 * @example
 *   {"name": "not-ok.md", "label": "input", "path": "community-call/20220929.md", "files": ["iaas/20220928.md", "ops/20220915.md"]}
 *
 *   # Tech Weekly 2022-09-29
 *
 *   - IaaS: https://github.com/acme/minutes/blob/main/iaas/20220927.md
 *   - Ops: [ops/20220929.md](../ops/20220929.md)
 *
 * @example
 *   {"name": "not-ok.md", "label": "output"}
 *
 *   3:9-3:67: error: Cannot find `iaas/20220927.md`; did you mean `iaas/20220928.md` (1 day later)?
 *   4:8-4:45: error: Cannot find `ops/20220929.md`; the nearest minutes in `ops/` are `ops/20220915.md` (14 days earlier).
 */
export const linkTargetExists = defineRule(
  'link-target-exists',
  (_tree, { model, config, index, options }, report) => {
    const suggestWithinDays = typeof options.suggestWithinDays === 'number' ? options.suggestWithinDays : DEFAULT_SUGGEST_WITHIN_DAYS
    for (const link of model.links) {
      const target = resolveLink(link.url, model.path, config.repository, index)
      if (target.kind !== 'repo' || targetExists(target.path, index)) continue
      // Relative to this file (`../Charter.md`), not absolute nor root-relative (`/Charter.md`).
      const relative = !/^[a-z][a-z0-9+.-]*:|^\//i.test(link.url.trim())
      const missing = describeMissingTarget(target.path, index, { suggestWithinDays, fromPath: model.path, relative })
      report(missing.message, link.node.position, { suggestion: missing.suggestion })
    }
  },
)
