import type { Config } from '../config/types.js'
import { compileDatePatterns } from '../repo/date-patterns.js'
import { indexRepository, type RepoIndex } from '../repo/repo-index.js'
import type { RepoReader } from '../read/repo-reader.js'
import { decodeUtf8 } from '../parse/decode.js'
import { prepareNextMeeting, regularMeetings, type PreparedMeeting } from './prepare-next.js'
import { SeriesError, filesBefore, readHistory, seriesNamed } from './series-history.js'
import { prepareRunningSection, runningFileNamed } from './running-next.js'
import { seriesOf } from '../plan/occurrences.js'
import type { AgendaEntry, CarriedItem, PastMeeting } from './types.js'

/** What the CLI and the action ask for. */
export interface NextMeetingRequest {
  /** The series' folder or one of its files. */
  series: string
  date: string | null
  today: string
  /** The series' open action-item issues (the action; resolving to null: could not list them); null: offline. */
  openItems: ((series: string) => Promise<CarriedItem[] | null>) | null
  /** The agenda: called with the label when the series' profile has one; null: not asked for (the caller says so). */
  agenda: ((label: string) => Promise<AgendaEntry[]>) | null
}

/** The prepared file, and what the caller tells the user. */
export interface NextMeetingResult extends PreparedMeeting {
  series: string
  /** Whether a file already stands at `path`. */
  exists: boolean
  /** The agenda label the series' profile names; null: none. */
  agendaLabel: string | null
  /** The template used; null: the series' history. */
  template: string | null
  /** A running file given a new section: `content` replaces the file at `path`, which exists. */
  updatesFile?: true
}

/** Reads what the next meeting of a series is prepared from, through the reader, and prepares it. */
export async function prepareFromRepository(reader: RepoReader, config: Config, request: NextMeetingRequest): Promise<NextMeetingResult> {
  const paths = await reader.listFiles()
  const index: RepoIndex = indexRepository(paths, compileDatePatterns(config.datePatterns))
  const running = runningFileNamed(request.series, index, config)
  if (running !== null) {
    const bytes = await reader.readFile(running)
    if (bytes === null) throw new SeriesError(`${running} cannot be read`)
    const openIssues = request.openItems ? await request.openItems(seriesOf(running)) : null
    const prepared = prepareRunningSection({ path: running, text: decodeUtf8(bytes).text, config, index, date: request.date, today: request.today, openIssues })
    return { ...prepared, series: running, exists: true, agendaLabel: null, template: null, updatesFile: true }
  }
  const series = seriesNamed(request.series, index)
  const earlier = filesBefore(series, index, request.date)
  const first = filesBefore(series, index, null)[0]
  // A day before the series began: say which day it began, not only that nothing came before.
  if (earlier.length === 0 && request.date !== null && first) {
    throw new SeriesError(`${request.date} is before the first meeting of “${series || '.'}” (${first.path}): the next minutes are prepared from an earlier meeting`)
  }
  const meetings: PastMeeting[] = await readHistory(reader, earlier, config, index)
  const previous = regularMeetings(meetings).at(-1)
  const profile = previous?.profile
  const templatePath = profile?.template ?? (index.files.has(`${series}/template.md`) ? `${series}/template.md` : null)
  const templateBytes = templatePath === null ? null : await reader.readFile(templatePath)
  if (templatePath !== null && templateBytes === null) throw new SeriesError(`the template ${templatePath} (the profile's \`template\`) does not exist`)
  const agendaLabel = profile?.agendaLabel ?? null
  const prepared = prepareNextMeeting({
    meetings,
    config,
    index,
    date: request.date,
    today: request.today,
    template: templateBytes === null ? null : decodeUtf8(templateBytes).text,
    openIssues: request.openItems ? await request.openItems(series) : null,
    agenda: agendaLabel && request.agenda ? await request.agenda(agendaLabel) : null,
  })
  return { ...prepared, series, exists: index.files.has(prepared.path), agendaLabel, template: templatePath }
}
