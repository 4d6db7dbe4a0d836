import { loadRepositoryConfig, type RepositoryCheck } from '../check/check-repository.js'
import { compareConfig } from '../config/compare-config.js'
import { ConfigError } from '../config/load-config.js'
import type { Config } from '../config/types.js'
import { CONFIG_PATHS, SUPPRESSIONS_PATH } from '../constants.js'
import { apiReader } from '../github/api-reader.js'
import type { ChangedFiles } from '../github/changed-files.js'
import { getErrorMessage, type GitHubClient } from '../github/client.js'
import { code, truncate } from '../markup/escape.js'
import type { RepoReader } from '../read/repo-reader.js'
import type { ConfigNotice } from '../render/config-notice.js'
import { parseSuppressions, SuppressionsError, type Suppressions } from '../report/suppressions.js'
import type { ActionSettings } from './settings.js'

const decoder = new TextDecoder()

/** The files that decide how minutes are checked: the configuration (the `config` input's, else ours) and the suppressions. */
export function checkingFiles(settings: ActionSettings): string[] {
  return [...(settings.configPath ? [settings.configPath] : CONFIG_PATHS), SUPPRESSIONS_PATH]
}

/** Which of those files a change adds, edits, renames or removes. */
export function changedCheckingFiles(settings: ActionSettings, files: ChangedFiles | null): string[] {
  if (!files) return []
  const touched = new Set([...files.changed, ...files.removed])
  return checkingFiles(settings).filter((path) => touched.has(path))
}

/**
 * A reader of the pull request's base commit, through the API (the workspace holds the head
 * or the merge). Each file is fetched once: the check and the notice read the same ones.
 */
export function baseReader(client: GitHubClient, settings: ActionSettings): RepoReader | null {
  const baseSha = settings.event.pullRequest?.baseSha
  return baseSha ? readingOnce(apiReader(client, settings.repository, baseSha)) : null
}

/** The reader, with each file's bytes fetched once. */
export function readingOnce(reader: RepoReader): RepoReader {
  const files = new Map<string, Promise<Uint8Array | null>>()
  return {
    ...reader,
    readFile: (path) => {
      const known = files.get(path)
      if (known) return known
      const read = reader.readFile(path)
      files.set(path, read)
      return read
    },
  }
}

/**
 * On `pull_request_target` the pull request must not choose how it is checked: the
 * configuration and suppressions come from its base commit. The suppressions file is read
 * at the base when the pull request touches it, else only when the listing has it (the same
 * file at both ends, so no request for a file that is not there).
 */
export async function trustedConfiguration(base: RepoReader, settings: ActionSettings, touched: readonly string[]): Promise<NonNullable<RepositoryCheck['trusted']>> {
  const config = await loadRepositoryConfig(base, settings.configPath)
  let suppressions: Promise<Suppressions> | undefined
  return {
    config,
    suppressions: (allPaths) => (suppressions ??= touched.includes(SUPPRESSIONS_PATH) || allPaths.includes(SUPPRESSIONS_PATH) ? readSuppressions(base) : Promise.resolve({})),
  }
}

/** The suppressions file of a commit; {} when there is none. */
async function readSuppressions(reader: RepoReader): Promise<Suppressions> {
  const bytes = await reader.readFile(SUPPRESSIONS_PATH)
  return bytes === null ? {} : parseSuppressions(decoder.decode(bytes), SUPPRESSIONS_PATH)
}

/** One side of the comparison: the configuration and suppressions of a commit, or why they cannot be read. */
interface Side {
  config: Config | null
  suppressions: Suppressions
  problem: string | null
}

/**
 * What a pull request that touches the checking files changes in them, for the notice that
 * opens its comment: both sides read with the same loader (base through the API; head from
 * the workspace on `pull_request`, through the API on `pull_request_target`), then compared.
 */
export async function configNotice(options: {
  settings: ActionSettings
  touched: readonly string[]
  base: RepoReader
  head: RepoReader
  checkedWith: 'base' | 'head'
}): Promise<ConfigNotice> {
  const { settings, touched } = options
  const [base, head] = await Promise.all([readSide(options.base, settings, touched, "The base branch's files cannot be read"), readSide(options.head, settings, touched, "The pull request's files are not valid (once merged, every run would fail)")])
  const comparison =
    base.config && head.config ? compareConfig(base.config, head.config, { base: base.suppressions, head: head.suppressions }) : null
  return { files: [...touched], checkedWith: options.checkedWith, comparison, problems: [base.problem, head.problem].filter((problem): problem is string => problem !== null) }
}

async function readSide(reader: RepoReader, settings: ActionSettings, touched: readonly string[], failure: string): Promise<Side> {
  try {
    const config = await loadRepositoryConfig(reader, settings.configPath)
    const suppressions = touched.includes(SUPPRESSIONS_PATH) ? await readSuppressions(reader) : {}
    return { config, suppressions, problem: null }
  } catch (error) {
    // A file that does not load, or a read that failed: the notice says so; the run goes on.
    // The message may quote the file: data from the pull request, shown as inert code.
    const message = error instanceof ConfigError || error instanceof SuppressionsError ? error.message : `could not be read: ${getErrorMessage(error)}`
    return { config: null, suppressions: {}, problem: `${failure}, so the change is not compared: ${code(truncate(message, 300))}` }
  }
}
