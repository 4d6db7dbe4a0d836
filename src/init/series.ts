import { dateFormatGlob, datedPathOf, type DateFormat, type DatedPath } from './path-dates.js'

/** Files of one meeting series: the same folder and the same way of writing the date. */
export interface MeetingSeries {
  /** The folder before the date, year and month folders as `YYYY` and `MM` (`notes/YYYY`); `''` for the root. */
  folder: string
  /** As a `datePatterns` entry: `meetings/YYYY-MM-DD.md`, `container/YYYYMMDD-*.md`. */
  pattern: string
  /** The same as a picomatch glob for a profile's `paths`. */
  glob: string
  /** Oldest first. */
  files: DatedPath[]
}

/**
 * Groups the dated Markdown paths of a repository into meeting series: `meetings/2026-05-06.md`
 * and `meetings/2026-05-20.md` are one series, `container/20220808-overflow.md` is another than
 * `container/20220801.md`. Largest series first, then by folder.
 */
export function findMeetingSeries(paths: Iterable<string>): MeetingSeries[] {
  const dated = [...paths].map(datedPathOf).filter((found): found is DatedPath => found !== null)
  const place = (file: DatedPath) => [file.folderPattern, file.format, file.tail === '.md' ? 'file' : 'folder']
  // A suffix that recurs in a folder names a kind of meeting (`-board`, `-ops`): its own series.
  const kinds = new Map<string, number>()
  for (const file of dated) {
    if (file.suffix === '') continue
    const kind = [...place(file), file.suffix].join('\0')
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
  }
  const isKind = (file: DatedPath) => file.suffix !== '' && (kinds.get([...place(file), file.suffix].join('\0')) ?? 0) >= MIN_FILES_OF_A_KIND
  const groups = new Map<string, DatedPath[]>()
  for (const file of dated) {
    const key = [...place(file), file.suffix === '' ? '' : isKind(file) ? `kind ${file.suffix}` : 'suffix'].join('\0')
    const members = groups.get(key) ?? []
    members.push(file)
    groups.set(key, members)
  }
  // A kind before the other suffixes of its folder: their `-*` glob matches its files too.
  const sorted = [...groups.values()]
    .map((files) => describeSeries(files.sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path))))
    .sort((a, b) => b.files.length - a.files.length || a.folder.localeCompare(b.folder) || a.pattern.localeCompare(b.pattern))
  const hasKinds = new Set(sorted.filter((series) => series.files.some(isKind)).map((series) => series.folder))
  const deferred = (series: MeetingSeries) => hasKinds.has(series.folder) && series.files.some((file) => file.suffix !== '' && !isKind(file))
  const ordered = sorted.filter((series) => !deferred(series))
  for (const series of sorted.filter(deferred)) {
    const last = ordered.findLastIndex((other) => other.folder === series.folder)
    ordered.splice(last + 1, 0, series)
  }
  return ordered
}

/** Files that share a suffix in a folder before it is a kind of meeting rather than a one-off (`-overflow`). */
export const MIN_FILES_OF_A_KIND = 3

function describeSeries(files: DatedPath[]): MeetingSeries {
  const first = files[0] as DatedPath
  const suffix = commonOr(
    files.map((file) => file.suffix),
    (all) => (all.every((value) => value.startsWith('-')) ? '-*' : '*'),
  )
  const tail = commonOr(
    files.map((file) => file.tail),
    (all) => (all.every((value) => value.lastIndexOf('/') === 0) ? '/*.md' : '/**/*.md'),
  )
  const prefix = first.folderPattern === '' ? '' : `${first.folderPattern}/`
  return {
    folder: first.folderPattern,
    pattern: `${prefix}${first.format}${suffix}${tail}`,
    glob: `${folderGlob(prefix)}${dateFormatGlob(first.format as DateFormat)}${escapeLiteral(suffix)}${escapeLiteral(tail)}`,
    files,
  }
}

/** The value all share, else the generalisation `general` gives. */
function commonOr(values: string[], general: (all: string[]) => string): string {
  const distinct = new Set(values)
  return distinct.size === 1 ? (values[0] as string) : general(values)
}

/** A folder pattern as a glob: its `YYYY` and `MM` segments as digits, the rest literal. */
function folderGlob(prefix: string): string {
  return prefix
    .split('/')
    .map((segment) => (segment === 'YYYY' ? '[0-9][0-9][0-9][0-9]' : segment === 'MM' ? '[0-9][0-9]' : escapeGlob(segment)))
    .join('/')
}

/** A folder or file name as a glob that matches just it (`notes (old)/` → `notes \(old\)/`). */
function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]{}()!+@\\]/g, '\\$&')
}

/** A suffix or tail that may hold the `*` of a generalisation: only the other characters are escaped. */
function escapeLiteral(part: string): string {
  return part.split('*').map(escapeGlob).join('*')
}
