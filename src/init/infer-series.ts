import { headingKey } from '../model/sections.js'
import type { FileFacts } from './file-facts.js'
import type { MeetingSeries } from './series.js'

/**
 * The share of a series' files, and of its newest files, that must show a trait for it to be
 * required (an error where a file lacks it): a section, the date in the title or front matter,
 * the minute-taker line. A trait one file in six lacks would make one file in six red.
 */
export const REQUIRED_SHARE = 0.95

/**
 * "Nearly every file": below the required share, the share (of the files and of the newest
 * ones) that still makes a trait a habit, checked as a warning (the date, the minute-taker);
 * and the share of level-1 titles that turns `title-heading` on, a warning rule at most.
 */
export const NEARLY_EVERY = 0.8

/** The newest files of a series, which must keep a required trait too (a form given up lately is not required). */
export const RECENT_FILES = 10

/** Whether `count` of `total` files is at least the required share (all of them in a series under 20). */
export function isRequiredShare(count: number, total: number): boolean {
  return total > 0 && count >= Math.ceil(REQUIRED_SHARE * total - 1e-9)
}

/** A series needs this many files before its common sections are taken as required. */
export const MIN_FILES_FOR_SECTIONS = 3

/** Whether `count` of `total` files is nearly every one (all of them when there are 4 or fewer). */
export function isNearlyEvery(count: number, total: number): boolean {
  // The epsilon keeps 0.8 × 35 = 28.000000000000004 at 28, as the docs say "rounded up".
  return total > 0 && count >= Math.ceil(NEARLY_EVERY * total - 1e-9)
}

/** How many of a series' files, and of its newest ones, show a trait; and how firmly it is kept. */
export interface TraitShare {
  /** Files with it, of all the series' files. */
  files: number
  /** Files with it among the newest ones, and how many newest files were looked at. */
  recentFiles: number
  recent: number
  /** At the required share of the files and of the newest ones: an error where a file lacks it. */
  required: boolean
}

/** Files are oldest first (the series' order); the newest ones are the last. */
export function traitShare(files: readonly FileFacts[], has: (file: FileFacts) => boolean): TraitShare {
  const recent = files.slice(-RECENT_FILES)
  const count = files.filter(has).length
  const recentCount = recent.filter(has).length
  return {
    files: count,
    recentFiles: recentCount,
    recent: recent.length,
    required: isRequiredShare(count, files.length) && isRequiredShare(recentCount, recent.length),
  }
}

/** A habit short of a requirement: nearly every file and nearly every newest file show it. */
export function isHabit(share: TraitShare, total: number): boolean {
  return share.required || (isNearlyEvery(share.files, total) && isNearlyEvery(share.recentFiles, share.recent))
}

/** A section the series keeps (95 % of its files and of its newest ones): required. */
export interface InferredSection {
  /** The spelling most files use. */
  name: string
  /** Other spellings seen, most frequent first (compared as the rules compare headings). */
  aliases: string[]
  /** How many files have it (under any spelling, or as team sections when it wraps them). */
  files: number
  /** Its subsections are teams (`## Team updates` → `### Team IaaS`). */
  wrapsTeams: boolean
}

/** A section many files of a series have but too few to require it: left optional, and said so. */
export interface OptionalSection {
  name: string
  /** Files with it, of all the series' files. */
  files: number
  /** Files with it among the newest ones, and how many newest files were looked at. */
  recentFiles: number
  recent: number
  /** It holds the team sections: the team-minutes rules still fit where files have them. */
  wrapsTeams: boolean
}

/**
 * Where the meeting date stands inside the files of a series, and how many files date
 * themselves there: required (`title-date` an error), or nearly every file (a warning).
 * With a front matter key, a file dated by its title counts too (the title may hold it instead).
 */
export type DatePlace =
  | ({ kind: 'title' } & TraitShare)
  | ({ kind: 'front-matter'; key: string; keyFiles: number } & TraitShare)
  | { kind: 'none'; titles: TraitShare }

/** The label that introduces the minute-taker, the section it stands in, and the files that have it there. */
export interface InferredMinuteTaker extends TraitShare {
  section: string
  labels: string[]
}

