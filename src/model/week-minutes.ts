import type { Config } from '../config/types.js'
import { daysBetween } from '../repo/dates.js'
import { datedPath, type RepoIndex } from '../repo/repo-index.js'

/**
 * The minutes a team wrote for the week of a weekly call: the dated file in the team's
 * folder closest to the call's date within the configured window (teams meet on their own
 * weekday: IaaS on Wednesday, the call on Thursday).
 */
export function teamMinutesForWeek(folder: string, callDate: string, index: RepoIndex, config: Config): string | null {
  const { daysBefore, daysAfter } = config.teamMinutesWindow
  let best: { date: string; distance: number } | null = null
  for (const date of index.datedFiles.get(folder) ?? []) {
    const offset = daysBetween(callDate, date)
    if (offset < -daysBefore || offset > daysAfter) continue
    if (!best || Math.abs(offset) < best.distance) best = { date, distance: Math.abs(offset) }
  }
  return best ? datedPath(folder, best.date) : null
}
