import { plural } from '../report/findings.js'
import type { InferredRunningProfile } from './infer-running.js'

/** A running profile as the configuration file writes it. */
export function runningProfileValue(profile: InferredRunningProfile): Record<string, unknown> {
  return { kind: 'running', paths: profile.paths, rules: profile.rules }
}

/** `tc/YYYY.md: 2 files, 23 meetings, 2024-01-09 … 2025-03-04; one meeting per dated heading`. */
export function describeRunningSource(profile: InferredRunningProfile): string {
  const dates = profile.files.flatMap((file) => file.dates).sort()
  const span = dates.length > 1 ? `${dates[0]} … ${dates.at(-1)}` : (dates[0] ?? 'no real day')
  return `${profile.paths.join(', ')}: ${plural(profile.files.length, 'file')}, ${plural(dates.length, 'meeting')}, ${span}; one meeting per dated heading`
}
