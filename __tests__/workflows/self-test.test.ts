import { afterEach, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { pullRequestEvent, pushEvent } from '../../test-support/events.js'
import { createGitHubSim, type GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, TIME_SCALE } from '../../test-support/minutes-scenario.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'
import { runAction, type ActionRun } from '../../test-support/run-action.js'
import { readTree } from '../../test-support/workspace.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'

// Runs the jobs of .github/workflows/self-test.yml here, step by step, as the runner would:
// the checkout is a copy of this project, `run:` steps run in bash with their `env:` (step
// outputs substituted), and `uses: ./` runs the checkout's action.yml + dist/index.js through
// test-support/run-action.ts with the step's `with:` against the GitHub simulation. So the
// workflow's own assertions are what this test asserts, and they are shown to be able to fail.

interface Step {
  id?: string
  name?: string
  uses?: string
  with?: Record<string, string | number | boolean>
  run?: string
  env?: Record<string, string>
}
interface Job {
  if?: string
  env?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, Job>
}

const workflow = parseYaml(readFileSync(join(PROJECT_ROOT, '.github/workflows/self-test.yml'), 'utf8')) as Workflow
const actionInputs = Object.keys((parseYaml(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs)

const undeclared = (job: Job) => job.steps.flatMap((step) => (step.uses === './' ? Object.keys(step.with ?? {}) : [])).filter((name) => !actionInputs.includes(name))
const jobs = Object.entries(workflow.jobs)

// This project's repository as GitHub would hold it; the change under test touches its README
// (a pull request to this project rarely touches the example minutes).
const OWNER = 'minutes-automation'
const NAME = 'minutes-automation'
const BASE_SHA = '1'.repeat(40)
const HEAD_SHA = '2'.repeat(40)
const PR_NUMBER = 12
const BASE_TREE = { 'README.md': '# minutes-automation\n' }
const HEAD_TREE = { 'README.md': '# minutes-automation\n\nA change to the docs.\n' }

/** The event a job runs on, from its `if: github.event_name == '…'`. */
function eventOf(job: Job): string {
  const match = /^github\.event_name == '([a-z_]+)'$/.exec(job.if ?? '')
  if (!match?.[1]) throw new Error(`a self-test job needs \`if: github.event_name == '…'\`, not ${JSON.stringify(job.if)}`)
  return match[1]
}

function eventRun(name: string): { event: { name: string; payload: unknown }; sha: string; ref: string } {
  const repo = { owner: OWNER, name: NAME }
  if (name === 'pull_request') {
    const payload = pullRequestEvent({ action: 'synchronize', repo, number: PR_NUMBER, head: { sha: HEAD_SHA, ref: 'docs' }, base: { sha: BASE_SHA, ref: 'main' } })
    return { event: { name, payload }, sha: `${'3'.repeat(40)}`, ref: `refs/pull/${PR_NUMBER}/merge` }
  }
  if (name === 'push') {
    const payload = pushEvent({ repo, ref: 'refs/heads/main', before: BASE_SHA, after: HEAD_SHA })
    payload.commits = payload.commits.slice(0, 1).map((commit) => ({ ...commit, id: HEAD_SHA, added: [], modified: ['README.md'], removed: [] }))
    return { event: { name, payload }, sha: HEAD_SHA, ref: 'refs/heads/main' }
  }
  throw new Error(`no simulated ${name} event`)
}

/** What `actions/checkout` leaves: this project's files (the parts the steps touch, and some others). */
function checkout(workspace: string): void {
  for (const path of ['action.yml', 'dist', 'examples', 'README.md', 'docs', 'src/index.ts', 'schemas']) {
    cpSync(join(PROJECT_ROOT, path), join(workspace, path), { recursive: true })
  }
  mkdirSync(join(workspace, '.git'))
  writeFileSync(join(workspace, '.git', 'HEAD'), 'ref: refs/heads/main\n')
}

/** `${{ steps.ID.outputs.NAME }}` replaced by the output; any other expression is not supported here. */
function substitute(value: string, outputs: Record<string, Record<string, string>>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (expression, inner: string) => {
    const match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(inner)
    if (!match?.[1] || !match[2]) throw new Error(`this test cannot evaluate ${expression}`)
    return outputs[match[1]]?.[match[2]] ?? ''
  })
}

/** A `run:` step as the runner runs it with `shell: bash` (the default on Linux). */
function runShell(step: Step, workspace: string, runnerTemp: string, outputs: Record<string, Record<string, string>>) {
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(String(value), outputs)]))
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], {
    cwd: workspace,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: workspace, ...env },
  })
}

