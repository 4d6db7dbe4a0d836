import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import {
  EXAMPLE_TREE,
  HEAD_SHA,
  WEEKLY,
  requestLines,
  runOnDispatch,
  runOnPullRequest,
  runOnPush,
  startMinutesRepo,
} from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

const BLOB = `https://github.com/acme/minutes/blob/${HEAD_SHA}`
const NEXT_SHA = 'c'.repeat(40)
const NEXT_WEEK = 'community-call/20261126.md'

/** The week after, written by us: items carried over, one edited, two marked done, one new. */
const NEXT_WEEK_MINUTES = `# Acme Cloud Weekly 2026-11-26

## Meta

- Minutes: Carol

## Team updates

### Team Platform

Minutes: https://github.com/acme/minutes/blob/main/platform/20261118.md

- Pending action items
  - AI @alice: announce the maintenance window on the mailing list ✅
  - AI @carol: check the etcd backup restore time and document it in the [runbook](https://example.org/runbook)

### Team Storage

Minutes: https://github.com/acme/minutes/blob/main/storage/20261119.md

- Action Item: publish the benchmark in the blog **DONE**
  - *@dave*
- AI @dave: compare the benchmark with last year's hardware
`

/** The action-item issues, without the dashboard issue the same runs keep (its own tests: dashboard.test.ts). */
function actionItemIssues(of: GitHubSim) {
  return of.state.issues.filter((issue) => issue.labels.includes('action-item'))
}

function dashboardOf(of: GitHubSim) {
  return of.state.issues.find((issue) => issue.labels.includes('minutes-dashboard'))
}

const DASHBOARD_LISTING = 'GET /repos/acme/minutes/issues?labels=minutes-dashboard&state=all&sort=created&direction=asc&per_page=100 → 200'

async function merged(): Promise<GitHubSim> {
  const started = await startMinutesRepo()
  const run = await runOnPush({ sim: started, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })
  expect(run.exitCode).toBe(1) // the broken link is still there: findings decide the step
  return started
}

