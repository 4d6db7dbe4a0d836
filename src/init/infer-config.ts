import picomatch from 'picomatch'
import { treeInThread } from '../check/check-in-thread.js'
import { DEFAULT_CONFIG, DEFAULT_RULE_LEVELS } from '../config/defaults.js'
import type { Profile, TeamMapping } from '../config/types.js'
import { RULE_IDS, type RuleId, type RuleLevel } from '../constants.js'
import { indexRepository } from '../repo/repo-index.js'
import { configSupport, type ConfigSupport } from './config-support.js'
import type { FileFacts } from './file-facts.js'
import { layoutFactsOf, type LayoutFacts } from './layout-facts.js'
import { MIN_FILES_FOR_SECTIONS, inferSeries, isNearlyEvery, type InferredMinuteTaker, type InferredSection, type SeriesInference, type TraitShare } from './infer-series.js'
import { inferTeams, repositoryOfLinks, type InferredTeam } from './infer-teams.js'
import { MIN_FILES_OF_A_KIND, findMeetingSeries, type MeetingSeries } from './series.js'
import type { ExternalPicture } from '../links/external-images.js'
import { inferPictureHosts, type PictureHost } from './infer-external-images.js'
import { inferActionItems, type ActionItemInference } from './infer-action-items.js'
import { inferRunningProfiles, newestRunningMeeting, type InferredRunningProfile, type RunningFile } from './infer-running.js'

/** What `init` reads: the repository's file list and the contents of its files. */
export interface InitInput {
  /** Every file of the repository, `/`-separated and relative to the root. */
  paths: readonly string[]
  /** The contents of (at least) its Markdown files. */
  files: ReadonlyMap<string, Uint8Array | string>
  /** `owner/repo` the checkout's remote names, used when the links do not tell. */
  repositoryHint?: string | null
}

/** A profile `init` proposes: the series it covers and the rules that fit them. */
export interface InferredProfile {
  name: string
  series: SeriesInference[]
  paths: string[]
  rules: Record<RuleId, RuleLevel>
  /** The front matter a file must have for this profile (a kind of meeting told by it); null: none. */
  frontMatter: Record<string, string> | null
  /** The front matter key holding the meeting date, where the dates stand there. */
  frontMatterDate: string | null
  requiredSections: InferredSection[]
  minuteTaker: InferredMinuteTaker | null
}

/** Everything `init` inferred, for the configuration file and for the report it prints. */
export interface Inference {
  /** Markdown files seen (excluded ones left out). */
  markdownFiles: number
  /** Slide decks (front matter `type: slide`), checked by the built-in `slides` profile. */
  slideDecks: number
  series: SeriesInference[]
  profiles: InferredProfile[]
  /** `datePatterns` covering every series. */
  datePatterns: string[]
  teams: InferredTeam[]
  /** The repository the github.com links point into, and how many links say so. */
  repository: { name: string; links: number } | null
  /** The date of the newest meeting, for `actionItems.since`. */
  newestMeeting: string | null
  /** Hosts whose pictures mostly have a copy beside the minutes: `externalImages.hosts`. */
  pictureHosts: PictureHost[]
  /** Markers, list labels and names the minutes use for action items, beyond the built-in grammar. */
  actionItems: ActionItemInference
  /** Files holding many meetings, one per dated heading: `kind: running` profiles. */
  runningProfiles: InferredRunningProfile[]
}

/** The files `init` reads: the Markdown files of the repository, the excluded ones left out. */
export function markdownPathsOf(paths: readonly string[]): string[] {
  const excluded = picomatch(DEFAULT_CONFIG.exclude, { dot: true })
  return paths.filter((path) => /\.md$/i.test(path) && !excluded(path))
}

/**
 * The layout facts of `init`'s Markdown files, each parsed in this thread under the check's
 * budgets: a file they stop (too large, nested too deep, too slow) tells nothing about the
 * layout (null), as a file that could not be read (absent). `readLayout` does the same on
 * every core.
 */
export function layoutsInThread(input: InitInput): Map<string, LayoutFacts | null> {
  const index = indexRepository(input.paths)
  const layouts = new Map<string, LayoutFacts | null>()
  for (const path of markdownPathsOf(input.paths)) {
    const content = input.files.get(path)
    if (content === undefined) continue
    const tree = treeInThread({ path, content }, { config: DEFAULT_CONFIG })
    layouts.set(path, tree ? layoutFactsOf(path, tree, index) : null)
  }
  return layouts
}

