import { type CompiledDatePattern, DEFAULT_DATE_PATTERNS, type PathDate, compileDatePatterns, dateOfPath } from './date-patterns.js'

/** A file whose path holds a date (see {@link dateOfPath}). */
export interface DatedFile {
  path: string
  date: string
  /** Index of the date pattern that matched: files written alike are preferred as suggestions. */
  pattern: number
}

/**
 * The repository's files as the engine sees them: built once per run from a list of
 * paths (relative, `/`-separated), so link checks are lookups, not filesystem calls.
 */
export interface RepoIndex {
  files: ReadonlySet<string>
  /** Every folder that holds a file, at any depth (`iaas`, `docs/img`); `''` is the root. */
  folders: ReadonlySet<string>
  /**
   * The dated files of each series (`iaas`, `hackathons`), oldest first; on the same day the
   * file matched by an earlier pattern first (`20230710.md` before `20230710-overflow.md`).
   */
  datedFiles: ReadonlyMap<string, readonly DatedFile[]>
  /** Lower-cased path → real path, for "did you mean" on case mistakes. */
  byLowerCase: ReadonlyMap<string, string>
  /** Lower-cased file name (`charter.md`) → every path of that name, for "did you mean" on moved files. */
  byName: ReadonlyMap<string, readonly string[]>
  /** The date a path holds, by the run's date patterns (for any path, listed or not). */
  dateOf(path: string): PathDate | null
}

/** Splits `a/b/c.md` into `['a/b', 'c.md']`. */
export function splitPath(path: string): [folder: string, name: string] {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? ['', path] : [path.slice(0, slash), path.slice(slash + 1)]
}

/**
 * Builds the index of a repository's file list. `datePatterns` are the configuration's
 * (`datePatterns`), compiled; the built-ins when not given.
 */
export function indexRepository(
  paths: Iterable<string>,
  datePatterns: readonly CompiledDatePattern[] = compileDatePatterns(DEFAULT_DATE_PATTERNS),
): RepoIndex {
  const files = new Set<string>()
  const folders = new Set<string>([''])
  const datedFiles = new Map<string, DatedFile[]>()
  const byLowerCase = new Map<string, string>()
  const byName = new Map<string, string[]>()
  const dateOf = (path: string) => dateOfPath(path, datePatterns)
  for (const path of paths) {
    files.add(path)
    byLowerCase.set(path.toLowerCase(), path)
    const [folder, name] = splitPath(path)
    const sameName = byName.get(name.toLowerCase()) ?? []
    sameName.push(path)
    byName.set(name.toLowerCase(), sameName)
    for (let at = folder.indexOf('/'); at >= 0; at = folder.indexOf('/', at + 1)) folders.add(folder.slice(0, at))
    folders.add(folder)
    const dated = dateOf(path)
    if (dated) {
      const series = datedFiles.get(dated.series) ?? []
      series.push({ path, date: dated.date, pattern: dated.pattern })
      datedFiles.set(dated.series, series)
    }
  }
  for (const series of datedFiles.values()) series.sort((a, b) => a.date.localeCompare(b.date) || a.pattern - b.pattern || a.path.localeCompare(b.path))
  return { files, folders, datedFiles, byLowerCase, byName, dateOf }
}
