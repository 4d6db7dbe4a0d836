import { posix } from 'node:path'

/**
 * The repository path a relative symbolic link points to, resolved from the link's folder as
 * git and the filesystem do (`sig-docs/20261117.md` → `../hackathons/notes.md` is
 * `hackathons/notes.md`); null when it leaves the repository, names its root, or is absolute.
 * Pure: the checkout reader, the API reader and text-file links all resolve with it.
 */
export function linkTargetPath(linkPath: string, written: string): string | null {
  if (written === '' || written.startsWith('/')) return null
  const target = posix.normalize(posix.join(posix.dirname(linkPath), written)).replace(/\/+$/, '')
  if (target === '' || target === '.' || target === '..' || target.startsWith('../') || target.startsWith('/')) return null
  return target
}
