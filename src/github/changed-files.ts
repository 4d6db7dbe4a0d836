import type { GitHubClient, Repository } from './client.js'

/** The files a pull request adds or changes (removed files have nothing to check). */
export async function listChangedFiles(
  client: GitHubClient,
  repository: Repository,
  pullNumber: number,
): Promise<string[]> {
  const files = await client.paginate(client.rest.pulls.listFiles, { ...repository, pull_number: pullNumber, per_page: 100 })
  return files.filter((file) => file.status !== 'removed').map((file) => file.filename)
}
