import picomatch from 'picomatch'
import { isMinutesPath } from '../config/profiles.js'
import type { Config } from '../config/types.js'

/** Which files a run checks, and the patterns that matched nothing (to say so). */
export interface Selection {
  paths: string[]
  unmatchedPatterns: string[]
}

/**
 * Picks the files to check from the repository's file list: those the patterns (paths or
 * globs, relative to the root) match, or with no patterns every file a profile applies to.
 * Files no profile applies to are never checked.
 */
export function selectFiles(allPaths: readonly string[], patterns: readonly string[], config: Config): Selection {
  const candidates = allPaths.filter((path) => isMinutesPath(path, config))
  if (patterns.length === 0) return { paths: candidates, unmatchedPatterns: [] }
  const unmatchedPatterns: string[] = []
  const chosen = new Set<string>()
  for (const pattern of patterns) {
    const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '')
    const matches = picomatch(normalized, { dot: false })
    const inFolder = (path: string) => path.startsWith(`${normalized}/`)
    const hits = candidates.filter((path) => path === normalized || matches(path) || inFolder(path))
    if (hits.length === 0) unmatchedPatterns.push(pattern)
    for (const hit of hits) chosen.add(hit)
  }
  return { paths: candidates.filter((path) => chosen.has(path)), unmatchedPatterns }
}
