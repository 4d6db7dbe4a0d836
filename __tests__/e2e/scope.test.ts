import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGitHubSim, type GitHubSim } from '../../test-support/github-sim/index.js'
import { workflowDispatchEvent } from '../../test-support/events.js'
import {
  BASE_SHA,
  EXAMPLE_TREE,
  HEAD_SHA,
  PR_NUMBER,
  TIME_SCALE,
  WEEKLY,
  baseTree,
  requestLines,
  runOnDispatch,
  runOnPullRequest,
  runOnPush,
  startMinutesRepo,
} from '../../test-support/minutes-scenario.js'
import { REAL_REPOSITORY } from '../../test-support/real-minutes.js'
import { REAL_SAMPLE, describeRealSample } from '../../test-support/real-sample.js'
import { runAction } from '../../test-support/run-action.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'

let sim: GitHubSim | undefined
const temps: string[] = []
afterEach(async () => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
  const ending = sim
  sim = undefined
  await closeSim(ending, { checkComments: false })
})

/** A runner temp folder that outlives the run, so the test can read the report file. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-runner-temp-'))
  temps.push(dir)
  return dir
}

/** The weekly of 2026-11-12 links these team minutes (line 11 and 19). */
const LINKED = 'platform/20261111.md'
const LINKING = 'community-call/20261112.md'
/** An old file with a broken link, on main before and after every change here. */
const OLD_BROKEN = 'sig-docs/20261110.md'
const OLD_BROKEN_TEXT = '# SIG Docs 2026-11-10\n\n- Draft in [the notes](notes.md).\n'
/** The example week, its broken link fixed: the file a clean push changes. */
const FIXED_WEEKLY = (EXAMPLE_TREE[WEEKLY] ?? '').replace('platform/20261117.md', 'platform/20261118.md')

const MAIN = { ...baseTree(), [OLD_BROKEN]: OLD_BROKEN_TEXT }
const errorsOf = (run: { annotations: Array<{ level: string; file?: string; line?: number; message: string }> }) =>
  run.annotations.filter((annotation) => annotation.level === 'error' && annotation.file).map(({ file, line, message }) => `${file}:${line} ${message}`)

