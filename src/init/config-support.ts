import { loadConfig } from '../config/load-config.js'

/**
 * Keys of the shared configuration contract that this build's schema may not read yet
 * (`datePatterns` comes with the date-of-path work, `actionItems.since` with the issue
 * planner's). `init` writes a key only where the schema accepts it, so the file it writes
 * always loads.
 */
export interface ConfigSupport {
  datePatterns: boolean
  actionItemsSince: boolean
}

/** Asks the configuration loader which of those keys it accepts. */
export function configSupport(): ConfigSupport {
  return {
    datePatterns: accepts('datePatterns:\n  - "**/YYYY-MM-DD.md"\n'),
    actionItemsSince: accepts('actionItems:\n  since: 2026-01-01\n'),
  }
}

function accepts(yaml: string): boolean {
  try {
    loadConfig(yaml, 'probe')
    return true
  } catch {
    return false
  }
}