/**
 * Infers a configuration fitted to a repository of minutes: its meeting series and their
 * file-name patterns, where the date stands, the sections and minute-taker label its files
 * keep (required at 95 % of the files and of the newest ones, a warning at 80 %), and the team
 * folders team headings name. Pure: the caller reads the files, and may give their layout
 * facts (`readLayout`: read in worker threads); else they are read here.
 */
export function inferConfiguration(input: InitInput, support: ConfigSupport = configSupport(), layouts: ReadonlyMap<string, LayoutFacts | null> = layoutsInThread(input)): Inference {
  const index = indexRepository(input.paths)
  const markdown = markdownPathsOf(input.paths)
  const facts = new Map<string, FileFacts>()
  const pictures = new Map<string, ExternalPicture[]>()
  const running: RunningFile[] = []
  for (const path of markdown) {
    const layout = layouts.get(path)
    if (!layout) continue
    facts.set(path, layout.facts)
    pictures.set(path, layout.pictures)
    if (layout.running) running.push(layout.running)
  }
  const slides = new Set(markdown.filter((path) => isSlideDeck(facts.get(path))))
  const repository = repositoryOfLinks([...facts.values()].flatMap((file) => file.links), index)
  // Series are found among the files that could be read and parsed: the others tell nothing.
  const series = findMeetingSeries(markdown.filter((path) => facts.has(path) && !slides.has(path))).flatMap((found) =>
    kindsByFrontMatter(found, facts).map(({ series: kind, frontMatter }) =>
      inferSeries(
        kind,
        kind.files.map((file) => facts.get(file.path)).filter((file): file is FileFacts => file !== undefined),
        frontMatter,
      ),
    ),
  )
  const dates = series.flatMap((inference) => inference.series.files.map((file) => file.date)).sort()
  const profiles = nameProfiles(groupIntoProfiles(series, support), support)
  const newestMeeting = [dates.at(-1), newestRunningMeeting(running)].filter((date): date is string => typeof date === 'string').sort().at(-1) ?? null
  return {
    markdownFiles: markdown.length,
    slideDecks: slides.size,
    series,
    profiles,
    datePatterns: datePatternsOf(series),
    teams: inferTeams(series, index, repository?.name ?? input.repositoryHint ?? null),
    repository,
    newestMeeting,
    pictureHosts: inferPictureHosts(pictures, index.files),
    actionItems: inferActionItems(series.flatMap((inference) => inference.files)),
    runningProfiles: inferRunningProfiles(running, new Set(profiles.map((profile) => profile.name)), support),
  }
}

/**
 * Kinds of meeting sharing a series' files, told apart by their front matter (`type: board`,
 * `type: ops`): a key every file has, holding a few short values, each on at least
 * `MIN_FILES_OF_A_KIND` files. Each kind becomes a series of its own with that condition; a
 * series with no such key stays whole.
 */
function kindsByFrontMatter(series: MeetingSeries, facts: ReadonlyMap<string, FileFacts>): Array<{ series: MeetingSeries; frontMatter: Record<string, string> | null }> {
  const whole = [{ series, frontMatter: null }]
  const matters = series.files.map((file) => facts.get(file.path)?.frontMatter ?? null)
  const first = matters[0]
  if (!first || series.files.length < 2 * MIN_FILES_OF_A_KIND) return whole
  for (const key of Object.keys(first)) {
    const values = matters.map((matter) => matter?.[key])
    if (!values.every((value): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= 40)) continue
    const counts = new Map<string, number>()
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
    if (counts.size < 2 || counts.size > MAX_KINDS || [...counts.values()].some((count) => count < MIN_FILES_OF_A_KIND)) continue
    return [...counts.keys()].map((value) => {
      const files = series.files.filter((_, at) => values[at] === value)
      return { series: { ...series, files }, frontMatter: { [key]: value } }
    })
  }
  return whole
}

/** More distinct values than this are not kinds of meeting but something else (titles, authors). */
const MAX_KINDS = 5

/** The team mappings the configuration needs: those whose folder the heading does not tell. */
export function teamMappings(inference: Inference): TeamMapping[] {
  return inference.teams.filter((team) => !team.inferable).map(({ heading, folder }) => ({ heading, folder }))
}

