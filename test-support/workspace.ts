import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { CommitTree, FileTree } from './github-sim/index.js'

export type { CommitTree, FileTree }

/**
 * Reads every file under `dir` into repository-relative path → UTF-8 content, with `/`
 * separators on every platform and `.git` skipped, so trees compare with `toEqual`.
 */
export function readTree(dir: string): FileTree {
  const tree: FileTree = {}
  const walk = (folder: string, prefix: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name === '.git') continue
      const path = prefix + entry.name
      if (entry.isDirectory()) walk(join(folder, entry.name), `${path}/`)
      else if (entry.isFile()) tree[path] = readFileSync(join(folder, entry.name), 'utf8')
    }
  }
  walk(dir, '')
  return tree
}

/**
 * Creates a temporary checkout holding `files` (symbolic links as real links, as git checks
 * them out on Linux); the caller removes it with {@link removeWorkspace}.
 */
export async function writeWorkspace(files: CommitTree): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'minutes-workspace-'))
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, ...path.split('/'))
    await mkdir(dirname(target), { recursive: true })
    if (typeof content === 'string') await writeFile(target, content, 'utf8')
    else await symlink(content.symlink, target)
  }
  return dir
}

/** Deletes a workspace and everything in it; missing folders are fine. */
export async function removeWorkspace(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