/** What `init` infers about one meeting series. */
export interface SeriesInference {
  series: MeetingSeries
  /** The front matter that tells this kind of meeting from others in the same files' folder; null: none. */
  frontMatter: Record<string, string> | null
  /** Files whose contents were read (slide decks left out). */
  files: FileFacts[]
  datePlace: DatePlace
  /** Files whose title is a level-1 heading. */
  levelOneTitles: number
  sections: InferredSection[]
  /** Sections at least half the files have that fall short of the required share. */
  optionalSections: OptionalSection[]
  /** Nearly every file names it: checked (an error when required, else a warning). */
  minuteTaker: InferredMinuteTaker | null
  /** The commonest minute-taker line when at least half the files have it but too few to check it: said, not checked. */
  uncheckedMinuteTaker: InferredMinuteTaker | null
}

/** Spellings taken as one section; the first is the key. Matching is on the normalized heading. */
const SYNONYMS: string[][] = [
  ['present', 'attendee', 'attendance', 'participant', 'in attendance', 'attending', 'roll call'],
  ['agenda', 'topic', 'agenda item'],
  ['action item', 'action', 'action point', 'todo'],
  ['team update', 'update from the team', 'team report'],
]

/** The key spellings of one section share: `Participants (preferably github handles)` → `present`. */
export function sectionGroupKey(title: string): string {
  const words = headingKey(undecorated(title))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
  const key = words.join(' ')
  return SYNONYMS.find((group) => group.includes(key))?.[0] ?? key
}

/**
 * A section's name as people write it, without its decorations: emoji and `:emoji:` codes, a
 * parenthesised note, a note after a dash, a trailing colon (`Participants (github handles
 * preferred)`, `Participants - use of github handle is preferred`, `:family: Participants` →
 * `Participants`).
 */
