import type { Config } from '../config/types.js'
import { targetExists } from '../links/describe-missing-target.js'
import { resolveLink } from '../links/resolve-link.js'
import type { RepoIndex } from '../repo/repo-index.js'
import type { MinutesModel, TeamMinutesKind } from './types.js'

/** A team section of weekly minutes as reports show it: what its `Minutes:` line links. */
export interface TeamReport {
  team: string
  line: number
  kind: TeamMinutesKind
  /** The placeholder as written (`None yet`). */
  placeholder: string | null
  links: TeamLinkReport[]
}

export interface TeamLinkReport {
  url: string
  line: number
  /** The repository path it names; null for links elsewhere. */
  path: string | null
  /** Whether that path exists; null for links elsewhere. */
  exists: boolean | null
}

/** The team sections of a model with their links resolved against the repository. */
export function teamReportsOf(model: MinutesModel, config: Config, index: RepoIndex): TeamReport[] {
  return model.teams.map((team) => ({
    team: team.section.title,
    line: team.section.heading.position?.start.line ?? 1,
    kind: team.kind,
    placeholder: team.placeholder,
    links: team.links.map((link) => {
      const target = resolveLink(link.url, model.path, config.repository, index)
      const line = link.position?.start.line ?? 1
      if (target.kind !== 'repo') return { url: link.url, line, path: null, exists: null }
      return { url: link.url, line, path: target.path, exists: targetExists(target.path, index) }
    }),
  }))
}
