import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { ConfigError } from '../config/load-config.js'
import { checkWorkspace, type WorkspaceResult } from '../check/check-repository.js'
import { DEFAULT_CONFIG_PATH, SUPPRESSIONS_PATH } from '../constants.js'
import { plural } from '../report/findings.js'
import { SuppressionsError, applySuppressions, countEntries, formatSuppressions, pruneSuppressions, suppressAll } from '../report/suppressions.js'
import type { RunReport } from '../report/types.js'
import { describeUnmatched } from '../check/select-files.js'
import { reachesFailOn } from '../report/fail-on.js'
import { formatText } from '../report/format-text.js'
import { fixFiles } from './fix-files.js'
import { FETCH_IMAGES_USAGE, runFetchImages } from './fetch-images-command.js'
import { INIT_USAGE, runInit } from './init-command.js'
import { NEXT_USAGE, runNext } from './next-command.js'
import { PLAN_USAGE, runPlan } from './plan-command.js'
import { SeriesError } from '../next/series-history.js'
import { ITEMS_USAGE, runItems } from './items-command.js'
import { type CliOptions, USAGE, UsageError, parseCliArgs } from './parse-cli-args.js'

/** Where the CLI writes; the real process streams, or strings in tests. */
export interface CliIO {
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** The script check workers run (the CLI bundle itself); absent: files are checked in this thread. */
  workerScript?: string | URL
  /** Today, `YYYY-MM-DD` (`next`'s default date); absent: the system clock's UTC day. Tests pass a fixed day. */
  today?: () => string
  /** The environment (`GITHUB_TOKEN`, `GITHUB_API_URL` for `next`'s agenda); absent: none. */
  env?: Readonly<Record<string, string | undefined>>
}

export const VERSION = '0.1.0'

/** The subcommands beside the check itself: each runs with the arguments after its name, and has its usage. */
const SUBCOMMANDS: Readonly<Record<string, { run: (argv: string[], io: CliIO) => Promise<number>; usage: string }>> = {
  init: { run: runInit, usage: INIT_USAGE },
  next: { run: runNext, usage: NEXT_USAGE },
  items: { run: runItems, usage: ITEMS_USAGE },
  plan: { run: runPlan, usage: PLAN_USAGE },
  'fetch-images': { run: runFetchImages, usage: FETCH_IMAGES_USAGE },
}

/** Runs `minutes-check` and returns its exit code: 0 clean, 1 findings, 2 usage or config error or a path with nothing to check. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const subcommand = Object.hasOwn(SUBCOMMANDS, argv[0] ?? '') ? SUBCOMMANDS[argv[0] ?? ''] : undefined
  try {
    if (subcommand) return await subcommand.run(argv.slice(1), io)
    const options = parseCliArgs(argv, io.cwd)
    if (options.help) {
      io.stdout(USAGE)
      return 0
    }
    if (options.version) {
      io.stdout(`${VERSION}\n`)
      return 0
    }
    const root = resolve(io.cwd, options.root)
    // Paths on the command line are taken from the current folder, as a shell user expects.
    const patterns = options.patterns.map((pattern) => toRootRelative(pattern, io.cwd, root))
    const check = () =>
      checkWorkspace({
        root,
        configPath: options.config && resolve(io.cwd, options.config),
        patterns,
        repository: options.repository,
        workerScript: io.workerScript ?? null,
        jobs: options.jobs,
      })
    let result = await check()
    if (options.fix && result.unmatched.length === 0) {
      const changed = await fixFiles(root, result, options.fix, io)
      if (options.fix === 'dry-run') return 0
      // What is left after the fixes, as a plain run reports it.
      if (changed > 0) result = await check()
    }
    for (const notice of result.notices) io.stderr(`minutes-check: ${notice}\n`)
    if (result.unmatched.length > 0) {
      // A path the user named and we did not check is a usage problem, not "no problems".
      const { report } = result
      if (report.files.length > 0) io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report, options))
      io.stderr(`minutes-check: ${describeUnmatched(result.unmatched)}\n`)
      hintAtInit(result, options, io)
      return 2
    }
    const report = await updateSuppressions(root, result, options, io)
    io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report, options))
    hintAtInit(result, options, io)
    return reachesFailOn(report, options.failOn) ? 1 : 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`minutes-check: ${error.message}\n\n${subcommand?.usage ?? USAGE}`)
      return 2
    }
    if (error instanceof ConfigError || error instanceof SuppressionsError || error instanceof SeriesError) {
      io.stderr(`minutes-check: ${error.message}\n`)
      return 2
    }
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? (error as Error).message : String(error)
    io.stderr(`minutes-check: ${reason}\n`)
    return 2
  }
}

/** The check's last line on stderr when no configuration file exists and none was given (`hintAtInit`). */
export const INIT_HINT = `minutes-check: no ${DEFAULT_CONFIG_PATH}: checked with the built-in defaults; \`minutes-check init\` writes a configuration fitted to this repository.\n`

/**
 * First contact: a repository with no configuration file was checked with the built-in
 * defaults, whose findings (a title without a date, a missing section) may say more about
 * the defaults than about the minutes; `init` fits a configuration. Said once, last, on
 * stderr. Not with `--format json`: a program reads that run and the advice is for a person,
 * whom a script on a schedule would show it in its log on every run (the notice that
 * github.com links went unchecked still prints: it qualifies the results). Not from `items`,
 * `plan`, `next` and `init`, which do not check.
 */
function hintAtInit(result: WorkspaceResult, options: CliOptions, io: CliIO): void {
  if (result.builtInDefaults && options.format !== 'json') io.stderr(INIT_HINT)
}

/**
 * `--suppress-all` and `--prune-suppressions`: rewrites the suppressions file from this
 * run's findings and returns the report as the new file judges it; otherwise the report.
 */
async function updateSuppressions(root: string, result: WorkspaceResult, options: CliOptions, io: CliIO): Promise<RunReport> {
  if (!options.suppressAll && !options.pruneSuppressions) return result.report
  let next = result.suppressions
  if (options.suppressAll) next = suppressAll(next, result.unsuppressed)
  if (options.pruneSuppressions) next = pruneSuppressions(next, result.unsuppressed, new Set(result.allPaths))
  const target = join(root, ...SUPPRESSIONS_PATH.split('/'))
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, formatSuppressions(next))
  const report = applySuppressions(result.unsuppressed, next)
  io.stderr(`minutes-check: wrote ${SUPPRESSIONS_PATH}: ${plural(countEntries(next), 'count')} (per file and rule), accepting ${plural(report.summary.suppressed ?? 0, 'finding')}\n`)
  return report
}

function toRootRelative(pattern: string, cwd: string, root: string): string {
  const absolute = resolve(cwd, pattern)
  const fromRoot = relative(root, absolute)
  if (fromRoot.startsWith('..')) return pattern
  return fromRoot.split(sep).join('/')
}
