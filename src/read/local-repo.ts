import { readFile, readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules'])

/** Every file below `root` as a `/`-separated relative path, sorted; `.git` and `node_modules` skipped. */
export async function listRepoFiles(root: string): Promise<string[]> {
  const files: string[] = []
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true })
    await Promise.all(
      entries.map(async (entry) => {
        const full = join(folder, entry.name)
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full)
        } else if (entry.isFile()) {
          files.push(relative(root, full).split(sep).join('/'))
        }
      }),
    )
  }
  await walk(root)
  return files.sort()
}

/** The bytes of a repository file. */
export async function readRepoFile(root: string, path: string): Promise<Uint8Array> {
  return readFile(join(root, ...path.split('/')))
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

/** `owner/repo` of the `origin` remote when it is on GitHub, read from `.git/config`; else null. */
export async function repositoryFromGitRemote(root: string): Promise<string | null> {
  const gitConfig = await readTextIfExists(join(root, '.git', 'config'))
  if (!gitConfig) return null
  const origin = /\[remote "origin"\][^[]*?url\s*=\s*(\S+)/.exec(gitConfig)?.[1]
  const match = origin && /github\.com[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(origin)
  return match ? `${match[1]}/${match[2]}` : null
}
