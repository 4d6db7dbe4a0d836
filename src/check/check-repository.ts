import { isAbsolute } from 'node:path'
import { runCheck, summarize } from './run-check.js'
import { selectFiles, type UnmatchedPattern } from './select-files.js'
import { symbolicLinkReport } from './symbolic-links.js'
import { ConfigError, loadConfig } from '../config/load-config.js'
import { isMinutesPath } from '../config/profiles.js'
import type { Config } from '../config/types.js'
import { CONFIG_PATHS } from '../constants.js'
import { inferRepository, isGitHubFileLink } from '../links/infer-repository.js'
import { parseMarkdown } from '../parse/parse-markdown.js'
import { decodeUtf8 } from '../parse/decode.js'
import { compileDatePatterns } from '../repo/date-patterns.js'
import { indexRepository, type RepoIndex } from '../repo/repo-index.js'
import type { RunReport } from '../report/types.js'
import { readTextIfExists } from '../read/local-repo.js'
import { localReader } from '../read/local-reader.js'
import type { RepoReader, SymbolicLink } from '../read/repo-reader.js'
import { collectLinkUrls } from '../links/link-urls.js'

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
  /** `owner/repo` of the repository, overriding the config and the git remote. */
  repository?: string | null
  /** `owner/repo` to use when neither `repository` nor the config names one (the workflow's). */
  defaultRepository?: string | null
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
  report: RunReport
  /** The configuration, with `repository` as resolved for this run. */
  config: Config
  /** The patterns given that no checked file matches: the CLI says so and exits 2. */
  unmatchedPatterns: string[]
  /** The same, each with why it matched nothing. */
  unmatched: UnmatchedPattern[]
  repositorySource: RepositorySource
  /** Things to tell the user once (e.g. that github.com links cannot be checked). */
  notices: string[]
}

const decoder = new TextDecoder()

/** Reads the configuration (throws ConfigError for a bad file, or a named one that is missing). */
export async function loadRepositoryConfig(reader: RepoReader, configPath?: string | null): Promise<Config> {
  if (configPath) {
    const text = isAbsolute(configPath) ? await readTextIfExists(configPath) : decodeOrNull(await reader.readFile(configPath))
    if (text === null) throw new ConfigError(`${configPath}: file not found`)
    return loadConfig(text, configPath)
  }
  // `.yml` first; `.yaml` is read only when there is no `.yml` (one request less through the API).
  for (const path of CONFIG_PATHS) {
    const text = decodeOrNull(await reader.readFile(path))
    if (text !== null) return loadConfig(text, path)
  }
  return loadConfig(null)
}

function decodeOrNull(bytes: Uint8Array | null): string | null {
  return bytes === null ? null : decoder.decode(bytes)
}

/** Lists, reads and checks a repository's minutes: the edge around the pure engine. */
export async function checkRepository(reader: RepoReader, options: RepositoryCheck): Promise<WorkspaceResult> {
  const loaded = await loadRepositoryConfig(reader, options.configPath)
  const allPaths = await reader.listFiles()
  const links: ReadonlyMap<string, SymbolicLink> = (await reader.symbolicLinks?.()) ?? new Map()
  const index = indexRepository(allPaths, compileDatePatterns(loaded.datePatterns))
  const selection = selectFiles(allPaths, options.patterns ?? [], loaded)
  const only = options.onlyPaths ? new Set(options.onlyPaths) : null
  const selected = only ? selection.paths.filter((path) => only.has(path)) : selection.paths
  // A link inside the repository is checked as its target: the target joins the run.
  const targets = selected.flatMap((path) => {
    const target = links.get(path)?.target
    return target && index.files.has(target) && !links.has(target) && isMinutesPath(target, loaded) ? [target] : []
  })
  const paths = [...new Set([...selected, ...targets])].filter((path) => !links.has(path))
  const texts = new Map<string, Uint8Array>()
  await Promise.all(paths.map(async (path) => texts.set(path, (await reader.readFile(path)) ?? new Uint8Array())))

  const { repository, source } = await resolveRepository(reader, options, loaded, allPaths, links, texts, index)
  const config: Config = { ...loaded, repository }
  const checked = runCheck(
    paths.map((path) => ({ path, content: texts.get(path) ?? new Uint8Array() })),
    { config, index },
  )
  const linkReports = selected.flatMap((path) => {
    const link = links.get(path)
    return link ? [symbolicLinkReport(path, link, config, index)] : []
  })
  const report = linkReports.length > 0 ? summarize([...checked.files, ...linkReports].sort((a, b) => (a.path < b.path ? -1 : 1))) : checked
  const notices =
    source === 'unknown'
      ? [
          'Cannot tell which GitHub repository these minutes are (no --repository, no `repository:` in the configuration, no github.com links to files of this tree, no upstream or origin remote on GitHub): github.com links are not checked, relative links are.',
        ]
      : []
  return { report, config, unmatchedPatterns: selection.unmatched.map((entry) => entry.pattern), unmatched: selection.unmatched, repositorySource: source, notices }
}

/**
 * The repository github.com links point into, in this order: the option (`--repository`),
 * the configuration, the workflow's repository, the links themselves, the git remotes.
 */
async function resolveRepository(
  reader: RepoReader,
  options: RepositoryCheck,
  config: Config,
  allPaths: readonly string[],
  links: ReadonlyMap<string, SymbolicLink>,
  texts: Map<string, Uint8Array>,
  index: RepoIndex,
): Promise<{ repository: string | null; source: RepositorySource }> {
  if (options.repository) return { repository: options.repository, source: 'option' }
  if (config.repository) return { repository: config.repository, source: 'config' }
  if (options.defaultRepository) return { repository: options.defaultRepository, source: 'workflow' }
  const urls = await linkUrlsOfTree(reader, config, allPaths, links, texts)
  const inferred = inferRepository(urls, index)
  if (inferred) return { repository: inferred, source: 'links' }
  const remote = await reader.repositoryHint()
  if (remote) return { repository: remote, source: 'remote' }
  // Unknown matters only when some github.com link to a file or folder could have been ours.
  return { repository: null, source: urls.some(isGitHubFileLink) ? 'unknown' : 'none-needed' }
}

/** The github.com link targets of every Markdown file the configuration covers (read once, kept for the check). */
async function linkUrlsOfTree(
  reader: RepoReader,
  config: Config,
  allPaths: readonly string[],
  links: ReadonlyMap<string, SymbolicLink>,
  texts: Map<string, Uint8Array>,
): Promise<string[]> {
  const candidates = allPaths.filter((path) => isMinutesPath(path, config) && !links.has(path))
  const urls: string[] = []
  await Promise.all(
    candidates.map(async (path) => {
      const bytes = texts.get(path) ?? (await reader.readFile(path)) ?? new Uint8Array()
      const text = decodeUtf8(bytes).text
      // Only files that name github.com are parsed for this.
      if (text.includes('github.com/')) urls.push(...collectLinkUrls(parseMarkdown(text)))
    }),
  )
  return urls
}

/** Checks a checked-out repository. */
export function checkWorkspace(options: WorkspaceCheck): Promise<WorkspaceResult> {
  return checkRepository(localReader(options.root), options)
}
