import { isAbsolute } from 'node:path'
import { defaultJobs, examineInWorkers, type WarmWorkers, WorkersUnavailable } from './check-pool.js'
import { examineInThread } from './check-in-thread.js'
import { engineFinding, uncheckedReport, type SourceFile } from './check-source.js'
import type { Examination, ExamineContext, FileTask } from './examine-file.js'
import { RepositoryGate } from './repository-gate.js'
import { summarize } from './run-check.js'
import { selectFiles, type UnmatchedPattern } from './select-files.js'
import { symbolicLinkReport, textSymbolicLink } from './symbolic-links.js'
import { ConfigError, loadConfig } from '../config/load-config.js'
import { isMinutesPath } from '../config/profiles.js'
import type { Config } from '../config/types.js'
import { CONFIG_PATHS, SUPPRESSIONS_PATH } from '../constants.js'
import { githubFileMentions, RepositoryInference, type InferredRepository } from '../links/infer-repository.js'
import { decodeUtf8 } from '../parse/decode.js'
import { peopleOfTexts } from '../action-items/people.js'
import { compileDatePatterns } from '../repo/date-patterns.js'
import { indexRepository, type RepoIndex } from '../repo/repo-index.js'
import type { FileReport, RunReport } from '../report/types.js'
import { applySuppressions, parseSuppressions, type Suppressions } from '../report/suppressions.js'
import { readTextIfExists } from '../read/local-repo.js'
import { localReader } from '../read/local-reader.js'
import type { RepoReader, SymbolicLink } from '../read/repo-reader.js'

/** What to check in a repository, as the CLI and the action ask for it. */
export interface RepositoryCheck {
  /**
   * The configuration file: relative paths are read from the repository, absolute ones
   * (the CLI's `--config`) from disk. Default `.github/minutes.yml` (or `.yaml`) if present.
   */
  configPath?: string | null
  /** Paths or globs to check; empty: every file a profile applies to. */
  patterns?: readonly string[]
  /** Only these paths (a pull request's changed files); null: no such limit. */
  onlyPaths?: readonly string[] | null
  /**
   * Paths a change removed or renamed away: the files that link to them are checked too
   * (with `onlyPaths`), since their links broke.
   */
  removedPaths?: readonly string[]
  /**
   * The configuration and suppressions to check with instead of the reader's: on
   * `pull_request_target`, the base commit's, never those of the pull request being checked.
   * `suppressions` is given the listing (a file not listed costs no request).
   */
  trusted?: { config: Config; suppressions: (allPaths: readonly string[]) => Promise<Suppressions> } | null
  /** Whether the suppressions file applies (default true; `--suppress-all` reads it raw). */
  applySuppressions?: boolean
  /** `owner/repo` of the repository, overriding the config and the git remote. */
  repository?: string | null
  /** `owner/repo` to use when neither `repository` nor the config names one (the workflow's). */
  defaultRepository?: string | null
  /**
   * The script check workers run (the running bundle, which serves checks when
   * `isCheckWorker()`); null or absent: every file is checked in this thread.
   */
  workerScript?: string | URL | null
  /**
   * Workers started before this run (`init`'s, which keep the trees of its layout pass): taken
   * first; the caller ends them. Absent: the run starts its own.
   */
  warm?: WarmWorkers | null
  /**
   * Worker threads; default one per available core, at most one per file, none for one or
   * two ordinary files (checked in this thread under the time budget's watchdog). 0: this
   * thread, without the watchdog.
   */
  jobs?: number | null
}

/** A check of a checked-out repository. */
export interface WorkspaceCheck extends RepositoryCheck {
  /** The repository root. */
  root: string
}

/** Where the repository that github.com links point into was learnt from (`none-needed`: unknown, but no such link to check). */
export type RepositorySource = 'option' | 'config' | 'workflow' | 'links' | 'remote' | 'unknown' | 'none-needed'