/** Profiles with a front matter condition (slide decks) claim a file before any other. */
function isSlideDeck(file: FileFacts | undefined): boolean {
  return DEFAULT_CONFIG.profiles.some((profile) => {
    const wanted = Object.entries(profile.frontMatter)
    return wanted.length > 0 && wanted.every(([key, value]) => String(file?.frontMatter?.[key] ?? '') === value)
  })
}

/** The front matter key a profile reads the date from, where the configuration can say so. */
function frontMatterDateOf(inference: SeriesInference, support: ConfigSupport): string | null {
  return support.frontMatterDate && inference.datePlace.kind === 'front-matter' ? inference.datePlace.key : null
}

function rulesFor(inference: SeriesInference, support: ConfigSupport): Record<RuleId, RuleLevel> {
  const on = (condition: boolean, id: RuleId): RuleLevel => (condition ? DEFAULT_RULE_LEVELS[id] : 'off')
  // A trait the series keeps at the required share is an error where a file lacks it; one
  // nearly every file shows is a warning there (never red), and none is not checked.
  const kept = (share: TraitShare | null, id: RuleId): RuleLevel => (share === null ? 'off' : share.required ? DEFAULT_RULE_LEVELS[id] : 'warning')
  const place = inference.datePlace
  // A date in the front matter stands for the title's (and must agree with the path's).
  const dated = place.kind === 'title' || (place.kind === 'front-matter' && frontMatterDateOf(inference, support) !== null) ? place : null
  // Team sections, even under a wrapper a few files lack: the team-minutes rules (warnings) fit them.
  const teams = [...inference.sections, ...inference.optionalSections].some((section) => section.wrapsTeams)
  const levels: Record<RuleId, RuleLevel> = {
    'title-date': kept(dated, 'title-date'),
    // A warning rule at most, so a habit (nearly every title) is enough to point out the odd
    // title; too few files to tell a habit from a slip: the built-in default.
    'title-heading': on(inference.files.length < MIN_FILES_FOR_SECTIONS || isNearlyEvery(inference.levelOneTitles, inference.files.length), 'title-heading'),
    // Whatever the habit, a date a title does hold must be the path's.
    'title-date-matches-filename': on(true, 'title-date-matches-filename'),
    'required-section': on(inference.sections.length > 0, 'required-section'),
    'minute-taker': kept(inference.minuteTaker, 'minute-taker'),
    'team-minutes-link': on(teams, 'team-minutes-link'),
    'team-minutes-missing': on(teams, 'team-minutes-missing'),
    'link-target-exists': on(true, 'link-target-exists'),
    'external-image-copied': on(true, 'external-image-copied'),
    encoding: on(true, 'encoding'),
  }
  return Object.fromEntries(RULE_IDS.map((id) => [id, levels[id]])) as Record<RuleId, RuleLevel>
}

/** A series' files as a profile path: `meetings/YYYY-MM-DD.md` where paths read date tokens. */
function pathGlob({ series }: SeriesInference, support: ConfigSupport): string {
  return support.dateTokensInPaths ? series.pattern : series.glob
}

/** Series written alike share one profile. */
function groupIntoProfiles(series: SeriesInference[], support: ConfigSupport): InferredProfile[] {
  const bySignature = new Map<string, InferredProfile>()
  for (const inference of series) {
    const rules = rulesFor(inference, support)
    const frontMatterDate = frontMatterDateOf(inference, support)
    const { sections, minuteTaker } = inference
    const signature = JSON.stringify([
      inference.frontMatter,
      rules,
      frontMatterDate,
      sections.map(({ name, aliases, wrapsTeams }) => [name, aliases, wrapsTeams]),
      minuteTaker && [minuteTaker.section, minuteTaker.labels],
    ])
    const profile = bySignature.get(signature)
    if (profile) {
      profile.series.push(inference)
      profile.paths.push(pathGlob(inference, support))
    } else {
      const paths = [pathGlob(inference, support)]
      bySignature.set(signature, { name: '', series: [inference], paths, rules, frontMatter: inference.frontMatter, frontMatterDate, requiredSections: sections, minuteTaker })
    }
  }
  return [...bySignature.values()]
}

