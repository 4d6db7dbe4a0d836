import { posix } from 'node:path'
import type { RepoIndex } from '../repo/repo-index.js'

/** Where a link points, as far as this repository is concerned. */
export type LinkTarget =
  /** A path in this repository; `folder` when the URL says `tree/` or names a folder. */
  | { kind: 'repo'; path: string; wantsFolder: boolean }
  /** Another repository, another site, an e-mail address, or an anchor in the same file. */
  | { kind: 'elsewhere' }

const GITHUB_HOSTS = new Set(['github.com', 'www.github.com'])

/**
 * Resolves a link written in `fromPath` against the repository `repository` (`owner/repo`):
 * relative links, root-relative links, and absolute `https://github.com/OWNER/REPO/blob|tree/REF/path`
 * links to the same repository. A branch name may contain `/`: the split that names an
 * existing path wins, else the first segment is taken as the ref.
 */
export function resolveLink(url: string, fromPath: string, repository: string | null, index: RepoIndex): LinkTarget {
  const trimmed = url.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'elsewhere' }
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
    return resolveAbsolute(trimmed, repository, index)
  }
  const pathPart = decodePath(stripQueryAndHash(trimmed))
  if (pathPart === null || pathPart === '') return { kind: 'elsewhere' }
  const base = pathPart.startsWith('/') ? '' : posix.dirname(fromPath)
  const joined = posix.normalize(posix.join(base === '.' ? '' : base, pathPart))
  if (joined.startsWith('..')) return { kind: 'elsewhere' }
  const path = joined.replace(/^\/+/, '').replace(/\/+$/, '')
  return { kind: 'repo', path: path === '.' ? '' : path, wantsFolder: pathPart.endsWith('/') }
}

/**
 * Whether how `url` resolves depends on the repository: an absolute http(s) link to a file or
 * folder on github.com (`OWNER/REPO/blob|tree/…`). Any other link resolves the same whatever
 * the repository, or when it is unknown: a file with no such link is checked the same
 * before the repository is known.
 */
export function dependsOnRepository(url: string): boolean {
  const trimmed = url.trim()
  return (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) && githubFileLink(trimmed) !== null
}

/** The parts of an http(s) link to a file or folder on github.com; null for any other URL. */
function githubFileLink(url: string): { owner: string; repo: string; view: 'blob' | 'tree'; rest: string[] } | null {
  let parsed: URL
  try {
    parsed = new URL(url.startsWith('//') ? `https:${url}` : url)
  } catch {
    return null
  }
  if (!/^https?:$/.test(parsed.protocol) || !GITHUB_HOSTS.has(parsed.hostname.toLowerCase())) return null
  const [owner, repo, view, ...rest] = parsed.pathname.split('/').filter(Boolean)
  if (!owner || !repo || (view !== 'blob' && view !== 'tree')) return null
  return { owner, repo, view, rest }
}

function resolveAbsolute(url: string, repository: string | null, index: RepoIndex): LinkTarget {
  if (!repository) return { kind: 'elsewhere' }
  const link = githubFileLink(url)
  if (!link) return { kind: 'elsewhere' }
  const { owner, repo, view, rest } = link
  if (`${owner}/${repo}`.toLowerCase() !== repository.toLowerCase()) return { kind: 'elsewhere' }
  const decoded = rest.map((segment) => decodePath(segment))
  if (decoded.some((segment) => segment === null) || decoded.length < 1) return { kind: 'elsewhere' }
  const parts = decoded as string[]
  const wantsFolder = view === 'tree'
  // Try every ref/path split, shortest ref first; keep the first that names something real.
  for (let refLength = 1; refLength < parts.length; refLength++) {
    const path = parts.slice(refLength).join('/')
    if (index.files.has(path) || index.folders.has(path)) return { kind: 'repo', path, wantsFolder }
  }
  return { kind: 'repo', path: parts.slice(1).join('/'), wantsFolder }
}

function stripQueryAndHash(url: string): string {
  const cut = url.search(/[?#]/)
  return cut < 0 ? url : url.slice(0, cut)
}

function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}
