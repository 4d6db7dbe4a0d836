import { extractActionItems } from '../action-items/index.js'
import { selectProfile } from '../config/profiles.js'
import type { Config } from '../config/types.js'
import { buildMinutesModel, frontMatterOf } from '../model/build-model.js'
import { decodeUtf8 } from '../parse/decode.js'
import { parseMarkdown } from '../parse/parse-markdown.js'
import type { DatedFile, RepoIndex } from '../repo/repo-index.js'
import type { RepoReader } from '../read/repo-reader.js'
import type { PastMeeting } from './types.js'

/** A series named on the command line or in `prepare-next` that is not one. */
export class SeriesError extends Error {
  override name = 'SeriesError'
}

/**
 * The series a name stands for: a folder of dated minutes (`community-call`), or a dated
 * file of one (`community-call/20261119.md`). Throws SeriesError naming what was found instead.
 */
export function seriesNamed(name: string, index: RepoIndex): string {
  const trimmed = name.replace(/^\.\/+/u, '').replace(/\/+$/u, '')
  // `.` names the series at the repository's root (`2026-01-15-board.md`).
  const clean = trimmed === '.' ? '' : trimmed
  if (index.datedFiles.has(clean)) return clean
  const dated = index.dateOf(clean)
  if (dated && index.files.has(clean)) return dated.series
  const known = [...index.datedFiles.keys()].filter((series) => series !== '').sort()
  throw new SeriesError(`“${name}” is no dated series of minutes${known.length > 0 ? ` (the dated series here: ${known.join(', ')})` : ''}.`)
}

/** The files of a series dated before `before` (all when null), oldest first. */
export function filesBefore(series: string, index: RepoIndex, before: string | null): readonly DatedFile[] {
  const files = index.datedFiles.get(series) ?? []
  return before === null ? files : files.filter((file) => file.date < before)
}

/** How many earlier files are read: enough for the cadence, the skeleton and the open items. */
export const HISTORY_FILES = 12

/** Reads and parses the recent meetings of a series (at most HISTORY_FILES), oldest first. */
export async function readHistory(reader: RepoReader, files: readonly DatedFile[], config: Config, index: RepoIndex): Promise<PastMeeting[]> {
  const recent = files.slice(-HISTORY_FILES)
  const texts = await Promise.all(recent.map(async (file) => ({ file, bytes: await reader.readFile(file.path) })))
  return texts.flatMap(({ file, bytes }) => {
    const meeting = bytes === null ? null : pastMeeting(file, decodeUtf8(bytes).text, config, index)
    return meeting ? [meeting] : []
  })
}

/** One meeting parsed with the project's parser, modelled under its profile; null when no profile applies. */
export function pastMeeting(file: DatedFile, text: string, config: Config, index: RepoIndex): PastMeeting | null {
  const tree = parseMarkdown(text)
  const frontMatter = frontMatterOf(tree)
  const profile = selectProfile(file.path, frontMatter, config)
  if (!profile) return null
  const model = buildMinutesModel(tree, { path: file.path, profile, config, index, frontMatter })
  const actionItems = extractActionItems(tree, config.actionItems.grammar, config.actionItems.people)
  return { path: file.path, date: file.date, pattern: file.pattern, text, tree, model, profile, actionItems }
}