let sim: GitHubSim | undefined
const temps: string[] = []
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending, { checkComments: false })
  for (const temp of temps.splice(0)) rmSync(temp, { recursive: true, force: true })
})

describe('.github/workflows/self-test.yml, run locally', () => {
  test('has a job for pull_request and one for push, both of which the workflow triggers on', () => {
    expect(Object.values(workflow.jobs).map(eventOf).sort()).toEqual(['pull_request', 'push'])
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push'])
  })

  test('every input the jobs give the action is declared in action.yml', () => {
    expect(jobs.flatMap(([, job]) => undeclared(job))).toEqual([])
  })

  test.each(jobs)('job %s: its steps pass, and its assertions can fail', async (_id, job) => {
    const { event, sha, ref } = eventRun(eventOf(job))
    sim = await createGitHubSim({
      repo: { owner: OWNER, name: NAME },
      commits: { [BASE_SHA]: BASE_TREE, [HEAD_SHA]: HEAD_TREE },
      branches: { main: BASE_SHA, docs: HEAD_SHA },
    })
    sim.addPullRequest({ number: PR_NUMBER, title: 'Docs', head: { sha: HEAD_SHA, ref: 'docs' }, base: { sha: BASE_SHA, ref: 'main' } })
    const workspace = mkdtempSync(join(tmpdir(), 'self-test-workspace-'))
    const runnerTemp = mkdtempSync(join(tmpdir(), 'self-test-runner-temp-'))
    temps.push(workspace, runnerTemp)

    const outputs: Record<string, Record<string, string>> = {}
    let actionRun: ActionRun | undefined
    let lastShellStep: Step | undefined
    for (const step of job.steps) {
      if (step.uses?.startsWith('actions/checkout@')) {
        checkout(workspace)
      } else if (step.uses === './') {
        // The workspace the action sees is the example repository, with the action beside it.
        const { 'action.yml': metadata, ...rest } = readTree(workspace)
        expect(metadata).toBe(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8'))
        expect(Object.fromEntries(Object.entries(rest).filter(([path]) => !path.startsWith('dist/')))).toEqual(EXAMPLE_TREE)
        const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, String(value)]))
        actionRun = await runAction({
          sim,
          workspace,
          entry: join(workspace, 'dist', 'index.js'),
          metadata: join(workspace, 'action.yml'),
          event,
          inputs,
          env: { MINUTES_AUTOMATION_TIME_SCALE: TIME_SCALE },
          repository: `${OWNER}/${NAME}`,
          sha,
          ref,
        })
        expect({ exitCode: actionRun.exitCode, stderr: actionRun.stderr }).toEqual({ exitCode: 0, stderr: '' })
        if (step.id) outputs[step.id] = actionRun.outputs
      } else if (step.run !== undefined) {
        const result = runShell(step, workspace, runnerTemp, outputs)
        expect({ step: step.name, status: result.status, output: result.stdout + result.stderr }).toEqual({ step: step.name, status: 0, output: result.stdout + result.stderr })
        lastShellStep = step
      } else {
        throw new Error(`this test cannot run the step ${JSON.stringify(step)}`)
      }
    }
    expect(actionRun).toBeDefined()
    // The dry run and the pull request write nothing into the repository.
    expect(sim.writes()).toEqual([])

    // The last step asserts the outputs: with one of them wrong it fails, naming it.
    const [stepId, real] = Object.entries(outputs)[0] ?? []
    expect(lastShellStep?.run).toContain('expect errors "$ERRORS" 1')
    const wrong = runShell(lastShellStep ?? {}, workspace, runnerTemp, { [stepId ?? '']: { ...real, errors: '0' } })
    expect({ status: wrong.status, stdout: wrong.stdout }).toEqual({ status: 1, stdout: "::error::errors is '0', expected '1'\n" })
  })
})
