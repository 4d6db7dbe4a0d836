import { isAbsolute } from 'node:path'
import { checkInWorkers, defaultJobs, WorkersUnavailable } from './check-pool.js'
import { engineFinding, uncheckedReport, type SourceFile } from './check-source.js'
import { runCheck, summarize } from './run-check.js'
import { selectFiles } from './select-files.js'
import { ConfigError, loadConfig } from '../config/load-config.js'
import type { Config } from '../config/types.js'
import { DEFAULT_CONFIG_PATH, SUPPRESSIONS_PATH } from '../constants.js'
import { indexRepository } from '../repo/repo-index.js'
import type { FileReport, RunReport } from '../report/types.js'
import { applySuppressions, parseSuppressions, type Suppressions } from '../report/suppressions.js'
import { filesLinkingTo } from './linking-files.js'
import { readTextIfExists } from '../read/local-repo.js'
import { localReader } from '../read/local-reader.js'
import type { RepoReader } from '../read/repo-reader.js'

/** What to check in a repository, as the CLI and the action ask for it. */
export interface RepositoryCheck {
  /**
   * The configuration file: relative paths are read from the repository, absolute ones
   * (the CLI's `--config`) from disk. Default `.github/minutes.yml` if present.
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
  /** Worker threads; default one per available core, at most one per file, none for one or two files. */
  jobs?: number | null
}

/** A check of a checked-out repository. */
export interface WorkspaceCheck extends RepositoryCheck {
  /** The repository root. */
  root: string
}

/** What a check found, and what it could not match. */
export interface WorkspaceResult {
  /** The findings, with the suppressions file applied. */
  report: RunReport
  /** The same findings before suppressions. */
  unsuppressed: RunReport
  /** What the suppressions file accepts (empty when there is none). */
  suppressions: Suppressions
  config: Config
  unmatchedPatterns: string[]
  /** Files checked because they link to a removed path. */
  linkingFiles: string[]
  /** Every file of the repository. */
  allPaths: string[]
}

const decoder = new TextDecoder()

/** Reads the configuration (throws ConfigError for a bad or missing named file). */
export async function loadRepositoryConfig(reader: RepoReader, configPath?: string | null): Promise<Config> {
  const path = configPath ?? DEFAULT_CONFIG_PATH
  const text = isAbsolute(path) ? await readTextIfExists(path) : decodeOrNull(await reader.readFile(path))
  if (text === null && configPath) throw new ConfigError(`${configPath}: file not found`)
  return loadConfig(text, path)
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
  const loaded = await loadRepositoryConfig(reader, options.configPath)
  const repository = options.repository ?? loaded.repository ?? options.defaultRepository ?? (await reader.repositoryHint())
  const config: Config = { ...loaded, repository }
  const allPaths = await reader.listFiles()
  const index = indexRepository(allPaths)
  const selection = selectFiles(allPaths, options.patterns ?? [], config)
  let paths = selection.paths
  let linkingFiles: string[] = []
  const alreadyRead = new Map<string, SourceFile | FileReport>()
  if (options.onlyPaths) {
    const only = new Set(options.onlyPaths)
    // A path removed and added again (a push's later commit) broke no link.
    const removed = new Set((options.removedPaths ?? []).filter((path) => !index.files.has(path)))
    const others = removed.size > 0 ? await Promise.all(selection.paths.filter((path) => !only.has(path)).map((path) => readSource(reader, path, config))) : []
    linkingFiles = filesLinkingTo(others.filter(isSource), removed, repository, index)
    const chosen = new Set([...only, ...linkingFiles])
    paths = selection.paths.filter((path) => chosen.has(path))
    for (const source of others) if (chosen.has(source.path)) alreadyRead.set(source.path, source)
  }
  // A linking file was read to find it: not read again (through the API, that is a request).
  const read = await Promise.all(paths.map((path) => alreadyRead.get(path) ?? readSource(reader, path, config)))
  const sources = read.filter(isSource)
  const unreadable = read.filter((entry): entry is FileReport => !isSource(entry))
  const jobs = options.workerScript ? (options.jobs ?? defaultJobs(sources.length)) : 0
  const checked = await checkSources(sources, { config, allPaths }, jobs, options.workerScript ?? null)
  const files = [...checked, ...unreadable].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const unsuppressed = summarize(files)
  const suppressions = options.applySuppressions === false ? {} : await loadSuppressions(reader, allPaths)
  const report = applySuppressions(unsuppressed, suppressions)
  return { report, unsuppressed, suppressions, config, unmatchedPatterns: selection.unmatchedPatterns, linkingFiles, allPaths }
}

function isSource(entry: SourceFile | FileReport): entry is SourceFile {
  return 'content' in entry
}

/** A file's bytes, or (when reading fails) its report with one `file-unreadable` finding. */
async function readSource(reader: RepoReader, path: string, config: Config): Promise<SourceFile | FileReport> {
  try {
    return { path, content: (await reader.readFile(path)) ?? new Uint8Array() }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const finding = engineFinding('file-unreadable', `The file could not be read (${reason}).`)
    return uncheckedReport(path, { config }, finding) ?? { path, profile: 'unknown', date: null, findings: [finding], teams: [], actionItems: [] }
  }
}

/** Checks files in worker threads (or in this thread when `jobs` is 0, or workers cannot start). */
async function checkSources(sources: SourceFile[], context: { config: Config; allPaths: string[] }, jobs: number, workerScript: string | URL | null): Promise<FileReport[]> {
  if (jobs > 0 && workerScript) {
    try {
      const reports = await checkInWorkers(sources, context, { jobs, workerScript })
      return reports.filter((report): report is FileReport => report !== null)
    } catch (error) {
      if (!(error instanceof WorkersUnavailable)) throw error
      // Workers are an optimisation and the time budget; without them the check still runs.
    }
  }
  return runCheck(sources, { config: context.config, index: indexRepository(context.allPaths) }).files
}

/** Checks a checked-out repository. */
export function checkWorkspace(options: WorkspaceCheck): Promise<WorkspaceResult> {
  return checkRepository(localReader(options.root), options)
}
