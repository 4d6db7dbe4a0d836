import { lstat, readFile, readdir, readlink, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { linkTargetPath } from '../repo/link-target.js'
import type { SymbolicLink } from './repo-reader.js'

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules'])

/** The files of a checkout, and its symbolic links to files. */
export interface RepoListing {
  /** Every file as a `/`-separated relative path, sorted, symbolic links to files included. */
  files: string[]
  /** The symbolic links among them (and those pointing outside the repository), by path. */
  links: Map<string, SymbolicLink>
}

/** Every file below `root` as a `/`-separated relative path, sorted; `.git` and `node_modules` skipped. */
export async function listRepoFiles(root: string): Promise<string[]> {
  return (await listRepo(root)).files
}

/**
 * Lists a checkout. A symbolic link is never followed out of the repository: one to a file
 * inside is listed with its target; one pointing outside (or through a link outside) is
 * listed with target null and is never read; links to folders are not walked (their files
 * are listed where they really are).
 */
export async function listRepo(root: string): Promise<RepoListing> {
  const realRoot = await realpath(root)
  const files: string[] = []
  const links = new Map<string, SymbolicLink>()
  const toRepoPath = (full: string) => relative(root, full).split(sep).join('/')
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true })
    await Promise.all(
      entries.map(async (entry) => {
        const full = join(folder, entry.name)
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full)
        } else if (entry.isFile()) {
          files.push(toRepoPath(full))
        } else if (entry.isSymbolicLink()) {
          const link = await describeLink(full, toRepoPath(full), realRoot)
          if (link === 'folder') return
          files.push(toRepoPath(full))
          links.set(toRepoPath(full), link)
        }
      }),
    )
  }
  await walk(root)
  files.sort()
  return { files, links }
}

async function describeLink(full: string, repoPath: string, realRoot: string): Promise<SymbolicLink | 'folder'> {
  const written = await readlink(full)
  let real: string
  try {
    real = await realpath(full)
  } catch {
    // Dangling: say where it would point, if that is inside (resolved as the API reader does).
    if (!isAbsolute(written)) return { written, target: linkTargetPath(repoPath, written) }
    const wouldBe = relative(realRoot, written)
    return { written, target: isInside(wouldBe) ? wouldBe.split(sep).join('/') : null }
  }
  const target = relative(realRoot, real)
  if (!isInside(target)) return { written, target: null }
  if ((await stat(real)).isDirectory()) return 'folder'
  return { written, target: target.split(sep).join('/') }
}

function isInside(relativePath: string): boolean {
  return relativePath !== '' && !relativePath.startsWith('..') && !isAbsolute(relativePath)
}

/**
 * The bytes of a repository file. Refuses a path whose real location is outside the
 * repository (a symbolic link out of it): minutes never make us read other files.
 */
export async function readRepoFile(root: string, path: string): Promise<Uint8Array> {
  const full = join(root, ...path.split('/'))
  if ((await lstat(full)).isSymbolicLink()) {
    const inside = relative(await realpath(root), await realpath(full))
    if (!isInside(inside)) throw Object.assign(new Error(`${path} is a symbolic link out of the repository; not read`), { code: 'EOUTSIDE' })
  }
  return readFile(full)
}

/**
 * The repository's git configuration, or null. In a linked worktree or a submodule `.git` is a
 * file (`gitdir: …`) and the configuration lives in the common git folder it points to.
 */
async function readGitConfig(root: string): Promise<string | null> {
  const dotGit = join(root, '.git')
  const pointer = await readTextIfExists(dotGit).catch(() => null) // a folder: EISDIR
  if (pointer === null) return readTextIfExists(join(dotGit, 'config')).catch(() => null)
  const gitDir = pointer.split('\n').find((line) => line.startsWith('gitdir:'))?.slice('gitdir:'.length).trim()
  if (!gitDir) return null
  const ownDir = resolve(root, gitDir)
  const common = (await readTextIfExists(join(ownDir, 'commondir')).catch(() => null))?.trim()
  return readTextIfExists(join(common ? resolve(ownDir, common) : ownDir, 'config')).catch(() => null)
}

/** The text of a file, or null when it does not exist. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * `owner/repo` of the `upstream` remote when it is on GitHub (a fork's clone), else of
 * `origin`, read from `.git/config`; else null.
 */
export async function repositoryFromGitRemote(root: string): Promise<string | null> {
  const gitConfig = await readGitConfig(root)
  if (!gitConfig) return null
  for (const remote of ['upstream', 'origin']) {
    const url = new RegExp(`\\[remote "${remote}"\\][^[]*?url\\s*=\\s*(\\S+)`).exec(gitConfig)?.[1]
    const match = url && /github\.com[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url)
    if (match) return `${match[1]}/${match[2]}`
  }
  return null
}
