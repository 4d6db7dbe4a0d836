import type { Config } from '../config/types.js'
import { daysBetween } from '../repo/dates.js'
import type { RepoIndex } from '../repo/repo-index.js'

/**
 * The minutes a team wrote for the week of a weekly call: the dated file of the team's
 * series (its folder) closest to the call's date within the configured window (teams meet on
 * their own weekday: IaaS on Wednesday, the call on Thursday). Dates come from the paths by
 * the configured date patterns, so `sig-release/2023-09-14.md` counts as well as `iaas/20230322.md`.
 */
export function teamMinutesForWeek(folder: string, callDate: string, index: RepoIndex, config: Config): string | null {
  const { daysBefore, daysAfter } = config.teamMinutesWindow
  let best: { path: string; distance: number } | null = null
  for (const file of index.datedFiles.get(folder) ?? []) {
    const offset = daysBetween(callDate, file.date)
    if (offset < -daysBefore || offset > daysAfter) continue
    if (!best || Math.abs(offset) < best.distance) best = { path: file.path, distance: Math.abs(offset) }
  }
  return best?.path ?? null
}
