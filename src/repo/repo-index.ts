import { dateOfFileName } from './dates.js'

/**
 * The repository's files as the engine sees them: built once per run from a list of
 * paths (relative, `/`-separated), so link checks are lookups, not filesystem calls.
 */
export interface RepoIndex {
  files: ReadonlySet<string>
  /** Every folder that holds a file, at any depth (`iaas`, `docs/img`); `''` is the root. */
  folders: ReadonlySet<string>
  /** The dated files (`YYYYMMDD.md`) of each folder, as ISO dates, oldest first. */
  datedFiles: ReadonlyMap<string, readonly string[]>
  /** Lower-cased path → real path, for "did you mean" on case mistakes. */
  byLowerCase: ReadonlyMap<string, string>
}

/** Splits `a/b/c.md` into `['a/b', 'c.md']`. */
export function splitPath(path: string): [folder: string, name: string] {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? ['', path] : [path.slice(0, slash), path.slice(slash + 1)]
}

/** Builds the index of a repository's file list. */
export function indexRepository(paths: Iterable<string>): RepoIndex {
  const files = new Set<string>()
  const folders = new Set<string>([''])
  const datedFiles = new Map<string, string[]>()
  const byLowerCase = new Map<string, string>()
  for (const path of paths) {
    files.add(path)
    byLowerCase.set(path.toLowerCase(), path)
    const [folder, name] = splitPath(path)
    for (let at = folder.indexOf('/'); at >= 0; at = folder.indexOf('/', at + 1)) folders.add(folder.slice(0, at))
    folders.add(folder)
    const date = dateOfFileName(name)
    if (date) {
      const dates = datedFiles.get(folder) ?? []
      dates.push(date)
      datedFiles.set(folder, dates)
    }
  }
  for (const dates of datedFiles.values()) dates.sort()
  return { files, folders, datedFiles, byLowerCase }
}

/** `iaas` + `2023-03-22` → `iaas/20230322.md`. */
export function datedPath(folder: string, isoDate: string): string {
  const name = `${isoDate.replaceAll('-', '')}.md`
  return folder ? `${folder}/${name}` : name
}
