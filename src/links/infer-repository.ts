import type { RepoIndex } from '../repo/repo-index.js'

const GITHUB_LINK = /^(?:https?:)?\/\/(?:www\.)?github\.com\/([^/?#]+)\/([^/?#]+)\/(blob|tree)\/(.+)$/i

/**
 * The `owner/repo` that github.com links point into, told from the links themselves: the one
 * whose `blob/<ref>/<path>` and `tree/<ref>/<path>` links name the most paths that exist in
 * this tree (a branch name may hold `/`: any split that names a real path counts). Null when
 * no link names a real path, or two repositories tie (it cannot be told).
 */
export function inferRepository(urls: Iterable<string>, index: RepoIndex): string | null {
  const hits = new Map<string, { name: string; count: number }>()
  for (const url of urls) {
    const match = GITHUB_LINK.exec(url.trim())
    if (!match) continue
    const [, owner, repo, view, rest] = match as unknown as [string, string, string, string, string]
    if (!namesExistingPath(rest, view.toLowerCase() === 'tree', index)) continue
    const name = `${owner}/${repo.replace(/\.git$/, '')}`
    const key = name.toLowerCase()
    const entry = hits.get(key) ?? { name, count: 0 }
    entry.count += 1
    hits.set(key, entry)
  }
  const ranked = [...hits.values()].sort((a, b) => b.count - a.count)
  const [best, second] = ranked
  if (!best || (second && second.count === best.count)) return null
  return best.name
}

/** Whether `<ref>/<path>` (query and anchor cut) names a file, or a folder for `tree/`, of the index. */
function namesExistingPath(refAndPath: string, wantsFolder: boolean, index: RepoIndex): boolean {
  const cut = refAndPath.search(/[?#]/)
  const parts = (cut < 0 ? refAndPath : refAndPath.slice(0, cut)).split('/').filter(Boolean)
  for (let refLength = 1; refLength < parts.length; refLength++) {
    let path: string
    try {
      path = parts.slice(refLength).map(decodeURIComponent).join('/')
    } catch {
      return false
    }
    if (index.files.has(path) || (wantsFolder && index.folders.has(path) && path !== '')) return true
  }
  return false
}

/** Whether a URL is a github.com `blob/` or `tree/` link (one that may point into this repository). */
export function isGitHubFileLink(url: string): boolean {
  return GITHUB_LINK.test(url.trim())
}
