import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sameItem } from '../src/action-items/index.js'
import { DEFAULT_CONFIG } from '../src/config/defaults.js'
import { prepareNextMeeting, regularMeetings } from '../src/next/prepare-next.js'
import { pastMeeting } from '../src/next/series-history.js'
import { headingForm } from '../src/next/heading-form.js'
import { RECENT_MEETINGS, bodySections, type SkeletonTuning } from '../src/next/skeleton.js'
import type { PastMeeting } from '../src/next/types.js'
import { compileDatePatterns } from '../src/repo/date-patterns.js'
import { indexRepository } from '../src/repo/repo-index.js'

/** One series' figures over its last meetings, each prepared from the files dated before it. */
export interface SeriesFigures {
  series: string
  meetings: number
  /** Share of the prepared files' headings that the real files have (summed over the meetings). */
  precision: number
  /** Share of the real files' headings that were prepared. */
  recall: number
  /**
   * Share of the real files' headings that some earlier file of the series has: an upper
   * bound on the recall of any method that prepares from the series' history.
   */
  seenBefore: number
  /** Share of the real files' headings that one of the last RECENT_MEETINGS regular meetings before it has (what the skeleton reads). */
  seenRecently: number
  /** The same two for a copy of the previous file (the baseline). */
  copyPrecision: number
  copyRecall: number
  /** Open items of the previous meeting that the real file repeats, and how many of them the prepared file listed. */
  repeated: number
  listed: number
}

/** What an evaluation varies: how many meetings, the skeleton's tuning, when two headings are the same. */
export interface EvaluationOptions {
  last?: number
  tuning?: Partial<SkeletonTuning>
  /** The form two headings are compared by: headingForm (what a reader calls the same heading), or headingKey (the earlier, stricter measure). */
  same?: (title: string) => string
}

/**
 * Prepares each of the last `last` meetings of a series folder (`…/scs-series/ops-iam`) from
 * the files dated before it, offline, and compares it with the real file. The series' own
 * files only, with the built-in configuration, as `minutes-check next --date` would.
 */
export function evaluateSeries(folder: string, series: string, options: EvaluationOptions = {}): SeriesFigures {
  const { last = 8, tuning, same = headingForm } = options
  const names = readdirSync(folder).filter((name) => name.endsWith('.md')).sort()
  const paths = names.map((name) => `${series}/${name}`)
  const config = DEFAULT_CONFIG
  const index = indexRepository(paths, compileDatePatterns(config.datePatterns))
  const all: PastMeeting[] = (index.datedFiles.get(series) ?? []).flatMap((file) => {
    const meeting = pastMeeting(file, readFileSync(join(folder, file.path.slice(series.length + 1)), 'utf8'), config, index)
    return meeting ? [meeting] : []
  })
  const regular = regularMeetings(all)
  const figures = { seen: 0, recent: 0, prepared: 0, real: 0, hit: 0, copied: 0, copyReal: 0, copyHit: 0, repeated: 0, listed: 0 }
  for (const real of regular.slice(-last)) {
    const before = all.filter((meeting) => meeting.date < real.date)
    const previous = regularMeetings(before).at(-1)
    if (!previous) continue
    const prepared = prepareNextMeeting({ meetings: before, config, index, date: real.date, today: real.date, template: null, openIssues: null, agenda: null, ...(tuning === undefined ? {} : { tuning }) })
    const preparedMeeting = pastMeeting({ path: prepared.path, date: real.date, pattern: real.pattern }, prepared.content, config, index)
    const realKeys = headingKeys(real, same)
    const preparedKeys = preparedMeeting ? headingKeys(preparedMeeting, same) : new Set<string>()
    const copyKeys = headingKeys(previous, same)
    const earlier = new Set(before.flatMap((meeting) => [...headingKeys(meeting, same)]))
    const recently = new Set(regularMeetings(before).slice(-RECENT_MEETINGS).flatMap((meeting) => [...headingKeys(meeting, same)]))
    figures.seen += [...realKeys].filter((key) => earlier.has(key)).length
    figures.recent += [...realKeys].filter((key) => recently.has(key)).length
    figures.prepared += preparedKeys.size
    figures.real += realKeys.size
    figures.hit += [...preparedKeys].filter((key) => realKeys.has(key)).length
    figures.copied += copyKeys.size
    figures.copyReal += realKeys.size
    figures.copyHit += [...copyKeys].filter((key) => realKeys.has(key)).length
    const open = previous.actionItems.filter((item) => !item.done)
    const repeated = open.filter((item) => real.actionItems.some((later) => sameItem(later, item)))
    figures.repeated += repeated.length
    figures.listed += repeated.filter((item) => prepared.carried.some((carried) => sameItem(carried, item))).length
  }
  return {
    series,
    meetings: Math.min(last, regular.length),
    precision: ratio(figures.hit, figures.prepared),
    recall: ratio(figures.hit, figures.real),
    seenBefore: ratio(figures.seen, figures.real),
    seenRecently: ratio(figures.recent, figures.real),
    copyPrecision: ratio(figures.copyHit, figures.copied),
    copyRecall: ratio(figures.copyHit, figures.copyReal),
    repeated: figures.repeated,
    listed: figures.listed,
  }
}

function headingKeys(meeting: PastMeeting, same: (title: string) => string): Set<string> {
  return new Set(bodySections(meeting).map((section) => same(section.title)))
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round((part / whole) * 100) / 100
}
