import { type RepoListing, listRepo, readRepoFile, repositoryFromGitRemote } from './local-repo.js'
import type { RepoReader } from './repo-reader.js'

/** Reads a checked-out repository from the filesystem. */
export function localReader(root: string): RepoReader {
  let listing: Promise<RepoListing> | undefined
  const list = () => (listing ??= listRepo(root))
  return {
    listFiles: async () => (await list()).files,
    symbolicLinks: async () => (await list()).links,
    readFile: async (path) => {
      try {
        return await readRepoFile(root, path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    repositoryHint: () => repositoryFromGitRemote(root),
  }
}