/** What a check found, and what it could not match. */
export interface WorkspaceResult {
  /** The findings, with the suppressions file applied. */
  report: RunReport
  /** The same findings before suppressions. */
  unsuppressed: RunReport
  /** What the suppressions file accepts (empty when there is none). */
  suppressions: Suppressions
  /** The configuration, with `repository` as resolved for this run. */
  config: Config
  /** The patterns given that no checked file matches: the CLI says so and exits 2. */
  unmatchedPatterns: string[]
  /** Files checked because they link to a removed path. */
  linkingFiles: string[]
  /** Every file of the repository. */
  allPaths: string[]
  /** The same, each with why it matched nothing. */
  unmatched: UnmatchedPattern[]
  repositorySource: RepositorySource
  /** Things to tell the user once (e.g. that github.com links cannot be checked). */
  notices: string[]
  /**
   * No configuration file was given or found: the run used the built-in defaults (the CLI
   * points at `init`). False with `trusted`: the caller's configuration.
   */
  builtInDefaults: boolean
}

const decoder = new TextDecoder()

/** Reads the configuration (throws ConfigError for a bad file, or a named one that is missing). */
export async function loadRepositoryConfig(reader: RepoReader, configPath?: string | null): Promise<Config> {
  return (await readRepositoryConfig(reader, configPath)).config
}

/** The configuration and the file it was read from; `file` null: there is none, the built-in defaults. */
async function readRepositoryConfig(reader: RepoReader, configPath?: string | null): Promise<{ config: Config; file: string | null }> {
  if (configPath) {
    const text = isAbsolute(configPath) ? await readTextIfExists(configPath) : decodeOrNull(await reader.readFile(configPath))
    if (text === null) throw new ConfigError(`${configPath}: file not found`)
    return { config: loadConfig(text, configPath), file: configPath }
  }
  // `.yml` first; `.yaml` is read only when there is no `.yml` (one request less through the API).
  for (const path of CONFIG_PATHS) {
    const text = decodeOrNull(await reader.readFile(path))
    if (text !== null) return { config: loadConfig(text, path), file: path }
  }
  return { config: loadConfig(null), file: null }
}

function decodeOrNull(bytes: Uint8Array | null): string | null {
  return bytes === null ? null : decoder.decode(bytes)
}

/** Reads the bulk suppressions file when the listing has one (no request for a file that is not there). */
export async function loadSuppressions(reader: RepoReader, allPaths: readonly string[]): Promise<Suppressions> {
  if (!allPaths.includes(SUPPRESSIONS_PATH)) return {}
  const bytes = await reader.readFile(SUPPRESSIONS_PATH)
  return bytes === null ? {} : parseSuppressions(decoder.decode(bytes), SUPPRESSIONS_PATH)
}

