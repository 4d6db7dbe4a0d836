import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { FAIL_ON, type FailOn } from '../constants.js'

/** The CLI's options, read once. */
export interface CliOptions {
  patterns: string[]
  root: string
  config: string | null
  format: 'text' | 'json'
  failOn: FailOn
  repository: string | null
  /** Worker threads (`--jobs`); null: one per available core, at most one per file. */
  jobs: number | null
  /** Write every current finding into the suppressions file, so they stop failing. */
  suppressAll: boolean
  /** Drop suppressions that no longer match anything. */
  pruneSuppressions: boolean
  /** List accepted findings one by one instead of one summary line. */
  showSuppressed: boolean
  /** Print errors only (and the total). */
  quiet: boolean
  /** Apply the certain fixes in place (`--fix`), or only show them as a diff (`--fix-dry-run`). */
  fix: 'write' | 'dry-run' | null
  help: boolean
  version: boolean
}

/** A command line that cannot be run; exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * node:util's `parseArgs`, strict, for the CLI and each subcommand: an unknown option or a
 * missing value is a UsageError (exit 2 with the usage), never a stack trace.
 */
export function parseOptions<O extends ParseArgsOptionsConfig>(argv: string[], options: O, allowPositionals: boolean) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export const USAGE = `Usage: minutes-check [PATHS or GLOBS...] [options]
       minutes-check init [--root DIR] [--dry-run] [--force]
       minutes-check next SERIES [--date YYYY-MM-DD] [--print]
       minutes-check items [--root DIR] [--format markdown|json]
       minutes-check fetch-images [PATHS...]
       minutes-check plan [--root DIR] [--max-new-issues N] [--all] [--format text|json]

Checks Markdown meeting minutes: titles and dates, required sections, the minute-taker,
team minutes links, links into the repository, and text encoding.

Options:
  --root DIR                 repository root (default: the current folder)
  --config FILE              configuration file (default: ROOT/.github/minutes.yml or .yaml if present)
  --format text|json         output format (default: text)
  --fail-on error|warning|never
                             exit 1 when findings reach this severity (default: error)
  --repository OWNER/REPO    repository whose github.com links are checked (default: the config's
                             repository, else told from the links, else the upstream/origin remote)
  --jobs N                   worker threads (default: one per core, at most one per file;
                             none for one or two files); 0 checks in the main thread,
                             with no time budget
  --suppress-all             accept every current error and warning: write their counts per file
                             and rule to ROOT/.github/minutes-suppressions.json (new ones still fail)
  --prune-suppressions       drop the entries of that file that no longer match a finding
  --show-suppressed          list the accepted findings (default: one line counting them)
  -q, --quiet                print errors only, and the total
  --fix                      apply the fixes that are certain (a link with one sure target, a
                             title date's dashes or zeros, a team's minutes for a placeholder)
                             in place and print what changed; nothing that needs a choice
  --fix-dry-run              show those fixes as a unified diff, change nothing
  -h, --help                 show this help
  --version                  show the version

With no PATHS, every file a profile applies to is checked. \`minutes-check init\` writes a
configuration fitted to the repository (see \`minutes-check init --help\`); \`minutes-check next\`
prepares the next meeting's minutes of a series (see \`minutes-check next --help\`); \`minutes-check items\`
prints the open action items (see \`minutes-check items --help\`); \`minutes-check plan\` which
issues they would create, keep and close (see \`minutes-check plan --help\`);
\`minutes-check fetch-images\` downloads the pad pictures that have no copy yet (see
\`minutes-check fetch-images --help\`).
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error, or a
PATH that matches no file a profile applies to.
`

/** Parses argv (without the node and script entries). Throws UsageError. */
export function parseCliArgs(argv: string[], cwd: string): CliOptions {
  const { values, positionals } = parseOptions(
    argv,
    {
      root: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
      repository: { type: 'string' },
      jobs: { type: 'string' },
      'suppress-all': { type: 'boolean', default: false },
      'prune-suppressions': { type: 'boolean', default: false },
      'show-suppressed': { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', default: false },
    },
    true,
  )
  const format = values.format
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not “${format}”`)
  const failOn = values['fail-on'] as FailOn
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not “${failOn}”`)
  const repository = values.repository ?? null
  if (repository !== null && !/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new UsageError(`--repository must be OWNER/REPO, not “${repository}”`)
  const jobs = values.jobs === undefined ? null : Number(values.jobs)
  if (jobs !== null && !(Number.isInteger(jobs) && jobs >= 0 && jobs <= 256)) throw new UsageError(`--jobs must be a whole number from 0 to 256, not “${values.jobs}”`)
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other')
  return {
    patterns: positionals,
    root: values.root ?? cwd,
    config: values.config ?? null,
    format,
    failOn,
    repository,
    jobs,
    suppressAll: values['suppress-all'] ?? false,
    pruneSuppressions: values['prune-suppressions'] ?? false,
    showSuppressed: values['show-suppressed'] ?? false,
    quiet: values.quiet ?? false,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : null,
    help: values.help ?? false,
    version: values.version ?? false,
  }
}
