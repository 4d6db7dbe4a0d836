import { dateFormatGlob, datedPathOf, type DateFormat, type DatedPath } from './path-dates.js'

/** Files of one meeting series: the same folder and the same way of writing the date. */
export interface MeetingSeries {
  /** The folder before the date; `''` for the root. */
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
  const groups = new Map<string, DatedPath[]>()
  for (const path of paths) {
    const dated = datedPathOf(path)
    if (!dated) continue
    const key = [dated.folder, dated.format, dated.suffix === '' ? '' : 'suffix', dated.tail === '.md' ? 'file' : 'folder'].join('\0')
    const members = groups.get(key) ?? []
    members.push(dated)
    groups.set(key, members)
  }
  return [...groups.values()]
    .map((files) => describeSeries(files.sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path))))
    .sort((a, b) => b.files.length - a.files.length || a.folder.localeCompare(b.folder) || a.pattern.localeCompare(b.pattern))
}

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
  const prefix = first.folder === '' ? '' : `${first.folder}/`
  return {
    folder: first.folder,
    pattern: `${prefix}${first.format}${suffix}${tail}`,
    glob: `${escapeGlob(prefix)}${dateFormatGlob(first.format as DateFormat)}${escapeLiteral(suffix)}${escapeLiteral(tail)}`,
    files,
  }
}

/** The value all share, else the generalisation `general` gives. */
function commonOr(values: string[], general: (all: string[]) => string): string {
  const distinct = new Set(values)
  return distinct.size === 1 ? (values[0] as string) : general(values)
}

/** A folder or file name as a glob that matches just it (`notes (old)/` → `notes \(old\)/`). */
function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]{}()!+@\\]/g, '\\$&')
}

/** A suffix or tail that may hold the `*` of a generalisation: only the other characters are escaped. */
function escapeLiteral(part: string): string {
  return part.split('*').map(escapeGlob).join('*')
}