/** Lists, reads and checks a repository's minutes: the edge around the pure engine. */
export async function checkRepository(reader: RepoReader, options: RepositoryCheck): Promise<WorkspaceResult> {
  // `file` undefined: the caller's trusted configuration, neither a file of this tree nor the defaults.
  const { config: loaded, file: configFile } = options.trusted ? { config: options.trusted.config, file: undefined } : await readRepositoryConfig(reader, options.configPath)
  const allPaths = await reader.listFiles()
  const links: ReadonlyMap<string, SymbolicLink> = (await reader.symbolicLinks?.()) ?? new Map()
  const index = indexRepository(allPaths, compileDatePatterns(loaded.datePatterns))
  const selection = selectFiles(allPaths, options.patterns ?? [], loaded)
  // Every file's bytes are read once, and every file is parsed once (issue 22): for the
  // repository's name, the links to removed files and the check, in the same pass.
  const texts = new Map<string, Uint8Array>()
  const fixed = givenRepository(options, loaded)
  const linkSources = fixed ? [] : await linkSourcesOfTree(reader, loaded, allPaths, links, texts)
  let selected = selection.paths
  let candidates: SourceFile[] = []
  let removed = new Set<string>()
  if (options.onlyPaths) {
    const only = new Set(options.onlyPaths)
    // A path removed and added again (a push's later commit) broke no link.
    removed = new Set((options.removedPaths ?? []).filter((path) => !index.files.has(path)))
    if (removed.size > 0) {
      const others = await Promise.all(selection.paths.filter((path) => !only.has(path) && !links.has(path)).map((path) => readSource(reader, path, loaded, texts)))
      candidates = mayLinkTo(others.filter(isSource), removed)
    }
    selected = selection.paths.filter((path) => only.has(path))
  }
  // A link inside the repository is checked as its target: the target joins the run.
  const targets = linkTargetsToCheck(selected.map((path) => links.get(path)), links, index, loaded)
  const paths = new Set([...selected, ...targets].filter((path) => !links.has(path)))
  const read = await Promise.all([...paths].map((path) => readSource(reader, path, loaded, texts)))
  // A link git checked out as a text file holding its target is a link too, and its target joins the run.
  const textLinks = new Map(read.filter(isSource).flatMap((source) => textLinkEntry(source)))
  const textTargets = new Set(linkTargetsToCheck(textLinks.values(), links, index, loaded).filter((target) => !paths.has(target)))
  read.push(...(await Promise.all([...textTargets].map((path) => readSource(reader, path, loaded, texts)))))
  const sources = read.filter((entry): entry is SourceFile => isSource(entry) && !textLinks.has(entry.path))
  const unreadable = read.filter((entry): entry is FileReport => !isSource(entry))
  // Names the run's files pair with handles resolve owners written as names in any of them
  // (issue 20); the configured names win. Only the files in the run: a pull request's are its own.
  const runPeople = peopleOfTexts(sources.map((source) => (typeof source.content === 'string' ? source.content : decodeUtf8(source.content).text)))
  const checkConfig: Config = { ...loaded, actionItems: { ...loaded.actionItems, people: { ...runPeople, ...lowerKeys(loaded.actionItems.people ?? {}) } } }
  const tasks = runTasks(sources, candidates, linkSources)
  const jobs = options.workerScript ? (options.jobs ?? defaultJobs(tasks)) : 0
  const examined = await examineFiles(tasks, { config: checkConfig, allPaths, index, removed }, { jobs, workerScript: options.workerScript ?? null, watchdog: options.jobs !== 0, warm: options.warm ?? null }, () =>
    repositoryGate(fixed, linkSources, tasks, index, reader),
  )
  const { repository, source } = examined.repository
  const config: Config = { ...loaded, repository }
  const checked = examined.results.flatMap((result, at) => (result.report && tasks[at]!.check !== 'never' ? [result.report] : []))
  const linkingFiles = tasks.filter((task, at) => task.check === 'if-linking' || task.findLinking ? examined.results[at]!.linking : false).map((task) => task.path).sort()
  const linkReports = selected.flatMap((path) => {
    const link = links.get(path) ?? textLinks.get(path)
    return link ? [symbolicLinkReport(path, link, config, index)] : []
  })
  const files = [...checked, ...unreadable, ...linkReports].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const unsuppressed = summarize(files)
  const suppressions = options.applySuppressions === false ? {} : await (options.trusted?.suppressions ?? ((paths) => loadSuppressions(reader, paths)))(allPaths)
  const report = applySuppressions(unsuppressed, suppressions)
  const notices =
    source === 'unknown'
      ? [
          'Cannot tell which GitHub repository these minutes are (no --repository, no `repository:` in the configuration, no github.com links to files of this tree, no upstream or origin remote on GitHub): github.com links are not checked, relative links are.',
        ]
      : []
  return {
    report,
    unsuppressed,
    suppressions,
    config,
    unmatchedPatterns: selection.unmatched.map((entry) => entry.pattern),
    unmatched: selection.unmatched,
    repositorySource: source,
    notices,
    builtInDefaults: configFile === null,
    linkingFiles,
    allPaths,
  }
}

/** Configured names with lower-case keys, so that they replace the same name found in the files. */
function lowerKeys(people: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(people).map(([name, login]) => [name.trim().toLowerCase(), login]))
}

function isSource(entry: SourceFile | FileReport): entry is SourceFile {
  return 'content' in entry
}

