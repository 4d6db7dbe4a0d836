import { type ChangedFiles, compareCommits, listPullRequestChanges } from '../github/changed-files.js'
import type { GitHubClient } from '../github/client.js'
import type { ActionSettings } from './settings.js'

/** What this run is about: the change it checks, or (null) the whole repository. */
export interface RunChanges {
  /** The change's files; null when the run audits the whole repository. */
  files: ChangedFiles | null
  /** One line for the log: what is checked, and why. */
  description: string
}

/**
 * The files of the change that triggered the run: a pull request's (one paginated listing),
 * a push's (from the payload's commits; when the payload cannot tell, one compare request),
 * none for other events. Null files when they cannot be told: then everything is checked.
 */
export async function changesOfRun(client: GitHubClient, settings: ActionSettings): Promise<RunChanges> {
  const { event, repository } = settings
  if (event.pullRequest) {
    const files = await listPullRequestChanges(client, repository, event.pullRequest.number)
    return { files, description: `Pull request #${event.pullRequest.number} changes ${files.changed.length} file(s) and removes or renames ${files.removed.length}.` }
  }
  if (event.push) {
    if (event.pushedPaths) {
      return { files: { changed: event.pushedPaths, removed: event.removedPaths }, description: `The push changes ${event.pushedPaths.length} file(s) and removes ${event.removedPaths.length} (from its commits).` }
    }
    const { before, after, created, forced } = event.push
    if (created || !before || !after) return { files: null, description: 'The push creates the branch: nothing to compare with, so every file is checked.' }
    const files = await compareCommits(client, repository, before, after)
    const why = forced ? 'a forced push' : 'the push payload does not list every commit'
    if (!files) return { files: null, description: `The comparison ${before.slice(0, 7)}...${after.slice(0, 7)} (${why}) lists too many files: every file is checked.` }
    return { files, description: `The push changes ${files.changed.length} file(s) and removes ${files.removed.length} (compared ${before.slice(0, 7)}...${after.slice(0, 7)}: ${why}).` }
  }
  return { files: null, description: `Event ${event.name}: every file is checked.` }
}
