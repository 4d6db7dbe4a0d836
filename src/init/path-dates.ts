import { isCalendarDate } from '../repo/dates.js'

/** How a date is written in a path, as a `datePatterns` token string. */
export type DateFormat = 'YYYYMMDD' | 'YYYY-MM-DD' | 'YYYY/MM-DD' | 'YYYY/MM/DD'

/** A path that carries a meeting date, split around the date. */
export interface DatedPath {
  path: string
  /** `YYYY-MM-DD`. */
  date: string
  /** The folder before the date (`meetings`, `minutes`, `''` for the root): the meeting series. */
  folder: string
  /**
   * The folder as a layout: a folder named by the meeting's year (month) written `YYYY` (`MM`),
   * so `notes/2024/2024-03-05-board.md` and next year's `notes/2025/…` share `notes/YYYY`.
   */
  folderPattern: string
  format: DateFormat
  /** What follows the date in the same path segment, e.g. `-board`, `-gx-hackathon-5`, `''`. */
  suffix: string
  /** The rest of the path after that segment: `.md`, or `/minutes.md` for a dated folder. */
  tail: string
}

/** Date spellings in paths, most specific first; each starts a path segment. */
const FORMATS: Array<{ format: DateFormat; pattern: RegExp }> = [
  { format: 'YYYY/MM/DD', pattern: /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?=[./-]|$)/ },
  { format: 'YYYY/MM-DD', pattern: /(?:^|\/)(\d{4})\/(\d{2})-(\d{2})(?=[./-]|$)/ },
  { format: 'YYYY-MM-DD', pattern: /(?:^|\/)(\d{4})-(\d{2})-(\d{2})(?=[./-]|$)/ },
  { format: 'YYYYMMDD', pattern: /(?:^|\/)(\d{4})(\d{2})(\d{2})(?=[./-]|$)/ },
]

/**
 * Reads the meeting date of a Markdown path written in one of the common ways:
 * `iaas/20230322.md`, `container/20220808-overflow.md`, `meetings/2026-05-06.md`,
 * `minutes/2026/05-06.md`, `2026/05/06.md`, `hackathons/2022-09-27-gx-hackathon-5/minutes.md`.
 * Null when the path holds no real calendar date. A regex over one path string.
 */
export function datedPathOf(path: string): DatedPath | null {
  if (!/\.md$/i.test(path)) return null
  for (const { format, pattern } of FORMATS) {
    const match = pattern.exec(path)
    if (!match) continue
    const [whole, year, month, day] = match as unknown as [string, string, string, string]
    const date = `${year}-${month}-${day}`
    if (!isCalendarDate(date)) continue
    const start = match.index + (whole.startsWith('/') ? 1 : 0)
    const afterDate = match.index + whole.length
    const segmentEnd = path.indexOf('/', afterDate)
    const segmentRest = segmentEnd < 0 ? path.slice(afterDate) : path.slice(afterDate, segmentEnd)
    const isFile = segmentEnd < 0
    const suffix = isFile ? segmentRest.replace(/\.md$/i, '') : segmentRest
    const tail = isFile ? segmentRest.slice(suffix.length) : path.slice(segmentEnd)
    const folder = path.slice(0, Math.max(0, start - 1))
    return { path, date, folder, folderPattern: folderPatternOf(folder, year, month), format, suffix, tail }
  }
  return null
}

/** The glob of a date format: `YYYY-MM-DD` → `[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]`. */
export function dateFormatGlob(format: DateFormat): string {
  return format.replace('YYYY', '[0-9][0-9][0-9][0-9]').replace('MM', '[0-9][0-9]').replace('DD', '[0-9][0-9]')
}

/** `notes/2024` → `notes/YYYY`, `log/2024/03` → `log/YYYY/MM`: the date's year and month folders as tokens. */
function folderPatternOf(folder: string, year: string, month: string): string {
  if (folder === '') return folder
  const segments = folder.split('/')
  return segments
    .map((segment, at) => {
      if (segment === year) return 'YYYY'
      if (segment === month && segments[at - 1] === year) return 'MM'
      return segment
    })
    .join('/')
}
