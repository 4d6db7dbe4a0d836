import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { WarmWorkers } from '../check/check-pool.js'
import { DEFAULT_CONFIG_PATH } from '../constants.js'
import { configDocument } from '../init/config-document.js'
import { configSupport } from '../init/config-support.js'
import { describeInference } from '../init/describe-inference.js'
import { inferConfiguration, type InitInput } from '../init/infer-config.js'
import { previewCheck } from '../init/preview.js'
import { readLayout } from '../init/read-layout.js'
import { localReader } from '../read/local-reader.js'
import type { CliIO } from './main.js'
import { UsageError, parseOptions } from './parse-cli-args.js'

export const INIT_USAGE = `Usage: minutes-check init [--root DIR] [--write | --dry-run] [--force]

Scans a repository of Markdown minutes and writes .github/minutes.yml fitted to it: the
folders that hold dated minutes and their file-name patterns (year folders as YYYY), a
profile per kind of meeting, where the date stands, the sections 95 % of the files keep
(and those it leaves optional), the minute-taker label, the team folders headings name,
the action-item markers, list labels and names the minutes use, and actionItems.since (the
newest meeting). Prints what it inferred and how many findings the current tree gets under it.

Options:
  --root DIR     repository root (default: the current folder)
  --write        write .github/minutes.yml (the default)
  --dry-run      print the configuration instead of writing it
  --force        overwrite an existing .github/minutes.yml (or .yaml)
  -h, --help     show this help
`

/** Configuration files a repository may already have; `init` never overwrites one without --force. */
const CONFIG_FILES = [DEFAULT_CONFIG_PATH, '.github/minutes.yaml']

/** Runs `minutes-check init`: 0 written (or printed), 2 usage error or an existing configuration. */
export async function runInit(argv: string[], io: CliIO): Promise<number> {
  const options = parseInitArgs(argv)
  if (options.help) {
    io.stdout(INIT_USAGE)
    return 0
  }
  const root = resolve(io.cwd, options.root ?? '.')
  const reader = localReader(root)
  const paths = await reader.listFiles()
  const existing = CONFIG_FILES.find((path) => paths.includes(path))
  if (existing && !options.force && !options.dryRun) {
    io.stderr(`minutes-check init: ${existing} exists; run with --force to replace it, or --dry-run to see the inferred configuration.\n`)
    return 2
  }
  const markdown = paths.filter((candidate) => /\.md$/i.test(candidate))
  // Each file parsed once, on every core (issue 22): the same workers read the layout and
  // keep the trees, then check them under the inferred configuration. They load their
  // bundle while this thread reads the files.
  const workerScript = io.workerScript ?? null
  const warm = workerScript && markdown.length > 2 ? new WarmWorkers(workerScript, Math.min(availableParallelism(), markdown.length)) : null
  let summary: string
  let text: string
  try {
    const files = new Map<string, Uint8Array>()
    for (const path of markdown) {
      const content = await reader.readFile(path)
      if (content) files.set(path, content)
    }
    const input: InitInput = { paths, files, repositoryHint: await reader.repositoryHint() }
    const support = configSupport()
    const inference = inferConfiguration(input, support, await readLayout(input, workerScript, warm))
    text = configDocument(inference, support)
    summary = describeInference(inference, await previewCheck(input, text, workerScript, warm), support)
  } finally {
    warm?.release()
  }
  if (options.dryRun) {
    // The configuration on stdout (to redirect), what was inferred on stderr.
    io.stdout(text)
    io.stderr(summary)
    return 0
  }
  const target = existing ?? DEFAULT_CONFIG_PATH
  await mkdir(dirname(join(root, target)), { recursive: true })
  await writeFile(join(root, target), text)
  io.stdout(`${summary}Wrote ${target}.\n`)
  return 0
}

interface InitOptions {
  root: string | undefined
  dryRun: boolean
  force: boolean
  help: boolean
}

function parseInitArgs(argv: string[]): InitOptions {
  const { values } = parseOptions(
    argv,
    {
      root: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    false,
  )
  if (values.write && values['dry-run']) throw new UsageError('--write and --dry-run exclude each other')
  return { root: values.root, dryRun: values['dry-run'] ?? false, force: values.force ?? false, help: values.help ?? false }
}
