import type { RepoReader, SymbolicLink } from '../read/repo-reader.js'
import { resolveTreeLinks } from '../read/tree-links.js'
import { type GitHubClient, type Repository, statusOf } from './client.js'

/** Git's file mode of a symbolic link: a blob whose content is the target's path. */
const SYMBOLIC_LINK_MODE = '120000'

/** A commit's files and symbolic links, from one tree listing (and one blob read per link). */
interface TreeListing {
  files: string[]
  links: Map<string, SymbolicLink>
}

/**
 * Reads a repository at a commit through the API, for `pull_request_target`: the PR's files
 * are data fetched from GitHub, never checked out, so no code of the PR can run. Symbolic
 * links are reported as a checkout reports them (see `listRepo`).
 */
export function apiReader(client: GitHubClient, repository: Repository, sha: string): RepoReader {
  let listing: Promise<TreeListing> | undefined
  const list = () => (listing ??= listTree(client, repository, sha))
  return {
    listFiles: async () => (await list()).files,
    symbolicLinks: async () => (await list()).links,
    readFile: async (path) => {
      try {
        const { data } = await client.rest.repos.getContent({ ...repository, path, ref: sha })
        // A link out of the repository (or to a folder) answers `type: 'symlink'`: never followed.
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

async function listTree(client: GitHubClient, repository: Repository, sha: string): Promise<TreeListing> {
  const { data } = await client.rest.git.getTree({ ...repository, tree_sha: sha, recursive: 'true' })
  if (data.truncated) throw new Error(`the repository's file tree at ${sha.slice(0, 7)} is too large for one API call; use the pull_request event with a checkout instead`)
  const blobs = data.tree.filter((entry): entry is typeof entry & { path: string; sha: string } => entry.type === 'blob' && !!entry.path && !!entry.sha)
  const linkEntries = blobs.filter((entry) => entry.mode === SYMBOLIC_LINK_MODE)
  if (linkEntries.length === 0) return { files: blobs.map((entry) => entry.path).sort(), links: new Map() }
  // A link's blob holds its target as written: one request per link (links are rare).
  const written = new Map(await Promise.all(linkEntries.map(async (entry) => [entry.path, await readBlobText(client, repository, entry.sha)] as const)))
  const folders = new Set(data.tree.flatMap((entry) => (entry.type === 'tree' && entry.path ? [entry.path] : [])))
  const links = new Map<string, SymbolicLink>()
  const folderLinks = new Set<string>()
  for (const [path, link] of resolveTreeLinks(written, folders)) {
    if (link === 'folder') folderLinks.add(path)
    else links.set(path, link)
  }
  // Links to folders are not walked, as in a checkout: their files are listed where they are.
  return { files: blobs.flatMap((entry) => (folderLinks.has(entry.path) ? [] : [entry.path])).sort(), links }
}

async function readBlobText(client: GitHubClient, repository: Repository, blobSha: string): Promise<string> {
  const { data } = await client.rest.git.getBlob({ ...repository, file_sha: blobSha })
  return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8')
}
