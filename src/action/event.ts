import { readFileSync } from 'node:fs'

/** What the action needs from the workflow's event payload, read once and checked. */
export interface EventInfo {
  name: string
  /** Set for `pull_request` and `pull_request_target`. */
  /** `baseSha`: the commit the pull request was compared with (its configuration is the trusted one); '' when the payload does not say. */
  pullRequest: { number: number; headSha: string; headRef: string; baseSha: string; fromFork: boolean } | null
  /** The repository's default branch, when the payload says. */
  defaultBranch: string | null
  /**
   * Files a push added or modified, from its commits; null when the payload cannot tell
   * (no commits listed, a forced push, or as many commits as GitHub lists at most).
   */
  pushedPaths: string[] | null
  /** Files the push's commits removed (renames are a removal and an addition); [] when not a push. */
  removedPaths: string[]
  /** A push's ends, for asking the compare API when the payload cannot tell; null when not a push. */
  push: { before: string; after: string; forced: boolean; created: boolean } | null
}

interface Payload {
  pull_request?: { number?: unknown; head?: { sha?: unknown; ref?: unknown; repo?: { full_name?: unknown } | null }; base?: { sha?: unknown; repo?: { full_name?: unknown } } }
  repository?: { default_branch?: unknown }
  commits?: Array<{ added?: unknown; modified?: unknown; removed?: unknown }>
  before?: unknown
  after?: unknown
  forced?: unknown
  created?: unknown
}

/** GitHub lists at most this many commits in a push payload. */
export const PUSH_COMMIT_LIMIT = 2048

/** The sha of the missing side of a push that creates or deletes a branch. */
const NULL_SHA = /^0+$/

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
          baseSha: typeof pull?.base?.sha === 'string' ? pull.base.sha : '',
          fromFork: pull?.head?.repo?.full_name !== pull?.base?.repo?.full_name,
        }
      : null
  const defaultBranch = typeof payload.repository?.default_branch === 'string' ? payload.repository.default_branch : null
  const isPush = name === 'push'
  return {
    name,
    pullRequest,
    defaultBranch,
    pushedPaths: isPush ? pushedPaths(payload) : null,
    removedPaths: isPush ? listedPaths(payload, ['removed']) : [],
    push: isPush ? pushEnds(payload) : null,
  }
}

function pushEnds(payload: Payload): EventInfo['push'] {
  const before = typeof payload.before === 'string' ? payload.before : ''
  const after = typeof payload.after === 'string' ? payload.after : ''
  return { before, after, forced: payload.forced === true, created: payload.created === true || NULL_SHA.test(before) }
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

/**
 * The files a push's commits added or modified. Null when the payload cannot tell: no
 * commits listed, a forced push (commits left behind are not listed), or the most commits
 * GitHub lists (there may be more).
 */
function pushedPaths(payload: Payload): string[] | null {
  if (!Array.isArray(payload.commits) || payload.commits.length === 0) return null
  if (payload.forced === true || payload.commits.length >= PUSH_COMMIT_LIMIT) return null
  return listedPaths(payload, ['added', 'modified'])
}

function listedPaths(payload: Payload, kinds: Array<'added' | 'modified' | 'removed'>): string[] {
  const paths = new Set<string>()
  for (const commit of Array.isArray(payload.commits) ? payload.commits : []) {
    for (const kind of kinds) {
      const list = commit[kind]
      if (Array.isArray(list)) for (const path of list) if (typeof path === 'string') paths.add(path)
    }
  }
  return [...paths].sort()
}
