import { findDateInText, isCalendarDate } from './dates.js'

/**
 * Meeting dates written other ways than `YYYY-MM-DD`: `02/09/2015`, `9.2.2015`,
 * `9 February 2015`, `9. Februar 2015`, `February 9, 2015`. Month names are English and
 * German, in full or abbreviated, in any case. A numeric date whose day and month could
 * change places is read through the meeting date known from elsewhere (the file name):
 * the reading that is that day is the series' order; without one, it is not guessed.
 */

/** Month names and abbreviations, lower case → month number. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      ['january jan januar jänner jän', 1],
      ['february feb februar feber', 2],
      ['march mar märz maerz mär mrz', 3],
      ['april apr', 4],
      ['may mai', 5],
      ['june jun juni', 6],
      ['july jul juli', 7],
      ['august aug', 8],
      ['september sep sept', 9],
      ['october oct oktober okt', 10],
      ['november nov', 11],
      ['december dec dezember dez', 12],
    ] as const
  ).flatMap(([names, month]) => names.split(' ').map((name) => [name, month] as const)),
)

// Longest names first, so `September` is taken whole rather than as `Sep`.
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})(?!\\p{L})`
const ORDINAL = '(?:st|nd|rd|th)'
// Each regex runs over one text node and has no nested quantifiers: linear in the text.
const NUMERIC = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d|[./-]\d)/
// Between the parts: spaces, or one hyphen (`9-Feb-2015`); `3 - May 2015` is not a date.
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})(?:\\.|${ORDINAL})?(?:-|\\s*)(?:of\\s+)?${MONTH}\\.?(?:-|,?\\s*)(\\d{4})(?!\\d)`, 'iu')
const MONTH_DAY = new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\.?(?:-|\\s*)(\\d{1,2})${ORDINAL}?(?!\\d)(?:-|,?\\s*)(\\d{4})(?!\\d)`, 'iu')

/** A meeting date found in a title, in any of the ways it is written. */
export interface WrittenDate {
  /** The text as written, e.g. `9. Februar 2015`. */
  raw: string
  /** Offset of `raw` in the text searched. */
  index: number
  /**
   * `YYYY-MM-DD` of the day meant, built from what is written whether or not it is a real
   * day. For an ambiguous date (`readings`), its day-first reading: not the meeting date.
   */
  normalized: string
  /** The text names one real calendar day, `normalized`; false for an ambiguous date. */
  valid: boolean
  /** Written exactly as `YYYY-MM-DD` with ASCII hyphens. */
  canonical: boolean
  /**
   * The two real days a numeric date such as `02/09/2015` can mean, day-first reading
   * first, when nothing told which one the series means; absent otherwise.
   */
  ambiguous?: readonly [string, string]
}

/**
 * Finds the meeting date in a title's text: the first ISO date (`2023-03-22`, also with other
 * dashes), else the first date written another way. `known` is the meeting date known from
 * elsewhere (the file name, the front matter): it chooses between the two readings of a
 * numeric date whose day and month could change places.
 */
export function findWrittenDate(text: string, known: string | null = null): WrittenDate | null {
  const iso = findDateInText(text)
  if (iso) return iso
  const found = [numericDate(text, known), dayMonthDate(text), monthDayDate(text)].filter((date) => date !== null)
  return found.sort((a, b) => a.index - b.index)[0] ?? null
}

function numericDate(text: string, known: string | null): WrittenDate | null {
  const match = NUMERIC.exec(text)
  if (!match) return null
  const [raw, first, , second, year] = match as unknown as [string, string, string, string, string]
  const dayFirst = iso(year, Number(second), Number(first))
  const monthFirst = iso(year, Number(first), Number(second))
  const readings = [...new Set([dayFirst, monthFirst])].filter(isCalendarDate)
  const written = { raw, index: match.index, canonical: false }
  if (readings.length === 0) return { ...written, normalized: dayFirst, valid: false }
  const chosen = readings.length === 1 ? readings[0] : readings.find((reading) => reading === known)
  if (chosen !== undefined) return { ...written, normalized: chosen, valid: true }
  return { ...written, normalized: dayFirst, valid: false, ambiguous: [dayFirst, monthFirst] }
}

function dayMonthDate(text: string): WrittenDate | null {
  const match = DAY_MONTH.exec(text)
  if (!match) return null
  const [raw, day, month, year] = match as unknown as [string, string, string, string]
  return named(raw, match.index, year, month, day)
}

function monthDayDate(text: string): WrittenDate | null {
  const match = MONTH_DAY.exec(text)
  if (!match) return null
  const [raw, month, day, year] = match as unknown as [string, string, string, string]
  return named(raw, match.index, year, month, day)
}

/** A date with its month named: read one way only. */
function named(raw: string, index: number, year: string, month: string, day: string): WrittenDate {
  const normalized = iso(year, MONTHS.get(month.toLowerCase()) ?? 0, Number(day))
  return { raw, index, normalized, valid: isCalendarDate(normalized), canonical: false }
}

function iso(year: string, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
