import { extractActionItems } from '../action-items/index.js'
import { selectProfile } from '../config/profiles.js'
import type { Config } from '../config/types.js'
import { buildMinutesModel, frontMatterOf } from '../model/build-model.js'
import { headingKey } from '../model/sections.js'
import type { Meeting } from '../model/types.js'
import { parseMarkdown } from '../parse/parse-markdown.js'
import type { RepoIndex } from '../repo/repo-index.js'
import { nextMeetingDate } from './cadence.js'
import { carriedItemLine } from './carried-items.js'
import type { PreparedMeeting } from './prepare-next.js'
import { SeriesError } from './series-history.js'
import type { CarriedItem } from './types.js'

/** The running file a name stands for (its path, `kind: running` by its profile); null when it names none. */
export function runningFileNamed(name: string, index: RepoIndex, config: Config): string | null {
  const path = name.replace(/^\.\/+/u, '')
  return index.files.has(path) && selectProfile(path, null, config)?.kind === 'running' ? path : null
}

/** What a running file's next meeting is prepared from. */
export interface RunningNextInput {
  path: string
  text: string
  config: Config
  index: RepoIndex
  date: string | null
  today: string
  /** The series' open action-item issues; null: the previous meeting's open items (offline). */
  openIssues: readonly CarriedItem[] | null
}

/**
 * A running file with a new meeting: a section at the top when the file lists meetings newest
 * first, else at the bottom; its heading is the newest meeting's (one that took place) with
 * the day replaced, its subheadings that meeting's, and the open items carried over. Pure.
 * `content` is the whole file.
 */
export function prepareRunningSection(input: RunningNextInput): PreparedMeeting {
  const tree = parseMarkdown(input.text)
  const frontMatter = frontMatterOf(tree)
  const profile = selectProfile(input.path, frontMatter, input.config)
  if (profile?.kind !== 'running') throw new SeriesError(`${input.path} is not a running file (no profile with kind: running applies to it)`)
  const model = buildMinutesModel(tree, { path: input.path, profile, config: input.config, index: input.index, frontMatter })
  const dated = model.meetings.filter((meeting) => meeting.date.valid)
  const days = dated.map((meeting) => meeting.date.normalized)
  const newest = [...dated].sort((a, b) => (a.canceled === b.canceled ? b.date.normalized.localeCompare(a.date.normalized) : a.canceled ? 1 : -1))[0]
  if (!newest) throw new SeriesError(`${input.path} has no dated meeting heading to prepare the next one from`)
  const date = input.date ?? nextMeetingDate([...days].sort(), input.today)
  if (days.includes(date)) throw new SeriesError(`${input.path} already has a meeting of ${date}`)
  const items = extractActionItems(tree, input.config.actionItems.grammar, input.config.actionItems.people)
  const carried = input.openIssues
    ? [...input.openIssues]
    : items.filter((item) => !item.done && newest.line <= item.line && item.line <= newest.endLine).map((item) => ({ owners: item.owners, text: item.text, issue: null }))
  const section = sectionText(input.text, model.sections, newest, date, carried)
  const newestFirst = days.length < 2 || (days[0] ?? '') >= (days.at(-1) ?? '')
  const first = model.meetings[0]?.section.heading.position?.start.offset ?? input.text.length
  const content = newestFirst ? `${input.text.slice(0, first)}${section}\n\n${input.text.slice(first)}` : `${input.text.trimEnd()}\n\n${section}\n`
  return { path: input.path, date, content, carried, carriedFrom: input.openIssues ? null : { path: input.path, date: newest.date.normalized } }
}

function sectionText(text: string, sections: readonly Meeting['section'][], previous: Meeting, date: string, carried: readonly CarriedItem[]): string {
  const source = (section: Meeting['section']) => text.slice(section.heading.position?.start.offset ?? 0, section.heading.position?.end.offset ?? 0)
  const heading = source(previous.section)
  const at = (previous.date.position.start.offset ?? 0) - (previous.section.heading.position?.start.offset ?? 0)
  const blocks = [`${heading.slice(0, at)}${date}${heading.slice(at + previous.date.raw.length)}`]
  const inside = sections.filter((section) => section.start > previous.section.start && section.start < previous.section.end)
  const itemLines = carried.map(carriedItemLine)
  const itemsHeading = inside.find((section) => headingKey(section.title).includes('action'))
  for (const section of inside) {
    blocks.push(source(section))
    if (section === itemsHeading && itemLines.length > 0) blocks.push(itemLines.join('\n'))
  }
  if (!itemsHeading && itemLines.length > 0) blocks.push(`${'#'.repeat(Math.min(previous.section.depth + 1, 6))} Open action items`, itemLines.join('\n'))
  return blocks.join('\n\n')
}
