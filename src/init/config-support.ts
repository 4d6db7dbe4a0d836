import { loadConfig } from '../config/load-config.js'
import { selectProfile } from '../config/profiles.js'
import type { Config } from '../config/types.js'

/**
 * What the configuration of this build can say that the shared contract adds: `datePatterns`
 * and a profile's `frontMatterDate` (the date-of-path work), `actionItems.since` (the issue
 * planner's), whether a new profile is tried before the built-in ones, and whether profile paths
 * read date tokens. `init` writes a key
 * only where the schema accepts it, so the file it writes always loads.
 */
export interface ConfigSupport {
  datePatterns: boolean
  frontMatterDate: boolean
  actionItemsSince: boolean
  /** `actionItems.grammar` (markers, labels) and `actionItems.people`. */
  actionItemsGrammar: boolean
  /** A profile the file adds wins over a built-in one that matches the same path. */
  newProfilesFirst: boolean
  /** Profile paths may hold the date tokens (`meetings/YYYY-MM-DD.md`). */
  dateTokensInPaths: boolean
  /** A profile may say `kind: running`: one meeting per dated heading of a file. */
  runningFiles: boolean
}

/** Asks the configuration loader. */
export function configSupport(): ConfigSupport {
  const probe = load('profiles:\n  probe:\n    paths: ["**/*.md"]\n')
  const tokens = load('profiles:\n  probe:\n    paths: ["probe/YYYY-MM-DD.md"]\n')
  return {
    datePatterns: load('datePatterns:\n  - "**/YYYY-MM-DD.md"\n') !== null,
    frontMatterDate: load('profiles:\n  probe:\n    paths: ["*.md"]\n    frontMatterDate: date\n') !== null,
    actionItemsSince: load('actionItems:\n  since: 2026-01-01\n') !== null,
    actionItemsGrammar: load('actionItems:\n  grammar:\n    markers: [ACTION]\n    labels: [Actions]\n  people:\n    Dave: dlee\n') !== null,
    newProfilesFirst: probe !== null && selectProfile('team/20260101.md', null, probe)?.name === 'probe',
    dateTokensInPaths: tokens !== null && selectProfile('probe/2026-01-01.md', null, tokens)?.name === 'probe',
    runningFiles: load('profiles:\n  probe:\n    paths: ["*.md"]\n    kind: running\n') !== null,
  }
}

function load(yaml: string): Config | null {
  try {
    return loadConfig(yaml, 'probe')
  } catch {
    return null
  }
}
