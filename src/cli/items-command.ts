import { resolve } from 'node:path'
import { checkWorkspace } from '../check/check-repository.js'
import { openItemsOfMinutes } from '../plan/item-history.js'
import { groupByOwner, renderOpenItems } from '../render/dashboard.js'
import type { CliIO } from './main.js'
import { UsageError, parseOptions } from './parse-cli-args.js'

export const ITEMS_USAGE = `Usage: minutes-check items [--root DIR] [--config FILE] [--format markdown|json]

Prints the open action items of the repository's minutes: each item the newest meeting that
lists it does not mark done, grouped by owner (then the items nobody owns), oldest first,
with its series, the meeting that first wrote it down, its due date (overdue marked) and how
many meetings listed it. The same view as the action's dashboard issue, without issue numbers.

Options:
  --root DIR                 repository root (default: the current folder)
  --config FILE              configuration file (default: ROOT/.github/minutes.yml or .yaml if present)
  --format markdown|json     output format (default: markdown)
  -h, --help                 show this help
`

/** Runs `minutes-check items`: 0 printed, 2 usage or configuration error (thrown to `runCli`). */
export async function runItems(argv: string[], io: CliIO): Promise<number> {
  const options = parseItemsArgs(argv)
  if (options.help) {
    io.stdout(ITEMS_USAGE)
    return 0
  }
  const root = resolve(io.cwd, options.root ?? '.')
  // Its notices are about checking links, which `items` does not report: not printed.
  const { report } = await checkWorkspace({
    root,
    configPath: options.config ? resolve(io.cwd, options.config) : null,
    patterns: [],
    repository: null,
    workerScript: io.workerScript ?? null,
    jobs: null,
  })
  // Links relative to the root: the files as they are in the working copy.
  const items = openItemsOfMinutes(report, (path, line) => `${encodeURI(path)}#L${line}`)
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ version: 1, total: items.length, groups: groupByOwner(items) }, null, 2)}\n`)
    return 0
  }
  const today = new Date().toISOString().slice(0, 10)
  io.stdout(`# Open action items\n\n${renderOpenItems(items, { today, limit: Number.POSITIVE_INFINITY, search: null })}`)
  return 0
}

function parseItemsArgs(argv: string[]): { root?: string; config?: string; format: 'markdown' | 'json'; help: boolean } {
  const { values } = parseOptions(
    argv,
    {
      root: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    false,
  )
  const format = values.format
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be markdown or json, not “${format}”`)
  return { root: values.root, config: values.config, format, help: values.help ?? false }
}
