import type { GitHubClient, Repository } from './client.js'

/** What a change did to the repository's files. */
export interface ChangedFiles {
  /** Files added or changed (a rename's new name included): the ones to check. */
  changed: string[]
  /** Files removed, and the old names of renamed ones: links to them broke. */
  removed: string[]
}

interface DiffEntry {
  filename: string
  status: string
  previous_filename?: string
}

/** GitHub lists at most this many files in a comparison; a full list may be longer. */
export const COMPARE_FILE_LIMIT = 300

function splitChanges(files: readonly DiffEntry[]): ChangedFiles {
  const changed = new Set<string>()
  const removed = new Set<string>()
  for (const file of files) {
    if (file.status === 'removed') removed.add(file.filename)
    else changed.add(file.filename)
    if (file.status === 'renamed' && file.previous_filename) removed.add(file.previous_filename)
  }
  return { changed: [...changed].sort(), removed: [...removed].sort() }
}

/** The files a pull request adds, changes, removes and renames (one paginated listing). */
export async function listPullRequestChanges(client: GitHubClient, repository: Repository, pullNumber: number): Promise<ChangedFiles> {
  const files = await client.paginate(client.rest.pulls.listFiles, { ...repository, pull_number: pullNumber, per_page: 100 })
  return splitChanges(files)
}

/**
 * The files changed between two commits, in one request (`GET /compare/{before}...{after}`),
 * for a push whose payload cannot tell (forced, or more commits than it lists). Null when
 * GitHub's list may be cut short (it stops at 300 files).
 */
export async function compareCommits(client: GitHubClient, repository: Repository, before: string, after: string): Promise<ChangedFiles | null> {
  const { data } = await client.rest.repos.compareCommitsWithBasehead({ ...repository, basehead: `${before}...${after}` })
  const files = data.files ?? []
  if (files.length >= COMPARE_FILE_LIMIT) return null
  return splitChanges(files)
}
