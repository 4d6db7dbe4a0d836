import { realpath, stat } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { treeInThread } from '../check/check-in-thread.js'
import { loadRepositoryConfig } from '../check/check-repository.js'
import { describeUnmatched, selectFiles } from '../check/select-files.js'
import { selectProfile } from '../config/profiles.js'
import type { Config } from '../config/types.js'
import { externalPictures, missingCopies, type MissingCopy } from '../links/external-images.js'
import { frontMatterOf } from '../model/build-model.js'
import { localReader } from '../read/local-reader.js'
import { plural } from '../report/findings.js'
import { downloadPicture } from './download-picture.js'
import type { CliIO } from './main.js'
import { parseOptions } from './parse-cli-args.js'

export const FETCH_IMAGES_USAGE = `Usage: minutes-check fetch-images [PATHS or GLOBS...] [--root DIR] [--config FILE]

Downloads the pictures that rule external-image-copied finds without a copy: each picture on
a host of externalImages.hosts, linked from the minutes, is saved under its own name in the
minutes' folder (or externalImages.folder), one line per picture, then prints the git add
line. The only command that uses the network, and only for those pictures.

A picture is refused when it is larger than externalImages.maxBytes (10 MB by default), when
what arrives is not the picture type its name says, or when the server redirects to another
host. An existing file is never overwritten; nothing half-written is left behind.

Options:
  --root DIR     repository root (default: the current folder)
  --config FILE  configuration file (default: ROOT/.github/minutes.yml or .yaml if present)
  -h, --help     show this help

Exit codes: 0 every missing picture fetched (or none missing), 1 some could not be fetched
(each named with the reason), 2 usage or configuration error, or no hosts configured.
`

/** A copy to fetch: where it goes, from where, and the minutes that show it. */
interface Wanted extends MissingCopy {
  from: string
}

/** Runs `minutes-check fetch-images`. */
export async function runFetchImages(argv: string[], io: CliIO): Promise<number> {
  const options = parseFetchImagesArgs(argv)
  if (options.help) {
    io.stdout(FETCH_IMAGES_USAGE)
    return 0
  }
  const root = resolve(io.cwd, options.root ?? '.')
  const reader = localReader(root)
  const config = await loadRepositoryConfig(reader, options.config && resolve(io.cwd, options.config))
  if (config.externalImages.hosts.length === 0) {
    io.stderr('minutes-check fetch-images: no hosts to fetch pictures from; name them in the configuration (externalImages: {hosts: [pad.example.org]}).\n')
    return 2
  }
  const allPaths = await reader.listFiles()
  const patterns = options.patterns.map((pattern) => relative(root, resolve(io.cwd, pattern)).split('\\').join('/'))
  const selection = selectFiles(allPaths, patterns, config)
  if (selection.unmatched.length > 0) {
    io.stderr(`minutes-check fetch-images: ${describeUnmatched(selection.unmatched)}\n`)
    return 2
  }
  const wanted = await wantedCopies(selection.paths, new Set(allPaths), config, (path) => reader.readFile(path))
  if (wanted.length === 0) {
    io.stdout(`Every picture on ${config.externalImages.hosts.join(', ')} has its copy (${plural(selection.paths.length, 'file')} read).\n`)
    return 0
  }
  const realRoot = await realpath(root)
  const saved: string[] = []
  const failed: Array<{ copy: Wanted; reason: string }> = []
  for (const copy of wanted) {
    const target = join(root, ...copy.copyPath.split('/'))
    const result = (await isInside(realRoot, dirname(target)))
      ? await downloadPicture(copy.picture.url, target, { maxBytes: config.externalImages.maxBytes })
      : { ok: false as const, reason: 'its folder leads out of the repository' }
    if (result.ok) {
      saved.push(copy.copyPath)
      io.stdout(`${copy.copyPath} ← ${copy.picture.url}: saved (${plural(result.bytes, 'byte')})\n`)
    } else {
      failed.push({ copy, reason: result.reason })
      io.stdout(`${copy.copyPath} ← ${copy.picture.url}: not fetched: ${result.reason}\n`)
    }
  }
  if (saved.length > 0) io.stdout(`\nFetched ${saved.length} of ${plural(wanted.length, 'picture')}; add them:\n  git add -- ${saved.map(shellWord).join(' ')}\n`)
  if (failed.length === 0) return 0
  const lines = failed.map(({ copy, reason }) => `  ${copy.copyPath} (${copy.picture.url}, linked from ${copy.from}): ${reason}`)
  io.stderr(`minutes-check fetch-images: ${plural(failed.length, 'picture')} could not be fetched:\n${lines.join('\n')}\n`)
  return 1
}

/** The missing copies of the selected files whose profile runs the rule, each copy once. */
async function wantedCopies(paths: readonly string[], files: ReadonlySet<string>, config: Config, read: (path: string) => Promise<Uint8Array | null>): Promise<Wanted[]> {
  const wanted = new Map<string, Wanted>()
  for (const path of paths) {
    const content = await read(path)
    const tree = content === null ? null : treeInThread({ path, content }, { config })
    if (!tree) continue
    const level = selectProfile(path, frontMatterOf(tree), config)?.rules['external-image-copied']
    if (level === undefined || level === 'off') continue
    for (const missing of missingCopies(path, externalPictures(tree), config.externalImages, files)) {
      if (!wanted.has(missing.copyPath)) wanted.set(missing.copyPath, { ...missing, from: path })
    }
  }
  return [...wanted.values()]
}

/** Whether a folder (or, where it does not exist yet, its nearest existing parent) is really inside the root. */
async function isInside(realRoot: string, folder: string): Promise<boolean> {
  let existing = folder
  while (!(await stat(existing).then(
    () => true,
    () => false,
  ))) {
    existing = dirname(existing)
  }
  const inside = relative(realRoot, await realpath(existing))
  return !inside.startsWith('..') && !isAbsolute(inside)
}

/** A path as one shell word: quoted when it holds anything but letters, digits and `._/-`. */
function shellWord(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`
}

interface FetchImagesOptions {
  patterns: string[]
  root: string | undefined
  config: string | undefined
  help: boolean
}

function parseFetchImagesArgs(argv: string[]): FetchImagesOptions {
  const { values, positionals } = parseOptions(
    argv,
    {
      root: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  )
  return { patterns: positionals, root: values.root, config: values.config, help: values.help ?? false }
}
