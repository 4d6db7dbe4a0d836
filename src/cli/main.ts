import { relative, resolve, sep } from 'node:path'
import { ConfigError } from '../config/load-config.js'
import { checkWorkspace } from '../check/check-repository.js'
import { describeUnmatched } from '../check/select-files.js'
import { reachesFailOn } from '../report/fail-on.js'
import { formatText } from '../report/format-text.js'
import { USAGE, UsageError, parseCliArgs } from './parse-cli-args.js'

/** Where the CLI writes; the real process streams, or strings in tests. */
export interface CliIO {
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export const VERSION = '0.1.0'

/** Runs `minutes-check` and returns its exit code: 0 clean, 1 findings, 2 usage or config error or a path with nothing to check. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
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
    const { report, unmatched, notices } = await checkWorkspace({
      root,
      configPath: options.config && resolve(io.cwd, options.config),
      patterns,
      repository: options.repository,
    })
    for (const notice of notices) io.stderr(`minutes-check: ${notice}\n`)
    if (unmatched.length > 0) {
      // A path the user named and we did not check is a usage problem, not "no problems".
      if (report.files.length > 0) io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report))
      io.stderr(`minutes-check: ${describeUnmatched(unmatched)}\n`)
      return 2
    }
    io.stdout(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report))
    return reachesFailOn(report, options.failOn) ? 1 : 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`minutes-check: ${error.message}\n\n${USAGE}`)
      return 2
    }
    if (error instanceof ConfigError) {
      io.stderr(`minutes-check: ${error.message}\n`)
      return 2
    }
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? (error as Error).message : String(error)
    io.stderr(`minutes-check: ${reason}\n`)
    return 2
  }
}

function toRootRelative(pattern: string, cwd: string, root: string): string {
  const absolute = resolve(cwd, pattern)
  const fromRoot = relative(root, absolute)
  if (fromRoot.startsWith('..')) return pattern
  return fromRoot.split(sep).join('/')
}