describe('action items become issues after merge, exactly once', () => {
  test('merge: one issue per open item, with the exact body, assignees and label', async () => {
    sim = await startMinutesRepo()
    const run = await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })

    expect(actionItemIssues(sim).map(({ number, title, labels, assignees, state }) => ({ number, title, labels, assignees, state }))).toEqual([
      { number: 8, title: '[community-call] Announce the maintenance window on the mailing list', labels: ['action-item'], assignees: ['alice'], state: 'open' },
      { number: 9, title: '[community-call] Check the etcd backup restore time and document it: Team Platform', labels: ['action-item'], assignees: ['carol'], state: 'open' },
      { number: 10, title: '[community-call] Publish the benchmark in the blog', labels: ['action-item'], assignees: ['dave'], state: 'open' },
      { number: 11, title: '[community-call] Book the room for the community hackathon', labels: ['action-item'], assignees: [], state: 'open' },
    ])
    expect(sim.state.issues[3]?.body).toBe(
      [
        '<!-- minutes-automation:action-item:eyJ2IjoxLCJpZCI6IjNjZTJkNzZkOWQ3YSIsInNlcmllcyI6ImNvbW11bml0eS1jYWxsIiwib3duZXJzIjpbImVyaW4iXSwidGV4dCI6ImJvb2sgdGhlIHJvb20gZm9yIHRoZSBjb21tdW5pdHkgaGFja2F0aG9uIiwiZGF0ZSI6IjIwMjYtMTEtMTkifQ== -->',
        `**Action item** from the [community-call minutes of 2026-11-19](${BLOB}/${WEEKLY}#L36):`,
        '',
        '> _Acme Cloud Weekly 2026-11-19 › AOB_',
        '>',
        '> book the room for the community hackathon',
        '',
        '- **Owners:** erin',
        `- **Source:** [community-call/20261119.md, line 36](${BLOB}/${WEEKLY}#L36)`,
        '',
        '<sub>Kept by minutes-automation: closed when the minutes mark this item done, reopened when it comes back undone.</sub>',
        '',
      ].join('\n'),
    )
    expect(sim.state.labels.find((label) => label.name === 'action-item')).toMatchObject({ color: '0e8a16', description: 'An action item from meeting minutes, kept by minutes-automation' })
    expect(run.outputs['created-issues']).toBe('[8,9,10,11]')
    expect(run.outputs['closed-issues']).toBe('[]')
    expect(run.summary).toContain('This run will create 4 issues, close 0; 0 unchanged, 2 done with no issue.')
    expect(run.summary).toContain('Done: created 4, closed 0, reopened 0.')
  })

  test('the same run again writes nothing', async () => {
    sim = await merged()
    sim.reset()
    await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })
    expect(sim.writes()).toEqual([])
    // The dashboard is found with the one listing more, and is already up to date.
    expect(requestLines(sim)).toEqual([DASHBOARD_LISTING, 'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200'])
    expect(sim.state.issues).toHaveLength(5)
  })

  test('next week repeats the items: no new issue for carried-over or edited ones, done ones closed with a comment', async () => {
    sim = await merged()
    sim.reset()
    const files = { ...EXAMPLE_TREE, [NEXT_WEEK]: NEXT_WEEK_MINUTES }
    const run = await runOnPush({ sim, files, sha: NEXT_SHA, changed: [NEXT_WEEK] })

    expect(actionItemIssues(sim).map(({ number, state, state_reason }) => ({ number, state, state_reason }))).toEqual([
      { number: 8, state: 'closed', state_reason: 'completed' },
      { number: 9, state: 'open', state_reason: null },
      { number: 10, state: 'closed', state_reason: 'completed' },
      { number: 11, state: 'open', state_reason: null },
      { number: 13, state: 'open', state_reason: null },
    ])
    expect(actionItemIssues(sim)[4]?.title).toBe("[community-call] Compare the benchmark with last year's hardware")
    expect(sim.state.comments.map(({ issue_number, body }) => ({ issue_number, body }))).toEqual([
      { issue_number: 8, body: `Marked done in the [community-call minutes of 2026-11-26](https://github.com/acme/minutes/blob/${NEXT_SHA}/${NEXT_WEEK}#L14).\n` },
      { issue_number: 10, body: `Marked done in the [community-call minutes of 2026-11-26](https://github.com/acme/minutes/blob/${NEXT_SHA}/${NEXT_WEEK}#L21).\n` },
    ])
    expect(run.outputs['created-issues']).toBe('[13]')
    expect(run.outputs['closed-issues']).toBe('[8,10]')
  })

  test('an item that comes back undone reopens its issue; an issue closed as not planned stays closed', async () => {
    sim = await merged()
    const [alice, carol] = sim.state.issues
    Object.assign(alice ?? {}, { state: 'closed', state_reason: 'completed' })
    Object.assign(carol ?? {}, { state: 'closed', state_reason: 'not_planned' })
    sim.reset()
    await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })

    expect(sim.state.issues.slice(0, 2).map(({ state, state_reason }) => ({ state, state_reason }))).toEqual([
      { state: 'open', state_reason: 'reopened' },
      { state: 'closed', state_reason: 'not_planned' },
    ])
    expect(sim.state.comments.at(-1)).toMatchObject({ issue_number: 8, body: `Listed again as not done in the [community-call minutes of 2026-11-19](${BLOB}/${WEEKLY}#L14).\n` })
  })

  test('an issue edited by hand (title, labels) is not reverted', async () => {
    sim = await merged()
    const first = sim.state.issues[0]
    Object.assign(first ?? {}, { title: 'Maintenance window: mail and status page', labels: ['action-item', 'comms'] })
    sim.reset()
    await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })
    // Only the dashboard is edited: it names the issue by its title as edited.
    expect(sim.writes().map((request) => `${request.method} ${request.path}`)).toEqual(['PATCH /repos/acme/minutes/issues/12'])
    expect(dashboardOf(sim)?.body).toContain('[#8](https://github.com/acme/minutes/issues/8) Maintenance window: mail and status page — community-call')
    expect(sim.state.issues[0]).toMatchObject({ title: 'Maintenance window: mail and status page', labels: ['action-item', 'comms'] })
  })

  test('a second issue for one item (two runs raced) is closed as a duplicate of the first', async () => {
    sim = await merged()
    const original = sim.state.issues[0]
    sim.addIssue({ title: original?.title ?? '', body: original?.body ?? '', labels: ['action-item'] })
    sim.reset()
    await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })
    expect(sim.state.issues.at(-1)).toMatchObject({ number: 13, state: 'closed', state_reason: 'duplicate' })
    expect(sim.state.comments.at(-1)).toMatchObject({ issue_number: 13, body: 'Duplicate of #8: another run tracked the same action item first. Closed by minutes-automation.\n' })
  })

  test('500s and secondary rate limits mid-run are retried: nothing duplicated, nothing lost', async () => {
    sim = await startMinutesRepo()
    sim.fail({ method: 'POST', path: '/repos/{owner}/{repo}/issues', status: 500, times: 1 })
    sim.fail({ method: 'POST', path: '/repos/{owner}/{repo}/issues', status: 'secondary-rate-limit', times: 1 })
    sim.fail({ method: 'POST', path: '/repos/{owner}/{repo}/issues', status: 502, times: 1 })
    const run = await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })

    expect(actionItemIssues(sim).map((issue) => issue.number)).toEqual([8, 9, 10, 11])
    // The last one creates the dashboard.
    expect(sim.requestsTo('POST', '/repos/{owner}/{repo}/issues').map((request) => request.status)).toEqual([500, 403, 502, 201, 201, 201, 201, 201])
    expect(run.outputs['created-issues']).toBe('[8,9,10,11]')
    // Every attempt counts, retries included.
    expect(run.logLines).toContain(`GitHub API requests: ${sim.requests.length}.`)
    expect(run.annotations.filter((annotation) => annotation.level === 'warning').map((annotation) => annotation.message)).toContain(
      'GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues; retrying in 1 s',
    )
  })

  test('a write that keeps failing is reported; the re-run finishes the job without duplicates', async () => {
    sim = await startMinutesRepo()
    sim.fail({ method: 'POST', path: '/repos/{owner}/{repo}/issues', status: 422, times: 1 })
    const first = await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })
    expect(actionItemIssues(sim)).toHaveLength(3)
    expect(first.annotations.map((annotation) => annotation.message)).toContainEqual(expect.stringMatching(/^Could not create an action-item issue: .*A re-run finishes the job without duplicates\.$/))

    await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY] })
    expect(actionItemIssues(sim).map((issue) => issue.title).sort()).toEqual([
      '[community-call] Announce the maintenance window on the mailing list',
      '[community-call] Book the room for the community hackathon',
      '[community-call] Check the etcd backup restore time and document it: Team Platform',
      '[community-call] Publish the benchmark in the blog',
    ])
  })

  test('a read-only token: a clear warning, no crash, the step decided by the findings only', async () => {
    sim = await startMinutesRepo()
    sim.setReadOnly(true)
    const run = await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'fail-on': 'never' } })

    expect(run.exitCode).toBe(0)
    expect(sim.state.issues).toEqual([])
    expect(run.annotations.filter((annotation) => annotation.level === 'warning').map((annotation) => annotation.message)).toContain(
      'The token may not write issues (Resource not accessible by integration - https://docs.github.com/rest/issues/labels#create-a-label). Give the workflow `permissions: issues: write`; pull requests from forks get a read-only token.',
    )
    expect(run.summary).toContain('The token may not write issues: give the workflow `permissions: issues: write`.')
    expect(run.stderr).toBe('')
  })

  test('on a pull request nothing is written but the comment; dry-run and never write no issues', async () => {
    sim = await startMinutesRepo()
    await runOnPullRequest({ sim, files: EXAMPLE_TREE })
    await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'dry-run': 'true' } })
    const never = await runOnDispatch({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, inputs: { 'create-issues': 'never' } })
    expect(sim.state.issues).toEqual([])
    expect(sim.writes().map((request) => `${request.method} ${request.route}`)).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments'])
    expect(never.outputs['created-issues']).toBe('[]')
  })
})
