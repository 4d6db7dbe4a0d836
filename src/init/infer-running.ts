import type { Root } from 'mdast'
import { DEFAULT_RULE_LEVELS } from '../config/defaults.js'
import { RULE_IDS, type RuleId, type RuleLevel } from '../constants.js'
import { findMeetings } from '../model/meetings.js'
import { sectionsOf } from '../model/sections.js'
import { splitPath } from '../repo/repo-index.js'
import { periodOfPath } from '../repo/file-period.js'
import type { ConfigSupport } from './config-support.js'

/** A running file must hold this many meetings, and this share of its text under them. */
const MIN_MEETINGS = 2
const MIN_SHARE = 0.6

/** A file that holds many meetings, one per dated heading (`# **2024-12-10**`). */
export interface RunningFile {
  path: string
  /** The meetings' dates that are real days, in file order. */
  dates: string[]
  /** How much of the file's body (front matter left out) stands under a meeting heading, 0 to 1. */
  share: number
}

/** A `kind: running` profile `init` proposes: one per folder holding running files. */
export interface InferredRunningProfile {
  name: string
  paths: string[]
  files: RunningFile[]
  rules: Record<RuleId, RuleLevel>
}

/** The file as a running file, or null when its dated headings do not split most of it into meetings. */
export function runningFileOf(path: string, tree: Root): RunningFile | null {
  const meetings = findMeetings(tree, sectionsOf(tree))
  if (meetings.length < MIN_MEETINGS) return null
  const body = tree.children.filter((node) => node.type !== 'yaml')
  const offset = (at: number, end: 'start' | 'end') => tree.children[at]?.position?.[end].offset ?? 0
  const total = (body.at(-1)?.position?.end.offset ?? 0) - (body[0]?.position?.start.offset ?? 0)
  const covered = meetings.reduce((sum, meeting) => sum + offset(meeting.section.end - 1, 'end') - offset(meeting.section.start, 'start'), 0)
  const share = total > 0 ? covered / total : 0
  if (share < MIN_SHARE) return null
  return { path, dates: meetings.filter((meeting) => meeting.date.valid).map((meeting) => meeting.date.normalized), share }
}

/**
 * One profile per folder of running files: `tc/YYYY.md` where the names are years (or
 * `YYYY-MM` months), else the files by name. Its rules: dated headings in the file's period,
 * links and encoding; the structure of one meeting is not inferred.
 */
export function inferRunningProfiles(files: readonly RunningFile[], taken: ReadonlySet<string>, support: ConfigSupport): InferredRunningProfile[] {
  const byFolder = new Map<string, RunningFile[]>()
  for (const file of files) {
    const folder = splitPath(file.path)[0]
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file])
  }
  const names = new Set(taken)
  return [...byFolder.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, inFolder]) => {
      const base = `${folder.split('/').pop() || 'meetings'}-running`.replace(/[^A-Za-z0-9_-]+/g, '-')
      let name = base
      for (let counter = 2; names.has(name); counter++) name = `${base}-${counter}`
      names.add(name)
      const paths = [...new Set(inFolder.map((file) => pathOf(file.path, support)))].sort()
      return { name, paths, files: inFolder, rules: runningRules() }
    })
}

/** `tc/2024.md` → `tc/YYYY.md`, `tc/2024-03.md` → `tc/YYYY-MM.md` (digit globs where paths read no date tokens); other names as they are. */
function pathOf(path: string, support: ConfigSupport): string {
  const [folder, name] = splitPath(path)
  const match = /^\d{4}(?:([-_]?)\d{2})?(\D.*)$/.exec(name)
  if (!match || !periodOfPath(path)) return path
  const token = match[1] !== undefined ? `YYYY${match[1]}MM` : 'YYYY'
  const glob = support.dateTokensInPaths ? token : token.replace('YYYY', '[0-9][0-9][0-9][0-9]').replace('MM', '[0-9][0-9]')
  return `${folder === '' ? '' : `${folder}/`}${glob}${match[2]}`
}

function runningRules(): Record<RuleId, RuleLevel> {
  const on = new Set<RuleId>(['title-date', 'title-date-matches-filename', 'link-target-exists', 'external-image-copied', 'encoding'])
  return Object.fromEntries(RULE_IDS.map((id) => [id, on.has(id) ? DEFAULT_RULE_LEVELS[id] : 'off'])) as Record<RuleId, RuleLevel>
}

/** The newest real meeting day among the running files; null when none. */
export function newestRunningMeeting(files: readonly RunningFile[]): string | null {
  return files.flatMap((file) => file.dates).sort().at(-1) ?? null
}