/**
 * Names each profile after its folder (`meetings`), its suffix (`board`), or `minutes` when it
 * covers several. Where built-in profiles are tried before the file's own (older
 * configurations), a built-in one whose paths would claim a profile's files gives that profile
 * its name, so the file's paths replace the built-in ones (the built-in `team` matched every
 * `folder/YYYYMMDD.md`).
 */
function nameProfiles(profiles: InferredProfile[], support: ConfigSupport): InferredProfile[] {
  const builtIns = DEFAULT_CONFIG.profiles.filter((profile) => Object.keys(profile.frontMatter).length === 0)
  const claimedBy = new Map<InferredProfile, Profile>()
  for (const builtIn of support.newProfilesFirst ? [] : builtIns) {
    const matches = picomatch(builtIn.paths)
    const covered = (profile: InferredProfile) => profile.series.flatMap((s) => s.series.files).filter((file) => matches(file.path)).length
    const best = profiles
      .filter((profile) => !claimedBy.has(profile) && covered(profile) > 0)
      .sort((a, b) => covered(b) - covered(a))[0]
    if (best) claimedBy.set(best, builtIn)
  }
  const taken = new Set(DEFAULT_CONFIG.profiles.map((profile) => profile.name))
  for (const profile of profiles) {
    const builtIn = claimedBy.get(profile)
    if (builtIn) {
      profile.name = builtIn.name
      continue
    }
    const base = profile.series.length === 1 && profile.series[0] ? seriesName(profile.series[0]) : 'minutes'
    let name = base
    for (let counter = 2; taken.has(name); counter++) name = `${base}-${counter}`
    taken.add(name)
    profile.name = name
  }
  const order = (profile: InferredProfile) => {
    const builtIn = builtIns.findIndex((candidate) => candidate.name === profile.name)
    return builtIn >= 0 ? builtIn : builtIns.length
  }
  return profiles.sort((a, b) => order(a) - order(b))
}

/**
 * After the kind of meeting: the suffix every file shares (`notes/YYYY/YYYY-MM-DD-board.md` →
 * `board`), else the folder (`meetings/…` → `meetings`, its year folders skipped), else `minutes`.
 */
function seriesName({ series, frontMatter }: SeriesInference): string {
  const kind = Object.values(frontMatter ?? {})[0]
  if (kind) return kind.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'minutes'
  const suffixes = new Set(series.files.map((file) => file.suffix))
  const suffix = suffixes.size === 1 ? ([...suffixes][0] ?? '') : ''
  const folder = series.folder.split('/').filter((segment) => segment !== 'YYYY' && segment !== 'MM').pop() ?? ''
  const word = suffix || folder
  return word.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'minutes'
}

/**
 * One pattern per way of writing dates, `**` where several folders write it the same way,
 * and none that another already covers (`iaas/YYYYMMDD-overflow.md` by the `YYYYMMDD-*.md` of every folder).
 */
function datePatternsOf(series: SeriesInference[]): string[] {
  const byRest = new Map<string, { glob: string; folders: Set<string>; files: string[] }>()
  for (const { series: found } of series) {
    const cut = found.folder === '' ? 0 : found.folder.length + 1
    const rest = found.pattern.slice(cut)
    const entry = byRest.get(rest) ?? { glob: found.glob.slice(cut), folders: new Set<string>(), files: [] }
    entry.folders.add(found.folder)
    entry.files.push(...found.files.map((file) => file.path))
    byRest.set(rest, entry)
  }
  const candidates = [...byRest.entries()].flatMap(([rest, entry]) => {
    if (entry.folders.size > 1) return [{ pattern: `**/${rest}`, glob: `**/${entry.glob}`, files: entry.files }]
    const folder = [...entry.folders][0] ?? ''
    const prefix = folder === '' ? '' : `${folder}/`
    return [{ pattern: `${prefix}${rest}`, glob: `${prefix}${entry.glob}`, files: entry.files }]
  })
  const kept: Array<{ pattern: string; matches: (path: string) => boolean }> = []
  for (const candidate of candidates.sort((a, b) => b.files.length - a.files.length)) {
    if (candidate.files.every((path) => kept.some((pattern) => pattern.matches(path)))) continue
    kept.push({ pattern: candidate.pattern, matches: picomatch(candidate.glob) })
  }
  return kept.map((pattern) => pattern.pattern).sort()
}