/** The targets of these links that are checked in their place: minutes files of the repository that are not links themselves. */
function linkTargetsToCheck(of: Iterable<SymbolicLink | undefined>, links: ReadonlyMap<string, SymbolicLink>, index: RepoIndex, config: Config): string[] {
  return [...of].flatMap((link) => {
    const target = link?.target
    return target && index.files.has(target) && !links.has(target) && isMinutesPath(target, config) ? [target] : []
  })
}

function textLinkEntry(source: SourceFile): Array<[string, SymbolicLink]> {
  const link = textSymbolicLink(source.path, source.content)
  return link ? [[source.path, link]] : []
}

/** A file's bytes, or (when reading fails) its report with one `file-unreadable` finding. */
async function readSource(reader: RepoReader, path: string, config: Config, texts: Map<string, Uint8Array>): Promise<SourceFile | FileReport> {
  const known = texts.get(path)
  if (known) return { path, content: known }
  try {
    const content = (await reader.readFile(path)) ?? new Uint8Array()
    texts.set(path, content)
    return { path, content }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const finding = engineFinding('file-unreadable', `The file could not be read (${reason}).`)
    return uncheckedReport(path, { config }, finding) ?? { path, profile: 'unknown', date: null, findings: [finding], teams: [], actionItems: [] }
  }
}

/** A file whose text names the github.com files of some repository: the inference reads its links. */
interface LinkSourceFile {
  path: string
  content: Uint8Array
  mentions: number
}

/** The repository as the caller or the configuration gives it (no inference needed); null when they do not. */
function givenRepository(options: RepositoryCheck, config: Config): { repository: string; source: RepositorySource } | null {
  if (options.repository) return { repository: options.repository, source: 'option' }
  if (config.repository) return { repository: config.repository, source: 'config' }
  if (options.defaultRepository) return { repository: options.defaultRepository, source: 'workflow' }
  return null
}

/**
 * The files that may link to one of `removed`: those whose text names a removed file's name
 * (a cheap filter over bytes, not a parse; links that leave out `.md` are found too). A
 * text file holding a link's target (a link git checked out as text) links nothing.
 */
function mayLinkTo(sources: readonly SourceFile[], removed: ReadonlySet<string>): SourceFile[] {
  const names = [...new Set([...removed].map((path) => (path.split('/').pop() ?? path).replace(/\.md$/i, '')))]
  return sources.filter((source) => {
    if (removed.has(source.path) || textLinkEntry(source).length > 0) return false
    const text = decodeUtf8(source.content).text
    return names.some((name) => text.includes(name))
  })
}

/**
 * What the run asks of each file, one task per file: check the files to check; check the
 * ones that may link to a removed path if they do; read the links of the files the
 * repository's inference reads. Inference sources first, most mentions first (the inference
 * decides on them), then the rest.
 */
function runTasks(sources: readonly SourceFile[], candidates: readonly SourceFile[], linkSources: readonly LinkSourceFile[]): FileTask[] {
  const tasks = new Map<string, FileTask>()
  const candidatePaths = new Set(candidates.map((candidate) => candidate.path))
  for (const source of sources) tasks.set(source.path, { path: source.path, content: source.content, check: 'always', wantsLinks: false, findLinking: candidatePaths.has(source.path) })
  for (const candidate of candidates) if (!tasks.has(candidate.path)) tasks.set(candidate.path, { path: candidate.path, content: candidate.content, check: 'if-linking', wantsLinks: false })
  const first: FileTask[] = []
  for (const link of [...linkSources].sort((a, b) => b.mentions - a.mentions)) {
    const task = tasks.get(link.path)
    tasks.delete(link.path)
    first.push(task ? { ...task, wantsLinks: true } : { path: link.path, content: link.content, check: 'never', wantsLinks: true })
  }
  return [...first, ...tasks.values()]
}

/** How the run's files are spread: `jobs` workers, or this thread (under the time budget's watchdog unless `--jobs 0`). */
interface Spread {
  jobs: number
  workerScript: string | URL | null
  watchdog: boolean
  /** Workers started before the run (`init`'s), taken first. */
  warm: WarmWorkers | null
}

