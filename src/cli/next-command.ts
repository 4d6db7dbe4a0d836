import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { loadRepositoryConfig } from '../check/check-repository.js'
import { prepareFromRepository, type NextMeetingResult } from '../next/next-meeting-files.js'
import { localReader } from '../read/local-reader.js'
import { isCalendarDate } from '../repo/dates.js'
import { plural } from '../report/findings.js'
import type { CliIO } from './main.js'
import { UsageError, parseOptions } from './parse-cli-args.js'

export const NEXT_USAGE = `Usage: minutes-check next SERIES [--date YYYY-MM-DD] [--print] [--root DIR] [--config FILE]
                          [--repository OWNER/REPO]

Writes the next meeting's minutes of a dated series (its folder, e.g. community-call, or one
of its files) and prints the new file's path: named and titled as the series does, with the
headings its recent meetings share (or the series' template.md), the minute-taker line left
for a name, each team's newest minutes linked, and the open action items of the previous
meeting listed under the series' heading for them (else "Open action items"). Only the
previous meeting's: \`minutes-check items\` lists the open items of every meeting (the
action's prepare-next carries the series' open action-item issues).

Options:
  --date YYYY-MM-DD          the meeting day (default: the next on the series' cadence, not before today)
  --print                    print the file instead of writing it
  --root DIR                 repository root (default: the current folder)
  --config FILE              configuration file (default: ROOT/.github/minutes.yml or .yaml if present)
  --repository OWNER/REPO    repository whose issues carry the agenda label (default: the config's)
  -h, --help                 show this help

With GITHUB_TOKEN set, a profile's agendaLabel lists the open issues and pull requests
carrying it under the agenda heading. An existing file is never overwritten (exit 2); with
--print the prepared file is printed all the same, and stderr says the day's file exists.
`

interface NextOptions {
  series: string | null
  date: string | null
  print: boolean
  root: string
  config: string | null
  repository: string | null
  help: boolean
}

/** Runs `minutes-check next`: 0 written (or printed), 2 usage error, unknown series or an existing file. */
export async function runNext(argv: string[], io: CliIO): Promise<number> {
  const options = parseNextArgs(argv, io.cwd)
  if (options.help) {
    io.stdout(NEXT_USAGE)
    return 0
  }
  if (options.series === null) throw new UsageError('name the series: its folder (community-call) or one of its files')
  const root = resolve(io.cwd, options.root)
  const reader = localReader(root)
  const config = await loadRepositoryConfig(reader, options.config && resolve(io.cwd, options.config))
  const env = io.env ?? {}
  const token = env.GITHUB_TOKEN ?? ''
  const repository = options.repository ?? config.repository
  const result = await prepareFromRepository(reader, config, {
    series: options.series,
    date: options.date,
    today: io.today?.() ?? new Date().toISOString().slice(0, 10),
    openItems: null,
    agenda:
      token !== '' && repository !== null
        ? async (label) => {
            // Loaded only when asked: octokit would double the CLI bundle every other command loads.
            const [{ createGitHubClient }, { listAgendaEntries }] = await Promise.all([import('../github/client.js'), import('../github/agenda-issues.js')])
            const [owner = '', repo = ''] = repository.split('/')
            const { client } = createGitHubClient({ token, baseUrl: env.GITHUB_API_URL || 'https://api.github.com', warn: (message) => io.stderr(`minutes-check: ${message}\n`) })
            return listAgendaEntries(client, { owner, repo }, label)
          }
        : null,
  })
  if (result.agendaLabel !== null && (token === '' || repository === null)) {
    io.stderr(`minutes-check: the agenda (issues labelled “${result.agendaLabel}”) is left out: ${token === '' ? 'set GITHUB_TOKEN to list them' : 'name the repository (--repository or `repository:` in the configuration)'}.\n`)
  }
  if (options.print) {
    io.stdout(result.content)
    // Printed all the same (nothing is written), but it is not that meeting's minutes.
    if (result.exists && !result.updatesFile) io.stderr(`minutes-check: ${result.path} already exists: the printed file is what \`next\` would have written, not the meeting's minutes.\n`)
    sayWhereItemsCameFrom(result, io)
    return 0
  }
  if (result.exists && !result.updatesFile) {
    io.stderr(`minutes-check: ${result.path} exists; it is not overwritten (name another day with --date, or --print to see the prepared file).\n`)
    return 2
  }
  const target = join(root, ...result.path.split('/'))
  await mkdir(dirname(target), { recursive: true })
  // `wx`: never replace a file that appeared since the listing (a running file gets a new section: it is rewritten).
  await writeFile(target, result.content, { flag: result.updatesFile ? 'w' : 'wx' })
  io.stdout(`${result.path}\n`)
  sayWhereItemsCameFrom(result, io)
  return 0
}

/**
 * Offline, the open items carried are the previous meeting's alone (issue 19), while
 * \`minutes-check items\` lists those of every meeting: the note says which, and where the rest are.
 */
function sayWhereItemsCameFrom(result: NextMeetingResult, io: CliIO): void {
  const from = result.carriedFrom
  if (from === null) return
  const meeting = result.updatesFile ? `${from.path}, ${from.date}` : from.path
  io.stderr(
    `minutes-check: ${plural(result.carried.length, 'open action item')} carried over from the previous meeting (${meeting}). Open items of earlier meetings are not carried; \`minutes-check items\` lists every open item of the minutes.\n`,
  )
}

function parseNextArgs(argv: string[], cwd: string): NextOptions {
  const { values, positionals } = parseOptions(
    argv,
    {
      date: { type: 'string' },
      print: { type: 'boolean', default: false },
      root: { type: 'string' },
      config: { type: 'string' },
      repository: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  )
  if (positionals.length > 1) throw new UsageError(`name one series, not ${positionals.length}`)
  const date = values.date ?? null
  if (date !== null && !isCalendarDate(date)) throw new UsageError(`--date must be a day written YYYY-MM-DD, not “${date}”`)
  const repository = values.repository ?? null
  if (repository !== null && !/^[\w.-]+\/[\w.-]+$/u.test(repository)) throw new UsageError(`--repository must be OWNER/REPO, not “${repository}”`)
  return { series: positionals[0] ?? null, date, print: values.print ?? false, root: values.root ?? cwd, config: values.config ?? null, repository, help: values.help ?? false }
}
