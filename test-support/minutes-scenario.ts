import { join } from 'node:path'
import { createGitHubSim, type GitHubSim, type LabelSeed } from './github-sim/index.js'
import { type PushPayload, pullRequestEvent, pushEvent, scheduleEvent, workflowDispatchEvent } from './events.js'
import { PROJECT_ROOT } from './project-root.js'
import { runAction, type ActionRun } from './run-action.js'
import { readTree, removeWorkspace, writeWorkspace, type CommitTree, type FileTree } from './workspace.js'

/** Our own example minutes repository (examples/minutes-repo): the demo's and the e2e tests' data. */
export const EXAMPLE_TREE: FileTree = readTree(join(PROJECT_ROOT, 'examples', 'minutes-repo'))
export const REPO = { owner: 'acme', name: 'minutes' }
export const FULL_NAME = `${REPO.owner}/${REPO.name}`
/** The week the example PR adds. */
export const WEEKLY = 'community-call/20261119.md'
export const BASE_SHA = 'a'.repeat(40)
export const HEAD_SHA = 'b'.repeat(40)
export const PR_NUMBER = 7
/** Owners the repository can assign; erin is a guest who cannot be. */
export const ASSIGNABLE = ['alice', 'bob', 'carol', 'dave']
/** Waits of the GitHub client scaled down: the simulation is not GitHub. */
export const TIME_SCALE = '0.001'

/** The example tree before the PR: everything but the week it adds. */
export function baseTree<Tree extends CommitTree = FileTree>(tree: Tree = EXAMPLE_TREE as Tree, added: readonly string[] = [WEEKLY]): Tree {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !added.includes(path))) as Tree
}

/** A simulated repository whose main holds `base` and whose PR #7 proposes `head`. */
export async function startMinutesRepo(head: CommitTree = EXAMPLE_TREE, base: CommitTree = baseTree(head), options: { validateResponses?: boolean; actor?: string; labels?: LabelSeed[] } = {}): Promise<GitHubSim> {
  const sim = await createGitHubSim({
    ...options,
    repo: { owner: REPO.owner, name: REPO.name },
    assignees: ASSIGNABLE,
    commits: { [BASE_SHA]: base, [HEAD_SHA]: head },
    branches: { main: BASE_SHA, 'minutes-20261119': HEAD_SHA },
  })
  sim.addPullRequest({ number: PR_NUMBER, title: 'Minutes of 2026-11-19', head: { sha: HEAD_SHA, ref: 'minutes-20261119' }, base: { sha: BASE_SHA, ref: 'main' } })
  return sim
}

export interface ScenarioRun {
  sim: GitHubSim
  /** The files of the checkout (symbolic links as links): written to a fresh workspace for the run, removed after. */
  files: CommitTree
  inputs?: Record<string, string>
  /** Extra environment variables for the run (e.g. `RUNNER_TEMP`). */
  env?: Record<string, string>
  /** Called with the workspace and the run's result after the run, before the workspace is removed: to read what the run wrote there. */
  inspect?: (workspace: string, run: ActionRun) => Promise<void>
}

/** Runs the bundled action for PR #7, as `pull_request` (workspace = checkout of the head) or `pull_request_target`. */
export function runOnPullRequest(run: ScenarioRun & { eventName?: 'pull_request' | 'pull_request_target'; fork?: boolean }): Promise<ActionRun> {
  const name = run.eventName ?? 'pull_request'
  const payload = pullRequestEvent({
    action: 'synchronize',
    repo: REPO,
    number: PR_NUMBER,
    head: { sha: HEAD_SHA, ref: 'minutes-20261119' },
    base: { sha: BASE_SHA, ref: 'main' },
    fork: run.fork ?? false,
  })
  // pull_request_target checks out the base branch, never the PR.
  const files = name === 'pull_request_target' ? baseTree(run.files) : run.files
  return runInWorkspace({ ...run, files }, { name, payload }, HEAD_SHA, `refs/pull/${PR_NUMBER}/merge`)
}

/**
 * Runs the bundled action for the push that merges `files` into main (the push lists
 * `changed` as added and `removed` as removed); `edit` may change the payload (e.g. `forced`).
 */
export function runOnPush(run: ScenarioRun & { sha: string; changed: string[]; removed?: string[]; edit?: (payload: PushPayload) => void }): Promise<ActionRun> {
  const payload = pushEvent({ repo: REPO, ref: 'refs/heads/main', before: BASE_SHA, after: run.sha })
  payload.commits = payload.commits.slice(0, 1).map((commit) => ({ ...commit, id: run.sha, added: run.changed, modified: [], removed: run.removed ?? [] }))
  run.edit?.(payload)
  return runInWorkspace(run, { name: 'push', payload }, run.sha, 'refs/heads/main')
}

/** Runs the bundled action by hand (workflow_dispatch) on main. */
export function runOnDispatch(run: ScenarioRun & { sha: string }): Promise<ActionRun> {
  const payload = workflowDispatchEvent({ repo: REPO, ref: 'refs/heads/main' })
  return runInWorkspace(run, { name: 'workflow_dispatch', payload }, run.sha, 'refs/heads/main')
}

/** Runs the bundled action on a timetable (`schedule`) on main; `today` is the run's day (MINUTES_AUTOMATION_TODAY). */
export function runOnSchedule(run: ScenarioRun & { sha: string; today: string }): Promise<ActionRun> {
  return runInWorkspace({ ...run, env: { MINUTES_AUTOMATION_TODAY: run.today, ...run.env } }, { name: 'schedule', payload: scheduleEvent('0 6 * * 1') }, run.sha, 'refs/heads/main')
}

async function runInWorkspace(run: ScenarioRun, event: { name: string; payload: unknown }, sha: string, ref: string): Promise<ActionRun> {
  const workspace = await writeWorkspace(run.files)
  try {
    const env = { MINUTES_AUTOMATION_TIME_SCALE: TIME_SCALE, ...run.env }
    const result = await runAction({ sim: run.sim, workspace, event, inputs: run.inputs, env, repository: FULL_NAME, sha, ref })
    await run.inspect?.(workspace, result)
    return result
  } finally {
    await removeWorkspace(workspace)
  }
}

/** `METHOD /path?query` of each request, for exact assertions on what the action sent. */
export function requestLines(sim: GitHubSim): string[] {
  return sim.requests.map((request) => {
    const pairs = Object.entries(request.query).flatMap(([key, value]): Array<[string, string]> => (Array.isArray(value) ? value.map((each): [string, string] => [key, each]) : [[key, value]]))
    const query = new URLSearchParams(pairs).toString()
    return `${request.method} ${request.path}${query ? `?${query}` : ''} → ${request.status}`
  })
}

/** Inputs for runs whose tests count the action-item issues alone: the dashboard those runs keep has its own tests (dashboard.test.ts). */
export const NO_DASHBOARD = { dashboard: 'false' }