describe('what a run checks, and what decides the step', () => {
  test('a PR that removes a linked file flags the weekly that links it (a file the PR does not touch)', async () => {
    const head = Object.fromEntries(Object.entries(MAIN).filter(([path]) => path !== LINKED))
    sim = await startMinutesRepo(head, MAIN)
    const run = await runOnPullRequest({ sim, files: head })

    expect(errorsOf(run)).toEqual([
      `${LINKING}:11 Cannot find \`${LINKED}\`; the nearest minutes in \`platform/\` are \`platform/20261118.md\` (7 days later).`
    ])
    expect(run.exitCode).toBe(1)
    expect(run.logLines).toContain(`Also checked, as they link to a file the change removed: ${LINKING}.`)
    expect(requestLines(sim).sort()).toEqual([
      `GET /repos/acme/minutes/issues/${PR_NUMBER}/comments?per_page=100 → 200`,
      `GET /repos/acme/minutes/pulls/${PR_NUMBER}/files?per_page=100 → 200`,
      `POST /repos/acme/minutes/issues/${PR_NUMBER}/comments → 201`,
    ])
    expect(sim.state.comments[0]?.body).toContain(LINKING)
  })

  test('pull_request_target: the files linking to a removed one are read through the API at the head', async () => {
    const head = Object.fromEntries(Object.entries(MAIN).filter(([path]) => path !== LINKED))
    sim = await startMinutesRepo(head, MAIN)
    const run = await runOnPullRequest({ sim, files: head, eventName: 'pull_request_target', inputs: { comment: 'false' } })

    expect(errorsOf(run)).toEqual([`${LINKING}:11 Cannot find \`${LINKED}\`; the nearest minutes in \`platform/\` are \`platform/20261118.md\` (7 days later).`])
    // The tree, the configuration (the base commit's), the PR's files, then every other Markdown file once (the
    // README too: its links are checked): read to find who links the removed file, and checked from that read.
    const contents = (path: string) => `GET /repos/acme/minutes/contents/${path}?ref=${HEAD_SHA} → 200`
    const others = Object.keys(head).filter((path) => path.endsWith('.md') && !path.startsWith('.github/'))
    expect(requestLines(sim).sort()).toEqual(
      [
        `GET /repos/acme/minutes/git/trees/${HEAD_SHA}?recursive=true → 200`,
        `GET /repos/acme/minutes/contents/.github/minutes.yml?ref=${BASE_SHA} → 200`,
        `GET /repos/acme/minutes/pulls/${PR_NUMBER}/files?per_page=100 → 200`,
        ...others.map(contents),
      ].sort(),
    )
  })

  test('a PR that changes no minutes: a notice, no comment, a green step', async () => {
    const head = { ...MAIN, 'scripts/tool.py': 'print("hello")\n' }
    sim = await startMinutesRepo(head, MAIN)
    const run = await runOnPullRequest({ sim, files: head })

    expect(run.exitCode).toBe(0)
    expect(run.annotations).toEqual([{ level: 'notice', message: `Pull request #${PR_NUMBER} changes no minutes files: nothing to check.` }])
    expect(requestLines(sim).sort()).toEqual([
      `GET /repos/acme/minutes/issues/${PR_NUMBER}/comments?per_page=100 → 200`,
      `GET /repos/acme/minutes/pulls/${PR_NUMBER}/files?per_page=100 → 200`,
    ])
    expect(sim.state.comments).toEqual([])
  })

  test('a push that changes one weekly is decided by that file: an old broken file elsewhere does not fail it', async () => {
    const head = { ...MAIN, [WEEKLY]: FIXED_WEEKLY }
    sim = await startMinutesRepo(head, MAIN)
    const run = await runOnPush({ sim, files: head, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'create-issues': 'never' } })

    expect(run.exitCode).toBe(0)
    expect(errorsOf(run)).toEqual([])
    expect(run.logLines).toContain('The push changes 1 file(s) and removes 0 (from its commits).')
    expect(run.logLines).toContain('Scope changed: 1 file(s) checked.')
    expect(requestLines(sim)).toEqual([])
    const findings = JSON.parse(run.outputs.findings ?? '{}') as { files: Array<{ path: string }> }
    expect(findings.files.map((file) => file.path)).toEqual([WEEKLY])
  })

  test('a `paths` pattern that matches no file of the repository is a warning naming it, not silence', async () => {
    const head = { ...MAIN, [WEEKLY]: FIXED_WEEKLY }
    sim = await startMinutesRepo(head, MAIN)
    const run = await runOnPush({ sim, files: head, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'create-issues': 'never', paths: 'meetings/*.md\ncommunity-call/*.md' } })

    expect(run.exitCode).toBe(0)
    expect(run.annotations.filter((annotation) => !('file' in annotation))).toEqual([
      { level: 'warning', message: 'The `paths` input names “meetings/*.md”, which matches no minutes file of the repository; check the workflow.' },
    ])
    expect(run.logLines).toContain('Scope changed: 1 file(s) checked.')
  })

  test('a push that removes a linked file is also decided by the files linking to it', async () => {
    const head = Object.fromEntries(Object.entries({ ...MAIN, [WEEKLY]: FIXED_WEEKLY }).filter(([path]) => path !== LINKED))
    sim = await startMinutesRepo(head, MAIN)
    const run = await runOnPush({ sim, files: head, sha: HEAD_SHA, changed: [WEEKLY], removed: [LINKED], inputs: { 'create-issues': 'never' } })

    expect(errorsOf(run)).toEqual([
      `${LINKING}:11 Cannot find \`${LINKED}\`; the nearest minutes in \`platform/\` are \`platform/20261118.md\` (7 days later).`
    ])
    expect(run.exitCode).toBe(1)
    expect(requestLines(sim)).toEqual([])
  })

  test('a forced push: exactly one compare request tells the changed files', async () => {
    const head = Object.fromEntries(Object.entries({ ...MAIN, [WEEKLY]: FIXED_WEEKLY }).filter(([path]) => path !== LINKED))
    sim = await startMinutesRepo(head, MAIN)
    const run = await runOnPush({
      sim,
      files: head,
      sha: HEAD_SHA,
      // What a forced push's payload may list: not the commits it replaced.
      changed: [],
      edit: (payload) => Object.assign(payload, { forced: true }),
      inputs: { 'create-issues': 'never' },
    })

    expect(requestLines(sim)).toEqual([`GET /repos/acme/minutes/compare/${BASE_SHA}...${HEAD_SHA} → 200`])
    expect(run.logLines).toContain(`The push changes 1 file(s) and removes 1 (compared ${BASE_SHA.slice(0, 7)}...${HEAD_SHA.slice(0, 7)}: a forced push).`)
    expect(errorsOf(run)).toEqual([
      `${LINKING}:11 Cannot find \`${LINKED}\`; the nearest minutes in \`platform/\` are \`platform/20261118.md\` (7 days later).`
    ])
    expect(run.exitCode).toBe(1)
    expect(run.logLines).toContain('GitHub API requests: 1.')
  })

  test('a push whose payload lists no commits asks the compare API once too', async () => {
    const head = { ...MAIN, [WEEKLY]: FIXED_WEEKLY }
    sim = await startMinutesRepo(head, MAIN)
    const run = await runOnPush({ sim, files: head, sha: HEAD_SHA, changed: [], edit: (payload) => Object.assign(payload, { commits: [] }), inputs: { 'create-issues': 'never' } })
    expect(requestLines(sim)).toEqual([`GET /repos/acme/minutes/compare/${BASE_SHA}...${HEAD_SHA} → 200`])
    expect(run.exitCode).toBe(0)
  })

  test('workflow_dispatch audits everything: the old broken file fails it', async () => {
    sim = await startMinutesRepo(MAIN, MAIN)
    const runnerTemp = tempDir()
    const run = await runOnDispatch({ sim, files: MAIN, sha: BASE_SHA, inputs: { 'create-issues': 'never' }, env: { RUNNER_TEMP: runnerTemp } })

    expect(errorsOf(run)).toEqual([`${OLD_BROKEN}:3 Cannot find \`sig-docs/notes.md\`.`])
    expect(run.exitCode).toBe(1)
    expect(run.logLines).toContain('Event workflow_dispatch: every file is checked.')
    expect(requestLines(sim)).toEqual([])
    const report = JSON.parse(readFileSync(run.outputs['report-file'] ?? '', 'utf8')) as { files: unknown[] }
    // Every Markdown file: the dated minutes and the README (the `notes` profile checks its links).
    expect(report.files).toHaveLength(Object.keys(MAIN).filter((path) => path.endsWith('.md')).length)
  })

  test('scope: all on a push checks the whole repository', async () => {
    const head = { ...MAIN, [WEEKLY]: FIXED_WEEKLY }
    sim = await startMinutesRepo(head, MAIN)
    const run = await runOnPush({ sim, files: head, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'create-issues': 'never', scope: 'all' } })
    expect(errorsOf(run)).toEqual([`${OLD_BROKEN}:3 Cannot find \`sig-docs/notes.md\`.`])
    expect(run.exitCode).toBe(1)
  })

  test('a suppressions file in the repository makes accepted findings notices that do not fail', async () => {
    const files = { ...MAIN, '.github/minutes-suppressions.json': JSON.stringify({ [OLD_BROKEN]: { 'link-target-exists': { count: 1 } } }) }
    sim = await startMinutesRepo(files, files)
    const run = await runOnDispatch({ sim, files, sha: BASE_SHA, inputs: { 'create-issues': 'never' } })
    expect(run.exitCode).toBe(0)
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', file: OLD_BROKEN, line: 3, message: 'Cannot find `sig-docs/notes.md`. (suppressed: accepted in .github/minutes-suppressions.json)' }),
    )
    expect(JSON.parse(run.outputs.findings ?? '{}')).toMatchObject({ summary: { errors: 0, suppressed: 1 } })
  })
})

