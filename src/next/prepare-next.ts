import type { Config } from '../config/types.js'
import { headingKey } from '../model/sections.js'
import type { RepoIndex } from '../repo/repo-index.js'
import { cell } from '../markup/escape.js'
import { SeriesError } from './series-history.js'
import { nextMeetingDate } from './cadence.js'
import { OPEN_ITEMS_HEADING, carriedItemLine, carriedItemsHeading, openItemsOf } from './carried-items.js'
import { pathOnDate } from './next-path.js'
import { headingSource, sharedHeadings, type SkeletonHeading, type SkeletonTuning } from './skeleton.js'
import { newestTeamMinutes, teamLink, usualPlaceholder } from './team-links.js'
import type { AgendaEntry, CarriedItem, PastMeeting } from './types.js'

/** What the next meeting is prepared from; everything read by the caller. */
export interface NextMeetingInput {
  /** The earlier meetings of the series, oldest first (the caller leaves out later ones). */
  meetings: readonly PastMeeting[]
  config: Config
  index: RepoIndex
  /** The meeting day asked for; null: the next on the series' cadence, not before `today`. */
  date: string | null
  today: string
  /** The series' template (`template.md`, or the profile's `template`); null: none. */
  template: string | null
  /** The series' open action-item issues (the action); null: the previous meeting's open items (offline). */
  openIssues: readonly CarriedItem[] | null
  /** Open issues and pull requests with the series' agenda label; null: not asked for. */
  agenda: readonly AgendaEntry[] | null
  /** How the skeleton's headings are chosen (default SKELETON_TUNING; the evaluation tries others). */
  tuning?: Partial<SkeletonTuning>
}

/** The prepared file. */
export interface PreparedMeeting {
  path: string
  date: string
  content: string
  /** The open items it lists. */
  carried: CarriedItem[]
  /** Offline, the meeting they come from (its path, and its day for a running file's section); null: the open issues. */
  carriedFrom: { path: string; date: string } | null
}

/** Where `{{date}}` stands in a template, the meeting day goes; `{{open-items}}` and `{{agenda}}` take their lists. */
const TEMPLATE_DATE = '{{date}}'
const TEMPLATE_ITEMS = '{{open-items}}'
const TEMPLATE_AGENDA = '{{agenda}}'

/**
 * Prepares the next meeting's minutes of a dated series. Pure: the same input always gives
 * the same file. Throws when the series has no regular meeting to go by.
 */
export function prepareNextMeeting(input: NextMeetingInput): PreparedMeeting {
  const regular = regularMeetings(input.meetings)
  const previous = regular.at(-1)
  if (!previous) throw new SeriesError('the series has no dated meeting before that day to prepare the next one from')
  const date = input.date ?? nextMeetingDate(regular.map((meeting) => meeting.date), input.today)
  const path = pathOnDate(previous.path, input.config.datePatterns[previous.pattern] ?? '', date)
  const carried = input.openIssues ? [...input.openIssues] : openItemsOf(previous)
  const carriedFrom = input.openIssues ? null : { path: previous.path, date: previous.date }
  const itemLines = carried.map(carriedItemLine)
  const agendaLines = (input.agenda ?? []).map((entry) => `- ${cell(entry.title)} ([#${entry.number}](${entry.url}))`)
  if (input.template !== null) return { path, date, carried, carriedFrom, content: fillTemplate(input.template, date, itemLines, agendaLines) }

  const skeleton = sharedHeadings(regular, input.tuning)
  const itemsHeading = carriedItemsHeading(skeleton, regular.slice(-RECENT_FOR_ITEMS))
  const agendaHeading = skeleton.find((heading) => heading.key.includes('agenda')) ?? null
  const placeholder = usualPlaceholder(regular.slice(-8))
  const blocks: string[] = [...frontMatterOf(previous, date), titleOf(previous, date)]
  for (const heading of skeleton) {
    const body: string[] = []
    if (heading === itemsHeading) body.push(...itemLines)
    if (heading === agendaHeading) body.push(...agendaLines)
    const minuteTaker = minuteTakerLine(heading, previous)
    if (minuteTaker) body.push(minuteTaker)
    // The team as the meeting the heading was copied from has it (the previous one, unless it skipped the team).
    const team = heading.from.meeting.model.teams.find((candidate) => headingKey(candidate.section.title) === heading.key)
    if (team) {
      const minutes = team.folder ? newestTeamMinutes(team.folder, previous.date, date, input.config, input.index) : null
      body.push(`Minutes: ${minutes ? teamLink(minutes, previous, path) : placeholder}`)
    }
    blocks.push(heading.source, ...(body.length > 0 ? [body.join('\n')] : []))
  }
  if (itemsHeading === null && itemLines.length > 0) blocks.push(OPEN_ITEMS_HEADING, itemLines.join('\n'))
  if (agendaHeading === null && agendaLines.length > 0) blocks.push('## Agenda', agendaLines.join('\n'))
  return { path, date, carried, carriedFrom, content: `${blocks.join('\n\n')}\n` }
}

