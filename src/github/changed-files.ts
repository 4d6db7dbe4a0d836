import type { GitHubClient, Repository } from './client.js'

/** What a change did to the repository's files. */
export interface ChangedFiles {
  /** Files added or changed (a rename's new name included): the ones to check. */
  changed: string[]
  /** Files removed, and the old names of renamed ones: links to them broke. */
  removed: string[]
  /**
   * The lines each changed file's diff adds or changes, in the new file (where a line was only
   * removed: the line after it); a file GitHub gives no patch for (too large, binary) is absent.
   */
  changedLines?: Record<string, number[]>
}

interface DiffEntry {
  filename: string
  status: string
  previous_filename?: string
  patch?: string
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
  const changedLines: Record<string, number[]> = {}
  for (const file of files) if (file.status !== 'removed' && file.patch !== undefined) changedLines[file.filename] = linesChangedByPatch(file.patch)
  return { changed: [...changed].sort(), removed: [...removed].sort(), changedLines }
}

// A hunk header of a unified diff: `@@ -12,7 +12,9 @@ heading`.
const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/

/** The new file's lines a unified diff adds, and where it only removes, the line that follows. */
export function linesChangedByPatch(patch: string): number[] {
  const lines = new Set<number>()
  let next = 0
  for (const row of patch.split('\n')) {
    const hunk = HUNK.exec(row)
    if (hunk) next = Number(hunk[1])
    else if (row.startsWith('+')) lines.add(next++)
    else if (row.startsWith('-')) lines.add(next)
    else if (!row.startsWith('\\')) next++
  }
  return [...lines].filter((line) => line > 0).sort((a, b) => a - b)
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