describeRealSample('large runs on the real sample', () => {
  test('workflow_dispatch over the whole sample: the job summary is a digest under 16 KB; the report file has everything', async () => {
    sim = await createGitHubSim({ repo: { owner: 'SovereignCloudStack', name: 'minutes' } })
    const [owner = '', name = ''] = REAL_REPOSITORY.split('/')
    const payload = workflowDispatchEvent({ repo: { owner, name }, ref: 'refs/heads/main' })
    const run = await runAction({
      sim,
      workspace: REAL_SAMPLE,
      event: { name: 'workflow_dispatch', payload },
      inputs: { 'create-issues': 'never' },
      env: { MINUTES_AUTOMATION_TIME_SCALE: TIME_SCALE, RUNNER_TEMP: tempDir() },
      repository: REAL_REPOSITORY,
      sha: HEAD_SHA,
      ref: 'refs/heads/main',
      timeoutMs: 120_000,
    })
    const bytes = Buffer.byteLength(run.summary)
    process.stderr.write(`Job summary on the real sample: ${bytes} bytes; run ${run.durationMs} ms.\n`)
    expect(bytes).toBeLessThan(16 * 1024)
    expect(run.summary).toContain('### By rule')
    expect(run.summary).toContain('### By folder')
    expect(run.summary).toContain(run.outputs['report-file'])
    const report = JSON.parse(readFileSync(run.outputs['report-file'] ?? '', 'utf8')) as { summary: { files: number } }
    expect(report.summary.files).toBeGreaterThan(100)
    expect(JSON.parse(run.outputs.findings ?? '{}')).toEqual(report)
    expect(requestLines(sim)).toEqual([])
  }, 180_000)
})