/** Recent meetings read for where open items are reviewed. */
const RECENT_FOR_ITEMS = 8

/**
 * The meetings written in the series' usual file pattern: a workshop or an overflow meeting
 * (`20221011-workshop.md`) beside the weekly files is not what the next meeting looks like.
 */
export function regularMeetings(meetings: readonly PastMeeting[]): PastMeeting[] {
  const counts = new Map<number, number>()
  for (const meeting of meetings) counts.set(meeting.pattern, (counts.get(meeting.pattern) ?? 0) + 1)
  const usual = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0]
  return meetings.filter((meeting) => meeting.pattern === usual)
}

/** The previous meeting's title with its date replaced; `# YYYY-MM-DD` when it had none. */
function titleOf(previous: PastMeeting, date: string): string {
  const title = previous.model.title
  if (!title) return `# ${date}`
  const section = previous.model.sections.find((candidate) => candidate.heading === title.heading)
  const source = section ? headingSource(previous, section) : `# ${title.text}`
  const headingStart = title.heading.position?.start.offset
  const found = previous.model.titleDate
  const dateStart = found?.position.start.offset
  if (!found || headingStart === undefined || dateStart === undefined) return source
  const at = dateStart - headingStart
  return `${source.slice(0, at)}${date}${source.slice(at + found.raw.length)}`
}

/** The front matter the profile reads: its condition keys and its date key, when the previous meeting had them. */
function frontMatterOf(previous: PastMeeting, date: string): string[] {
  const front = previous.model.frontMatter
  if (!front) return []
  const lines = Object.entries(previous.profile.frontMatter).map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
  const dateKey = previous.profile.frontMatterDate
  if (dateKey && dateKey in front) lines.push(`${dateKey}: ${date}`)
  return lines.length > 0 ? [`---\n${lines.join('\n')}\n---`] : []
}

/** The minute-taker line left for a name (`- Minutes:`), under the profile's section for it. */
function minuteTakerLine(heading: SkeletonHeading, previous: PastMeeting): string | null {
  const { section, labels } = previous.profile.minuteTaker
  if (labels.length === 0 || headingKey(section) !== heading.key) return null
  const line = previous.model.minuteTaker?.position?.start.line
  const written = line === undefined ? undefined : previous.text.split('\n')[line - 1]
  const colon = written?.indexOf(':') ?? -1
  return written !== undefined && colon > 0 ? written.slice(0, colon + 1) : `- ${labels[0]}:`
}

function fillTemplate(template: string, date: string, itemLines: string[], agendaLines: string[]): string {
  let text = template.replaceAll(TEMPLATE_DATE, date)
  const items = itemLines.join('\n')
  const agenda = agendaLines.join('\n')
  if (text.includes(TEMPLATE_ITEMS)) text = text.replaceAll(TEMPLATE_ITEMS, items)
  else if (items !== '') text = `${text.trimEnd()}\n\n${OPEN_ITEMS_HEADING}\n\n${items}\n`
  if (text.includes(TEMPLATE_AGENDA)) text = text.replaceAll(TEMPLATE_AGENDA, agenda)
  else if (agenda !== '') text = `${text.trimEnd()}\n\n## Agenda\n\n${agenda}\n`
  return text.endsWith('\n') ? text : `${text}\n`
}