/** A gate on the repository, and the repository it settles on (and where it was learnt). */
interface Gate {
  gate: RepositoryGate
  repository: Promise<{ repository: string | null; source: RepositorySource }>
}

/** Examines the files in worker threads (or in this thread when `jobs` is 0, or workers cannot start), each parsed once. */
async function examineFiles(
  tasks: readonly FileTask[],
  context: ExamineContext & { allPaths: string[] },
  spread: Spread,
  newGate: () => Gate,
): Promise<{ results: Examination[]; repository: { repository: string | null; source: RepositorySource } }> {
  const { jobs, workerScript } = spread
  if (jobs > 0 && workerScript) {
    const { gate, repository } = newGate()
    try {
      const results = await examineInWorkers(tasks, { ...context, removed: [...context.removed] }, gate, { jobs, workerScript, warm: spread.warm })
      return { results, repository: await repository }
    } catch (error) {
      if (!(error instanceof WorkersUnavailable)) throw error
      // Workers are an optimisation and the time budget; without them the check still runs.
    }
  }
  const { gate, repository } = newGate()
  const results = await examineInThread(tasks, context, gate, spread.watchdog)
  return { results, repository: await repository }
}

/**
 * The repository github.com links point into, in this order: the option (`--repository`),
 * the configuration, the workflow's repository, the links themselves (as the check's own
 * parses send them back), the git remotes.
 */
function repositoryGate(fixed: { repository: string; source: RepositorySource } | null, linkSources: readonly LinkSourceFile[], tasks: readonly FileTask[], index: RepoIndex, reader: RepoReader): Gate {
  if (fixed) return { gate: new RepositoryGate(fixed.repository), repository: Promise.resolve(fixed) }
  // The inference reads the link sources in their given order (the listing's), as it always has.
  const sourceAt = new Map(linkSources.map((source, at) => [source.path, at]))
  const inference = new RepositoryInference(
    linkSources.map((source) => source.mentions),
    index,
  )
  let decide!: (inferred: InferredRepository) => void
  const decided = new Promise<InferredRepository>((resolve) => (decide = resolve))
  const gate = new RepositoryGate(undefined, (at, urls) => {
    const source = sourceAt.get(tasks[at]!.path)
    if (source === undefined) return
    inference.read(source, urls)
    if (inference.result) decide(inference.result)
  })
  if (inference.result) decide(inference.result)
  const repository = decided.then(async ({ repository: inferred, sawFileLink }) => {
    if (inferred) return { repository: inferred, source: 'links' as const }
    const remote = await reader.repositoryHint()
    if (remote) return { repository: remote, source: 'remote' as const }
    // Unknown matters only when some github.com link to a file or folder could have been ours.
    return { repository: null, source: sawFileLink ? ('unknown' as const) : ('none-needed' as const) }
  })
  void repository.then((found) => gate.settle(found.repository))
  return { gate, repository }
}

/**
 * The files the configuration covers that name github.com files (`mentions`: how often),
 * in the listing's order; their bytes are kept for the run, which reads no file twice.
 */
async function linkSourcesOfTree(
  reader: RepoReader,
  config: Config,
  allPaths: readonly string[],
  links: ReadonlyMap<string, SymbolicLink>,
  texts: Map<string, Uint8Array>,
): Promise<LinkSourceFile[]> {
  const candidates = allPaths.filter((path) => isMinutesPath(path, config) && !links.has(path))
  const sources = await Promise.all(
    candidates.map(async (path): Promise<LinkSourceFile | null> => {
      // A file that cannot be read tells nothing here; the check reports it (`file-unreadable`).
      const bytes = texts.get(path) ?? (await reader.readFile(path).catch(() => null))
      if (!bytes) return null
      texts.set(path, bytes)
      const mentions = githubFileMentions(decodeUtf8(bytes).text)
      return mentions === 0 ? null : { path, content: bytes, mentions }
    }),
  )
  return sources.filter((source) => source !== null)
}

/** Checks a checked-out repository. */
export function checkWorkspace(options: WorkspaceCheck): Promise<WorkspaceResult> {
  return checkRepository(localReader(options.root), options)
}
