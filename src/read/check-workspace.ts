import { join, isAbsolute } from 'node:path'
import { runCheck } from '../check/run-check.js'
import { selectFiles } from '../check/select-files.js'
import { ConfigError, loadConfig } from '../config/load-config.js'
import type { Config } from '../config/types.js'
import { DEFAULT_CONFIG_PATH } from '../constants.js'
import { indexRepository } from '../model/repo-index.js'
import type { RunReport } from '../report/types.js'
import { listRepoFiles, readRepoFile, readTextIfExists, repositoryFromGitRemote } from './local-repo.js'

/** A check of a checked-out repository, as the CLI and the action run it. */
export interface WorkspaceCheck {
  /** The repository root. */
  root: string
  /** The configuration file; relative paths are taken from the root. Default `.github/minutes.yml` if present. */
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

/** What a workspace check found, and what it could not match. */
export interface WorkspaceResult {
  report: RunReport
  config: Config
  unmatchedPatterns: string[]
}

/** Reads the configuration of a workspace (throws ConfigError for a bad file). */
export async function loadWorkspaceConfig(root: string, configPath?: string | null): Promise<Config> {
  const path = configPath ? (isAbsolute(configPath) ? configPath : join(root, configPath)) : join(root, DEFAULT_CONFIG_PATH)
  const text = await readTextIfExists(path)
  if (text === null && configPath) throw new ConfigError(`${configPath}: file not found`)
  return loadConfig(text, configPath ?? DEFAULT_CONFIG_PATH)
}

/** Lists, reads and checks a workspace's minutes: the edge around the pure engine. */
export async function checkWorkspace(options: WorkspaceCheck): Promise<WorkspaceResult> {
  const loaded = await loadWorkspaceConfig(options.root, options.configPath)
  const repository =
    options.repository ?? loaded.repository ?? options.defaultRepository ?? (await repositoryFromGitRemote(options.root))
  const config: Config = { ...loaded, repository }
  const allPaths = await listRepoFiles(options.root)
  const selection = selectFiles(allPaths, options.patterns ?? [], config)
  const only = options.onlyPaths ? new Set(options.onlyPaths) : null
  const paths = only ? selection.paths.filter((path) => only.has(path)) : selection.paths
  const sources = await Promise.all(
    paths.map(async (path) => ({ path, content: await readRepoFile(options.root, path) })),
  )
  const report = runCheck(sources, { config, index: indexRepository(allPaths) })
  return { report, config, unmatchedPatterns: selection.unmatchedPatterns }
}
