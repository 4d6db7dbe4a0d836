import type { RepoReader } from '../read/repo-reader.js'
import { type GitHubClient, type Repository, statusOf } from './client.js'

/**
 * Reads a repository at a commit through the API, for `pull_request_target`: the PR's files
 * are data fetched from GitHub, never checked out, so no code of the PR can run.
 */
export function apiReader(client: GitHubClient, repository: Repository, sha: string): RepoReader {
  let files: Promise<string[]> | undefined
  return {
    listFiles: () => (files ??= listTree(client, repository, sha)),
    readFile: async (path) => {
      try {
        const { data } = await client.rest.repos.getContent({ ...repository, path, ref: sha })
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null
        // base64 keeps the exact bytes, so invalid UTF-8 is still found by the encoding rule.
        return Buffer.from(data.content, 'base64')
      } catch (error) {
        if (statusOf(error) === 404) return null
        throw error
      }
    },
    repositoryHint: async () => `${repository.owner}/${repository.repo}`,
  }
}

async function listTree(client: GitHubClient, repository: Repository, sha: string): Promise<string[]> {
  const { data } = await client.rest.git.getTree({ ...repository, tree_sha: sha, recursive: 'true' })
  if (data.truncated) throw new Error(`the repository's file tree at ${sha.slice(0, 7)} is too large for one API call; use the pull_request event with a checkout instead`)
  return data.tree.flatMap((entry) => (entry.type === 'blob' && entry.path ? [entry.path] : [])).sort()
}
