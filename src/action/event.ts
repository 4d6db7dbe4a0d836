import { readFileSync } from 'node:fs'

/** What the action needs from the workflow's event payload, read once and checked. */
export interface EventInfo {
  name: string
  /** Set for `pull_request` and `pull_request_target`. */
  pullRequest: { number: number; headSha: string; headRef: string; fromFork: boolean } | null
  /** The repository's default branch, when the payload says. */
  defaultBranch: string | null
  /** Files a push added or modified, from its commits; null when the payload does not list them. */
  pushedPaths: string[] | null
}

interface Payload {
  pull_request?: { number?: unknown; head?: { sha?: unknown; ref?: unknown; repo?: { full_name?: unknown } | null }; base?: { repo?: { full_name?: unknown } } }
  repository?: { default_branch?: unknown }
  commits?: Array<{ added?: unknown; modified?: unknown }>
}

/** Reads `GITHUB_EVENT_PATH`; a missing or unreadable payload gives an event with no details. */
export function readEvent(name: string, eventPath: string | undefined): EventInfo {
  const payload = readPayload(eventPath)
  const pull = payload.pull_request
  const number = pull?.number
  const headSha = pull?.head?.sha
  const pullRequest =
    name.startsWith('pull_request') && typeof number === 'number' && typeof headSha === 'string'
      ? {
          number,
          headSha,
          headRef: typeof pull?.head?.ref === 'string' ? pull.head.ref : '',
          fromFork: pull?.head?.repo?.full_name !== pull?.base?.repo?.full_name,
        }
      : null
  const defaultBranch = typeof payload.repository?.default_branch === 'string' ? payload.repository.default_branch : null
  return { name, pullRequest, defaultBranch, pushedPaths: name === 'push' ? pushedPaths(payload) : null }
}

function readPayload(eventPath: string | undefined): Payload {
  if (!eventPath) return {}
  try {
    const value: unknown = JSON.parse(readFileSync(eventPath, 'utf8'))
    return typeof value === 'object' && value !== null ? (value as Payload) : {}
  } catch {
    return {}
  }
}

/** GitHub lists at most 2048 commits in a push payload; with none listed we cannot tell. */
function pushedPaths(payload: Payload): string[] | null {
  if (!Array.isArray(payload.commits) || payload.commits.length === 0) return null
  const paths = new Set<string>()
  for (const commit of payload.commits) {
    for (const list of [commit.added, commit.modified]) {
      if (Array.isArray(list)) for (const path of list) if (typeof path === 'string') paths.add(path)
    }
  }
  return [...paths].sort()
}
