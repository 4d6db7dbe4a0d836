import { daysBetween } from '../repo/dates.js'

/** A day `days` after `iso` (`YYYY-MM-DD`). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay()
}

/** The value seen most often; ties go to the smallest. */
function mostCommon(values: readonly number[]): number | null {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: number | null = null
  for (const [value, count] of counts) {
    const bestCount = best === null ? 0 : (counts.get(best) ?? 0)
    if (count > bestCount || (count === bestCount && best !== null && value < best)) best = value
  }
  return best
}

/** How often and on which weekday a series meets, from its recent meeting dates. */
export interface Cadence {
  /** The usual gap in days (7 when there is only one meeting to go by). */
  gap: number
  /** The usual weekday, 0 Sunday … 6 Saturday. */
  weekday: number
}

/** The cadence of recent meetings (dates oldest first): the most common gap and weekday. */
export function cadenceOf(dates: readonly string[]): Cadence {
  const recent = dates.slice(-9)
  const gaps = recent.slice(1).map((date, index) => daysBetween(recent[index] as string, date)).filter((gap) => gap > 0)
  const weekday = mostCommon(recent.map(weekdayOf)) ?? 0
  return { gap: mostCommon(gaps) ?? 7, weekday }
}

/**
 * The next meeting on the series' cadence: the last meeting plus the usual gap, again and
 * again until it is not before `today`, moved to the usual weekday (at most three days either way).
 */
export function nextMeetingDate(dates: readonly string[], today: string): string {
  const last = dates.at(-1)
  if (last === undefined) return today
  const { gap, weekday } = cadenceOf(dates)
  let next = addDays(last, gap)
  if (next < today) next = addDays(next, Math.ceil(daysBetween(next, today) / gap) * gap)
  const shift = ((weekday - weekdayOf(next) + 10) % 7) - 3
  const moved = addDays(next, shift)
  // The weekday wins unless it would fall back before today or onto the last meeting.
  if (moved >= today && moved > last) return moved
  return addDays(moved, 7)
}
