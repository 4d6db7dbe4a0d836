import { posix } from 'node:path'
import type { Config } from '../config/types.js'
import type { RepoIndex } from '../repo/repo-index.js'
import { addDays } from './cadence.js'
import type { PastMeeting } from './types.js'

/**
 * A team's newest minutes dated after the previous meeting and no later than the days after
 * a meeting that still count for it (`teamMinutesWindow.daysAfter`); null when there are none yet.
 */
export function newestTeamMinutes(folder: string, after: string, meetingDate: string, config: Config, index: RepoIndex): string | null {
  const until = addDays(meetingDate, config.teamMinutesWindow.daysAfter)
  const files = index.datedFiles.get(folder) ?? []
  const within = files.filter((file) => file.date > after && file.date <= until)
  return within.at(-1)?.path ?? null
}

/**
 * A link to `path` written as the series writes its team links: an absolute github.com
 * blob URL when its previous meeting did (`https://github.com/acme/minutes/blob/main/…`,
 * same repository and branch), else a relative link with the file's name as its text.
 */
export function teamLink(path: string, previous: PastMeeting, meetingPath: string): string {
  const absolute = previous.model.teams.flatMap((team) => team.links.map((link) => link.url)).find((url) => /^https?:\/\/[^/]+\/[^/]+\/[^/]+\/blob\/[^/]+\//u.test(url))
  if (absolute) {
    const [, base, ref] = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/blob\/([^/]+)\//u.exec(absolute) ?? []
    return `${base}/blob/${ref}/${path}`
  }
  const relative = posix.relative(posix.dirname(meetingPath), path)
  return `[${posix.basename(path)}](${relative})`
}

/** The placeholder the series writes most for a team without minutes (`None yet`). */
export function usualPlaceholder(meetings: readonly PastMeeting[]): string {
  const counts = new Map<string, number>()
  for (const meeting of meetings) for (const team of meeting.model.teams) if (team.placeholder) counts.set(team.placeholder, (counts.get(team.placeholder) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'None yet'
}
