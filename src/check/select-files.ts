import picomatch from 'picomatch'
import { isMinutesPath } from '../config/profiles.js'
import type { Config } from '../config/types.js'

/** A path or glob that matched no file a profile applies to, and why. */
export interface UnmatchedPattern {
  pattern: string
  /** `missing`: no file at all; `unchecked`: only files excluded or no profile applies to. */
  reason: 'missing' | 'unchecked'
}

/** Which files a run checks, and the patterns that matched nothing (to say so). */
export interface Selection {
  paths: string[]
  unmatched: UnmatchedPattern[]
}

/**
 * Picks the files to check from the repository's file list: those the patterns (paths or
 * globs, relative to the root, or folders) match, or with no patterns every file a profile
 * applies to. Files no profile applies to are never checked.
 */
export function selectFiles(allPaths: readonly string[], patterns: readonly string[], config: Config): Selection {
  const candidates = allPaths.filter((path) => isMinutesPath(path, config))
  if (patterns.length === 0) return { paths: candidates, unmatched: [] }
  const unmatched: UnmatchedPattern[] = []
  const chosen = new Set<string>()
  for (const pattern of patterns) {
    const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '')
    const matches = picomatch(normalized, { dot: false })
    const selects = (path: string) => path === normalized || matches(path) || path.startsWith(`${normalized}/`)
    const hits = candidates.filter(selects)
    if (hits.length === 0) unmatched.push({ pattern, reason: allPaths.some(selects) ? 'unchecked' : 'missing' })
    for (const hit of hits) chosen.add(hit)
  }
  return { paths: candidates.filter((path) => chosen.has(path)), unmatched }
}

/** A sentence naming the patterns that matched nothing, for the CLI and the action log. */
export function describeUnmatched(unmatched: readonly UnmatchedPattern[]): string {
  const quote = (entries: readonly UnmatchedPattern[]) => entries.map((entry) => `“${entry.pattern}”`).join(', ')
  const missing = unmatched.filter((entry) => entry.reason === 'missing')
  const unchecked = unmatched.filter((entry) => entry.reason === 'unchecked')
  const parts = [
    ...(missing.length > 0 ? [`no file matches ${quote(missing)}`] : []),
    ...(unchecked.length > 0 ? [`${quote(unchecked)} ${unchecked.length > 1 ? 'match' : 'matches'} only files that are excluded or that no profile applies to (see exclude and profiles in the configuration)`] : []),
  ]
  return `nothing to check: ${parts.join('; ')}.`
}
