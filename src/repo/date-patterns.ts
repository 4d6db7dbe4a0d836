import { isCalendarDate } from './dates.js'

/**
 * Where dates stand in minutes' paths: `iaas/20230322.md`, `container/20220808-overflow.md`,
 * `sig-release/2023-09-14.md`, `hackathons/2022-09-27-gx-hackathon-5/minutes.md`,
 * `minutes/2026/05/06.md`. A pattern is a glob over the whole relative path in which the
 * tokens `YYYY`, `MM` and `DD` stand for the date's digits; `*` is any text within one path
 * segment, `**` any number of segments. Every date in a path is read through
 * {@link dateOfPath}: link suggestions, team-minutes lookups and the title-date rules agree.
 */
export const DEFAULT_DATE_PATTERNS: readonly string[] = [
  '**/YYYYMMDD.md',
  '**/YYYYMMDD-*.md',
  '**/YYYY-MM-DD.md',
  '**/YYYY-MM-DD-*.md',
  '**/YYYY-MM-DD-*/**/*.md',
  '**/YYYY-MM-DD/**/*.md',
  '**/YYYY/MM/DD.md',
  '**/YYYY/MM-DD.md',
]

/** The date a path holds, and where in the path it stands. */
export interface PathDate {
  /** The meeting day, `YYYY-MM-DD`. */
  date: string
  /**
   * The folder the path's series of meetings lives in: the path before the segment where
   * the date starts (`iaas`, `hackathons`, `minutes` for `minutes/2026/05/06.md`; `''` at the root).
   */
  series: string
  /** The part of the path that holds the date, to name in messages (`20230322.md`, `2022-09-27-gx-hackathon-5/minutes.md`). */
  written: string
  /** Index of the pattern that matched, in the list given. */
  pattern: number
}

/** A pattern compiled to a regular expression over the whole path. */
export interface CompiledDatePattern {
  source: string
  regex: RegExp
}

/** A date pattern that cannot be used; `reason` says why. */
export class DatePatternError extends Error {
  override name = 'DatePatternError'
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`“${pattern}”: ${reason}`)
  }
}

const TOKENS: Record<string, string> = { YYYY: '(?<year>\\d{4})', MM: '(?<month>\\d{2})', DD: '(?<day>\\d{2})' }
const GROUP_NAMES: Record<string, string> = { YYYY: 'year', MM: 'month', DD: 'day' }

/**
 * Compiles one date pattern; throws DatePatternError when it lacks a token. A token written
 * again stands for the same digits (`notes/YYYY/YYYY-MM-DD.md`: the year folder and the file
 * name's year agree).
 */
export function compileDatePattern(source: string): CompiledDatePattern {
  for (const token of Object.keys(TOKENS)) {
    if (!source.includes(token)) throw new DatePatternError(source, `has no ${token}`)
  }
  const segments = source.replace(/^\.?\/+/, '').split('/')
  const dateSegment = segments.findIndex((segment) => /YYYY|MM|DD/.test(segment))
  const seen = new Set<string>()
  const prefix = segments.slice(0, dateSegment).map((segment) => segmentToRegex(segment, seen)).join('')
  const rest = segments.slice(dateSegment).map((segment) => segmentToRegex(segment, seen)).join('')
  // Every segment regex ends in `/`; the whole path does not.
  return { source, regex: new RegExp(`^(?<series>${prefix})${rest.slice(0, -1)}$`) }
}

/** One path segment as a regex that consumes it and its trailing `/`. */
function segmentToRegex(segment: string, seen: Set<string>): string {
  if (segment === '**') return '(?:[^/]+/)*'
  let regex = ''
  for (let at = 0; at < segment.length; ) {
    const token = ['YYYY', 'MM', 'DD'].find((name) => segment.startsWith(name, at))
    if (token) {
      regex += seen.has(token) ? `\\k<${GROUP_NAMES[token]}>` : TOKENS[token]
      seen.add(token)
      at += token.length
      continue
    }
    const char = segment[at] as string
    if (char === '*') regex += '[^/]*'
    else if (char === '?') regex += '[^/]'
    else regex += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    at += 1
  }
  return `${regex}/`
}

/** Compiles a list of patterns, in order (the first that matches a path wins). */
export function compileDatePatterns(sources: readonly string[]): CompiledDatePattern[] {
  return sources.map(compileDatePattern)
}

const DEFAULT_COMPILED = compileDatePatterns(DEFAULT_DATE_PATTERNS)

/**
 * The date of a path by the first pattern that matches it and names a real calendar day;
 * null when none does (`README.md`, `2022-09-pco-cloudmon-hackathon/minutes.md`).
 */
export function dateOfPath(path: string, patterns: readonly CompiledDatePattern[] = DEFAULT_COMPILED): PathDate | null {
  for (const [index, { regex }] of patterns.entries()) {
    const match = regex.exec(path)
    const groups = match?.groups
    if (!groups) continue
    const date = `${groups.year}-${groups.month}-${groups.day}`
    if (!isCalendarDate(date)) continue
    const seriesWithSlash = groups.series ?? ''
    return { date, series: seriesWithSlash.replace(/\/$/, ''), written: path.slice(seriesWithSlash.length), pattern: index }
  }
  return null
}