export function undecorated(title: string): string {
  const plain = title
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+[-–—]\s.*$/u, '')
    .replace(/[\s:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
  return plain === '' ? title.trim() : plain
}

/** Infers how the files of one series are written. */
export function inferSeries(series: MeetingSeries, files: FileFacts[], frontMatter: Record<string, string> | null = null): SeriesInference {
  const { sections, optional } = files.length >= MIN_FILES_FOR_SECTIONS ? commonSections(files) : { sections: [], optional: [] }
  const minuteTaker = files.length >= MIN_FILES_FOR_SECTIONS ? commonMinuteTaker(files) : null
  const checked = minuteTaker !== null && isHabit(minuteTaker, files.length)
  return {
    series,
    frontMatter,
    files,
    datePlace: datePlaceOf(files),
    levelOneTitles: files.filter((file) => file.titleDepth === 1).length,
    sections,
    optionalSections: optional,
    minuteTaker: checked ? minuteTaker : null,
    uncheckedMinuteTaker: !checked && minuteTaker !== null && minuteTaker.files * 2 >= files.length ? minuteTaker : null,
  }
}

/**
 * Titles first, where the required share holds dates in them. Otherwise a front matter key
 * that more than half the files hold (which key to read is a choice of form, and reading it
 * only widens what counts as dated: a file may still date its title), when the files dated
 * by it or their title are nearly every one. Otherwise titles that nearly every file dates.
 */
function datePlaceOf(files: FileFacts[]): DatePlace {
  const titles = traitShare(files, (file) => file.titleHasDate)
  if (titles.required) return { kind: 'title', ...titles }
  const keys = new Counter<string>()
  for (const file of files) if (file.frontMatterDateKey) keys.add(file.frontMatterDateKey)
  const [key, keyFiles] = keys.top() ?? ['', 0]
  if (keyFiles * 2 > files.length) {
    const dated = traitShare(files, (file) => file.titleHasDate || file.frontMatterDateKey === key)
    if (isHabit(dated, files.length)) return { kind: 'front-matter', key, keyFiles, ...dated }
  }
  if (isHabit(titles, files.length)) return { kind: 'title', ...titles }
  return { kind: 'none', titles }
}

/** Files are oldest first (the series' order); the newest ones are the last. */
function commonSections(files: FileFacts[]): { sections: InferredSection[]; optional: OptionalSection[] } {
  const groups = new Map<string, { spellings: Counter<string>; files: Set<string>; withTeams: number }>()
  for (const file of files) {
    for (const section of file.sections) {
      const key = sectionGroupKey(section.title)
      const group = groups.get(key) ?? { spellings: new Counter<string>(), files: new Set<string>(), withTeams: 0 }
      group.spellings.add(section.title)
      if (!group.files.has(file.path) && section.teamChildren.length > 0) group.withTeams++
      group.files.add(file.path)
      groups.set(key, group)
    }
  }
  const sections: InferredSection[] = []
  const optional: OptionalSection[] = []
  for (const group of groups.values()) {
    const wrapsTeams = group.withTeams > 0 && group.withTeams * 2 >= group.files.size
    // Weekly minutes without the wrapper write their team sections one level up: that counts.
    const has = (file: FileFacts) => group.files.has(file.path) || (wrapsTeams && file.topLevelTeams.length > 0)
    const share = traitShare(files, has)
    const count = share.files
    const [top] = group.spellings.top() as [string, number]
    // Named as people write it; the decorated spellings stay as aliases so they still count.
    const name = undecorated(top)
    if (!share.required) {
      // No warning level: `required-section` has one level per profile (docs/init.md, Limits).
      if (count * 2 >= files.length) optional.push({ name, files: count, recentFiles: share.recentFiles, recent: share.recent, wrapsTeams })
      continue
    }
    const seen = new Set([headingKey(name)])
    const aliases = group.spellings.ranked().filter((spelling) => !seen.has(headingKey(spelling)) && seen.add(headingKey(spelling)))
    sections.push({ name, aliases, files: count, wrapsTeams })
  }
  return {
    sections: sections.sort((a, b) => firstIndex(files, a) - firstIndex(files, b)),
    optional: optional.sort((a, b) => b.files - a.files || a.name.localeCompare(b.name)),
  }
}

/** Sections in the order the newest file that has them writes them. */
function firstIndex(files: FileFacts[], section: InferredSection): number {
  const names = new Set([section.name, ...section.aliases].map(headingKey))
  for (const file of [...files].reverse()) {
    const at = file.sections.findIndex((candidate) => names.has(headingKey(candidate.title)))
    if (at >= 0) return at
  }
  return Number.MAX_SAFE_INTEGER
}

/** The section most files name their minute-taker in, with the labels seen there; how firmly it is kept is the caller's. */
function commonMinuteTaker(files: FileFacts[]): InferredMinuteTaker | null {
  const bySection = new Map<string, { spellings: Counter<string>; labels: Counter<string>; files: Set<string> }>()
  for (const file of files) {
    for (const taker of file.minuteTakers) {
      if (taker.section === null) continue
      const key = headingKey(taker.section)
      const entry = bySection.get(key) ?? { spellings: new Counter<string>(), labels: new Counter<string>(), files: new Set<string>() }
      entry.spellings.add(taker.section)
      entry.labels.add(taker.label)
      entry.files.add(file.path)
      bySection.set(key, entry)
    }
  }
  const best = [...bySection.values()].sort((a, b) => b.files.size - a.files.size)[0]
  if (!best) return null
  const seen = new Set<string>()
  const labels = best.labels.ranked().filter((label) => !seen.has(label.toLowerCase()) && seen.add(label.toLowerCase()))
  const share = traitShare(files, (file) => best.files.has(file.path))
  return { section: (best.spellings.top() as [string, number])[0], labels, ...share }
}

/** Counts values; ties keep the order first seen. */
export class Counter<T> {
  private readonly counts = new Map<T, number>()

  add(value: T): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1)
  }

  count(value: T): number {
    return this.counts.get(value) ?? 0
  }

  has(value: T): boolean {
    return this.counts.has(value)
  }

  /** Values, most frequent first. */
  ranked(): T[] {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value)
  }

  /** The most frequent value and its count; null when empty. */
  top(): [T, number] | null {
    const value = this.ranked()[0]
    return value === undefined ? null : [value, this.counts.get(value) ?? 0]
  }
}
