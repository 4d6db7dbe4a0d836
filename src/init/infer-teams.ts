import { resolveLink } from '../links/resolve-link.js'
import { headingKey } from '../model/sections.js'
import { inferTeamFolder } from '../model/team-folder.js'
import { splitPath, type RepoIndex } from '../repo/repo-index.js'
import { Counter, type SeriesInference } from './infer-series.js'

/** A team heading, the folder its `Minutes:` links point into, and whether the heading alone tells. */
export interface InferredTeam {
  heading: string
  folder: string
  /** The folder name follows from the heading (`Team IaaS` → `iaas`): no mapping needed. */
  inferable: boolean
}

/**
 * The team folders that the team headings of weekly-style minutes name, read from where their
 * `Minutes:` lines link. A heading whose folder the engine cannot tell from its words
 * (`Finance Committee` → `finance/`) becomes a `teams` mapping.
 */
export function inferTeams(series: SeriesInference[], index: RepoIndex, repository: string | null): InferredTeam[] {
  const byHeading = new Map<string, { spellings: Counter<string>; folders: Counter<string> }>()
  for (const inference of series) {
    const wrappers = new Set(inference.sections.filter((section) => section.wrapsTeams).flatMap((s) => [s.name, ...s.aliases].map(headingKey)))
    if (wrappers.size === 0) continue
    for (const file of inference.files) {
      const teams = [
        ...file.sections.filter((section) => wrappers.has(headingKey(section.title))).flatMap((section) => section.teamChildren),
        ...file.topLevelTeams,
      ]
      for (const team of teams) {
        const key = headingKey(team.title)
        const entry = byHeading.get(key) ?? { spellings: new Counter<string>(), folders: new Counter<string>() }
        entry.spellings.add(team.title)
        for (const url of team.minutesLinks) {
          const folder = linkedFolder(url, file.path, repository, index)
          if (folder) entry.folders.add(folder)
        }
        byHeading.set(key, entry)
      }
    }
  }
  const teams: InferredTeam[] = []
  for (const entry of byHeading.values()) {
    const linked = entry.folders.top()?.[0]
    if (!linked) continue
    const heading = (entry.spellings.top() as [string, number])[0]
    const named = inferTeamFolder(heading, index.folders, [])
    // The folder the heading names exactly wins over one whose name merely starts like it
    // (`SIG Monitoring` → `sig-monitoring/`, not `sig-monitoring-audit-log-wg/`) or that
    // other links point to more often: a team's minutes sometimes link a sub-group's notes.
    const folder = named !== null && (entry.folders.has(named) || linked.startsWith(`${named}-`)) ? named : linked
    teams.push({ heading, folder, inferable: named === folder })
  }
  return teams.sort((a, b) => a.heading.localeCompare(b.heading))
}

function linkedFolder(url: string, fromPath: string, repository: string | null, index: RepoIndex): string | null {
  const target = resolveLink(url, fromPath, repository, index)
  if (target.kind !== 'repo') return null
  const folder = index.files.has(target.path) ? splitPath(target.path)[0] : target.path
  return folder !== '' && index.folders.has(folder) ? folder : null
}

/**
 * The `owner/repo` that the repository's own github.com links point into: the one whose
 * `blob/<ref>/<path>` and `tree/<ref>/<path>` links name the most paths that exist here
 * (at least two). Null when no links tell.
 */
export function repositoryOfLinks(links: Iterable<string>, index: RepoIndex): { name: string; links: number } | null {
  const hits = new Counter<string>()
  const spelled = new Map<string, string>()
  for (const url of links) {
    const match = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)\/(?:blob|tree)\/(.+?)\/?(?:[?#].*)?$/i.exec(url.trim())
    if (!match) continue
    const [, owner, repo, rest] = match as unknown as [string, string, string, string]
    const parts = rest.split('/').map(safeDecode)
    const existing = parts.some((_, refLength) => {
      const path = parts.slice(refLength + 1).join('/')
      return refLength + 1 < parts.length && (index.files.has(path) || index.folders.has(path))
    })
    if (!existing) continue
    const key = `${owner}/${repo}`.toLowerCase()
    if (!spelled.has(key)) spelled.set(key, `${owner}/${repo}`)
    hits.add(key)
  }
  const [key, count] = hits.top() ?? ['', 0]
  return count >= 2 ? { name: spelled.get(key) as string, links: count } : null
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
