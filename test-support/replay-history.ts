import { lstatSync, readdirSync, readFileSync, readlinkSync, existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { parseDocument } from 'yaml'
import { extractActionItems } from '../src/action-items/index.js'
import { parseMarkdown } from '../src/parse/parse-markdown.js'
import { pushEvent } from './events.js'
import { createGitHubSim, symlink, type GitHubSim } from './github-sim/index.js'
import type { SimIssue } from './github-sim/types.js'
import { FULL_NAME, REPO, TIME_SCALE, requestLines } from './minutes-scenario.js'
import { PROJECT_ROOT } from './project-root.js'
import { runAction } from './run-action.js'
import { removeWorkspace, writeWorkspace, type CommitTree } from './workspace.js'

/**
 * A replay of a minutes repository's history against the bundled action: the repository
 * starts with a configuration (and, optionally, the meetings already there when the action
 * was switched on), then every later meeting file is merged to main by a push of its own, in
 * date order, on the simulation of GitHub. What a maintainer would then see is read back:
 * the issues, how each was closed, the dashboard, the requests.
 */

/** One meeting file: its path in the repository, its date, and its content (or a symbolic link). */
export interface MeetingFile {
  path: string
  date: string
  content: string | { symlink: string }
}

/** A folder of `YYYYMMDD*.md` files is a series named by the folder; a folder of such folders, several. */
export function readSeries(folders: readonly string[]): MeetingFile[] {
  const files: MeetingFile[] = []
  for (const folder of folders) {
    const entries = readdirSync(folder, { withFileTypes: true })
    const own = entries.filter((entry) => !entry.isDirectory() && /^\d{8}.*\.md$/u.test(entry.name))
    if (own.length === 0) {
      for (const entry of entries) if (entry.isDirectory()) files.push(...readSeries([join(folder, entry.name)]))
      continue
    }
    for (const entry of own) {
      const full = join(folder, entry.name)
      const name = basename(folder)
      const date = `${entry.name.slice(0, 4)}-${entry.name.slice(4, 6)}-${entry.name.slice(6, 8)}`
      const content = lstatSync(full).isSymbolicLink() ? symlink(readlinkSync(full)) : readFileSync(full, 'utf8')
      files.push({ path: `${name}/${entry.name}`, date, content })
    }
  }
  return files.sort((a, b) => (a.date === b.date ? (a.path < b.path ? -1 : 1) : a.date < b.date ? -1 : 1))
}

/** Where `minutes-check init` writes its configuration. */
export const CONFIG_PATH = '.github/minutes.yml'

/**
 * The configuration `minutes-check init` (the bundled CLI) writes for `files`, as the
 * repository held them when the action was switched on; `since: false` drops
 * `actionItems.since` (every item counts), keeping the rest.
 */
export async function initConfig(files: readonly MeetingFile[], options: { since: boolean }): Promise<string> {
  const dir = await writeWorkspace(treeOf(files))
  try {
    const cli = join(PROJECT_ROOT, 'dist', 'cli', 'index.js')
    const run = spawnSync(process.execPath, [cli, 'init', '--root', dir], { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`minutes-check init failed:\n${run.stdout}\n${run.stderr}`)
    const document = parseDocument(await readFile(join(dir, CONFIG_PATH), 'utf8'))
    if (!options.since) document.deleteIn(['actionItems', 'since'])
    return document.toString()
  } finally {
    await removeWorkspace(dir)
  }
}

export function treeOf(files: readonly MeetingFile[]): CommitTree {
  return Object.fromEntries(files.map((file) => [file.path, file.content]))
}

export interface ReplayOptions {
  /** Every meeting, in date order. */
  files: readonly MeetingFile[]
  /** The first `switchOnAfter` files are in the repository before the first push (and not pushed). Default 0. */
  switchOnAfter?: number
  /** `.github/minutes.yml` of the repository. */
  config: string
  /** Inputs of the action beyond its defaults (`fail-on: never` is always set: the replay is about issues). */
  inputs?: Record<string, string>
  /** Called after each push, e.g. to show progress. */
  onPush?: (push: PushRecord) => void
}

/** One push of the replay. */
export interface PushRecord {
  path: string
  /** The commit the push made: links in what it wrote point at it. */
  sha: string
  date: string
  requests: number
  /** `METHOD /path?query → status` of each request, in order. */
  requestLines: string[]
  created: number[]
  closed: number[]
  exitCode: number | null
  /** Warnings the run annotated (minutes findings excluded: they have a file). */
  warnings: string[]
}

/** How an issue was closed. */
export type CloseCause = 'done mark, matched by its words' | 'done mark on a line referencing the issue' | 'duplicate' | 'by hand'

export interface ReplayedIssue {
  number: number
  title: string
  state: 'open' | 'closed'
  series: string
  assignees: string[]
  body: string
  /** The push that created it. */
  createdBy: string
  closedBy: { path: string; cause: CloseCause } | null
}

export interface ReplayResult {
  pushes: PushRecord[]
  issues: ReplayedIssue[]
  dashboard: SimIssue | null
  violations: number
}

/** Owners named by any item of `files`: the repository's members, who can be assigned. */
export function ownersOf(files: readonly MeetingFile[]): string[] {
  const owners = new Set<string>()
  for (const file of files) {
    if (typeof file.content !== 'string') continue
    for (const item of extractActionItems(parseMarkdown(file.content))) for (const owner of item.owners) owners.add(owner)
  }
  return [...owners].sort()
}

const shaOf = (index: number): string => (index + 1).toString(16).padStart(40, '0')

/** Runs the replay; the simulation is closed at the end. */
export async function replayHistory(options: ReplayOptions): Promise<ReplayResult> {
  const switchOn = options.switchOnAfter ?? 0
  let clock = new Date(`${options.files[Math.max(0, switchOn - 1)]?.date ?? '2020-01-01'}T12:00:00Z`)
  const seeded = { [CONFIG_PATH]: options.config, ...treeOf(options.files.slice(0, switchOn)) }
  const sim = await createGitHubSim({
    repo: REPO,
    assignees: ownersOf(options.files),
    commits: { [shaOf(0)]: seeded },
    branches: { main: shaOf(0) },
    now: () => clock,
  })
  const pushes: PushRecord[] = []
  const createdBy = new Map<number, string>()
  const closedBy = new Map<number, { path: string; cause: CloseCause }>()
  try {
    let tree: CommitTree = seeded
    for (const [offset, file] of options.files.slice(switchOn).entries()) {
      const before = shaOf(offset)
      const after = shaOf(offset + 1)
      tree = { ...tree, [file.path]: file.content }
      sim.addCommit(after, tree)
      sim.state.branches.main = after
      clock = new Date(`${file.date}T12:00:00Z`)
      const payload = pushEvent({ repo: REPO, ref: 'refs/heads/main', before, after })
      payload.commits = payload.commits.slice(0, 1).map((commit) => ({ ...commit, id: after, added: [file.path], modified: [], removed: [] }))
      payload.head_commit = payload.commits[0] ?? null
      const workspace = await writeWorkspace(tree)
      try {
        const run = await runAction({
          sim,
          workspace,
          event: { name: 'push', payload },
          inputs: { 'fail-on': 'never', ...options.inputs },
          env: { MINUTES_AUTOMATION_TIME_SCALE: TIME_SCALE, MINUTES_AUTOMATION_TODAY: file.date },
          repository: FULL_NAME,
          sha: after,
          ref: 'refs/heads/main',
          timeoutMs: 120_000,
        })
        const created = JSON.parse(run.outputs['created-issues'] ?? '[]') as number[]
        const closed = JSON.parse(run.outputs['closed-issues'] ?? '[]') as number[]
        for (const number of created) createdBy.set(number, file.path)
        const items = JSON.parse(run.outputs['action-items'] ?? '[]') as Array<{ done: boolean; references?: Array<{ number: number | null }> }>
        for (const number of closed) closedBy.set(number, { path: file.path, cause: closeCause(number, items, sim) })
        const record: PushRecord = {
          path: file.path,
          sha: after,
          date: file.date,
          requests: sim.requests.length,
          requestLines: requestLines(sim),
          created,
          closed,
          exitCode: run.exitCode,
          warnings: run.annotations.filter((annotation) => annotation.level === 'warning' && annotation.file === undefined).map((annotation) => annotation.message),
        }
        pushes.push(record)
        options.onPush?.(record)
      } finally {
        await removeWorkspace(workspace)
      }
      sim.reset()
    }
    const issues = sim.state.issues
      .filter((issue) => issue.labels.includes('action-item'))
      .map((issue): ReplayedIssue => ({
        number: issue.number,
        title: issue.title,
        state: issue.state,
        series: /^\[([^\]]+)\]/u.exec(issue.title)?.[1] ?? '',
        assignees: issue.assignees,
        body: issue.body ?? '',
        createdBy: createdBy.get(issue.number) ?? '',
        closedBy: issue.state === 'closed' ? (closedBy.get(issue.number) ?? { path: '', cause: 'by hand' }) : null,
      }))
    const dashboard = sim.state.issues.find((issue) => issue.labels.includes('minutes-dashboard')) ?? null
    return { pushes, issues, dashboard, violations: sim.violations.length }
  } finally {
    await sim.close()
  }
}

/** A close is a duplicate's when the issue got the duplicate comment; else by reference when a done item of the push references it. */
function closeCause(number: number, items: ReadonlyArray<{ done: boolean; references?: Array<{ number: number | null }> }>, sim: GitHubSim): CloseCause {
  const comments = sim.state.comments.filter((comment) => comment.issue_number === number)
  if (comments.some((comment) => comment.body.startsWith('Duplicate of #'))) return 'duplicate'
  const referenced = items.some((item) => item.done && (item.references ?? []).some((reference) => reference.number === number))
  return referenced ? 'done mark on a line referencing the issue' : 'done mark, matched by its words'
}

/** Whether the shared real fixtures are beside this checkout. */
export function fixturesPresent(folder: string): boolean {
  return existsSync(folder)
}
