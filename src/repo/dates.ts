/** Dates as minutes write them in text: ISO days (`2023-03-23`) in titles. Dates in paths: date-patterns.ts. */

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2212'
const DATE_IN_TEXT = new RegExp(`(\\d{4})(\\s*[${DASHES}/]\\s*)(\\d{1,2})(\\s*[${DASHES}/]\\s*)(\\d{1,2})(?!\\d)`)

/** A date found in a line of text, as written and as it should be written. */
export interface DateInText {
  /** The text as written, e.g. `2023-02–20` (with an en dash). */
  raw: string
  /** Offset of `raw` in the text searched. */
  index: number
  /** `YYYY-MM-DD` built from the numbers written, whether or not it is a real day. */
  normalized: string
  /** The numbers form a real calendar day. */
  valid: boolean
  /** Written exactly as `YYYY-MM-DD` with ASCII hyphens. */
  canonical: boolean
}

/** Finds the first date written year-month-day in a string (a regex over one text node). */
export function findDateInText(text: string): DateInText | null {
  const match = DATE_IN_TEXT.exec(text)
  if (!match) return null
  const [raw, year, , month, , day] = match as unknown as [string, string, string, string, string, string]
  const normalized = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  return { raw, index: match.index, normalized, valid: isCalendarDate(normalized), canonical: raw === normalized }
}

/** Whether `YYYY-MM-DD` names a day that exists (no 2023-02-30). */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** "1 day later", "7 days earlier", "the same day". */
export function describeDayDistance(days: number): string {
  if (days === 0) return 'the same day'
  const count = Math.abs(days)
  return `${count} day${count === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'}`
}
