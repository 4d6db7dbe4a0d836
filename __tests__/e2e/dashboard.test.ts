import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, HEAD_SHA, WEEKLY, requestLines, runOnPullRequest, runOnPush, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'
import { issueMarker } from '../../src/plan/issue-marker.js'
import { runAction } from '../../test-support/run-action.js'
import { removeWorkspace, writeWorkspace } from '../../test-support/workspace.js'
import { FULL_NAME, TIME_SCALE } from '../../test-support/minutes-scenario.js'

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

const DASHBOARD_LISTING = 'GET /repos/acme/minutes/issues?labels=minutes-dashboard&state=all&sort=created&direction=asc&per_page=100 → 200'
const ITEM_LISTING = 'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200'
const NEXT_SHA = 'c'.repeat(40)
const LATER_SHA = 'd'.repeat(40)
const NEXT_WEEK = 'community-call/20261126.md'
const DOCS_WEEK = 'sig-docs/20261124.md'

/** The week after: alice's item ticked, carol's repeated with a due date (long past), a new item of dave's due far ahead. */
const NEXT_WEEK_MINUTES = `# Acme Cloud Weekly 2026-11-26

## Meta

- Minutes: Carol

## Team updates

### Team Platform

Minutes: https://github.com/acme/minutes/blob/main/platform/20261118.md

- Pending action items
  - [x] AI @alice: announce the maintenance window on the mailing list
  - AI @carol: check the etcd backup restore time and document it, due 2026-12-01

### Team Storage

Minutes: https://github.com/acme/minutes/blob/main/storage/20261119.md

- AI @dave: compare the benchmark with last year's hardware, due 2099-01-15
`

/** A later push that touches minutes without action items. */
const DOCS_MINUTES = '# SIG Docs 2026-11-24\n\n- Minutes: Erin\n\n- Glossary reviewed\n'

const blob = (sha: string, path: string, line: number): string => `https://github.com/acme/minutes/blob/${sha}/${path}#L${line}`
const search = (who: string): string => `https://github.com/acme/minutes/issues?q=is%3Aissue+is%3Aopen+label%3Aaction-item+${who}`
const FOOTER = [
  '---',
  '',
  '<sub>Kept by minutes-automation from the open action-item issues: rewritten when they change, so edits to this text are overwritten. Close this issue to stop the updates.</sub>',
]

function dashboardOf(of: GitHubSim) {
  return of.state.issues.find((issue) => issue.labels.includes('minutes-dashboard'))
}

async function merged(): Promise<GitHubSim> {
  const started = await startMinutesRepo()
  await runOnPush({ sim: started, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'fail-on': 'never' } })
  return started
}

describe('the dashboard of open action items, kept on every merge', () => {
  test('merges open items, tick one, close one on GitHub, add due dates: the dashboard after each push, and no write when nothing changed', async () => {
    sim = await startMinutesRepo()
    const first = await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'fail-on': 'never' } })

    expect(dashboardOf(sim)).toMatchObject({ number: 12, title: 'Open action items', state: 'open', assignees: [], labels: ['minutes-dashboard'] })
    expect(dashboardOf(sim)?.body).toBe(
      [
        '<!-- minutes-automation:dashboard -->',
        '**4 open action items.**',
        '',
        '- **By series:** community-call 4',
        '- **By owner:** alice 1, carol 1, dave 1, erin 1',
        '',
        `### [alice](${search('assignee%3Aalice')}) · 1 open`,
        '',
        `- [#8](https://github.com/acme/minutes/issues/8) Announce the maintenance window on the mailing list — community-call, since [2026-11-19](${blob(HEAD_SHA, WEEKLY, 14)})`,
        '',
        `### [carol](${search('assignee%3Acarol')}) · 1 open`,
        '',
        `- [#9](https://github.com/acme/minutes/issues/9) Check the etcd backup restore time and document it: Team Platform — community-call, since [2026-11-19](${blob(HEAD_SHA, WEEKLY, 17)})`,
        '',
        `### [dave](${search('assignee%3Adave')}) · 1 open`,
        '',
        `- [#10](https://github.com/acme/minutes/issues/10) Publish the benchmark in the blog — community-call, since [2026-11-19](${blob(HEAD_SHA, WEEKLY, 25)})`,
        '',
        `### [erin](${search('assignee%3Aerin')}) · 1 open`,
        '',
        `- [#11](https://github.com/acme/minutes/issues/11) Book the room for the community hackathon — community-call, since [2026-11-19](${blob(HEAD_SHA, WEEKLY, 36)})`,
        '',
        ...FOOTER,
        '',
      ].join('\n'),
    )
    expect(first.outputs['dashboard-url']).toBe('https://github.com/acme/minutes/issues/12')
    expect(first.outputs['created-issues']).toBe('[8,9,10,11]')
    expect(first.summary).toContain('\n[Open action items](https://github.com/acme/minutes/issues/12): the dashboard was created.\n')

    // The same push again: the dashboard is already right, nothing is written.
    sim.reset()
    const again = await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'fail-on': 'never' } })
    expect(requestLines(sim)).toEqual([DASHBOARD_LISTING, ITEM_LISTING])
    expect(again.outputs['dashboard-url']).toBe('https://github.com/acme/minutes/issues/12')
    expect(again.summary).not.toContain('the dashboard was')

    // Someone closes dave's issue on GitHub; the next week ticks alice's, dates carol's, adds one.
    Object.assign(sim.state.issues[2] ?? {}, { state: 'closed', state_reason: 'completed' })
    sim.reset()
    const files = { ...EXAMPLE_TREE, [NEXT_WEEK]: NEXT_WEEK_MINUTES }
    await runOnPush({ sim, files, sha: NEXT_SHA, changed: [NEXT_WEEK], inputs: { 'fail-on': 'never' } })
    expect(requestLines(sim)).toEqual([
      DASHBOARD_LISTING,
      ITEM_LISTING,
      'GET /repos/acme/minutes/assignees/dave → 204',
      'PATCH /repos/acme/minutes/issues/8 → 200',
      'POST /repos/acme/minutes/issues/8/comments → 201',
      'GET /repos/acme/minutes/labels/action-item → 200',
      'POST /repos/acme/minutes/issues → 201',
      'PATCH /repos/acme/minutes/issues/12 → 200',
    ])
    const afterNextWeek = [
      '<!-- minutes-automation:dashboard -->',
      '**3 open action items.**',
      '',
      '- **By series:** community-call 3',
      '- **By owner:** carol 1, dave 1, erin 1',
      '',
      `### [carol](${search('assignee%3Acarol')}) · 1 open`,
      '',
      `- [#9](https://github.com/acme/minutes/issues/9) Check the etcd backup restore time and document it: Team Platform — community-call, since [2026-11-19](${blob(HEAD_SHA, WEEKLY, 17)}) · due 2026-12-01, **overdue** · in 2 meetings`,
      '',
      `### [dave](${search('assignee%3Adave')}) · 1 open`,
      '',
      `- [#13](https://github.com/acme/minutes/issues/13) Compare the benchmark with last year's hardware, due 2099-01-15 — community-call, since [2026-11-26](${blob(NEXT_SHA, NEXT_WEEK, 21)}) · due 2099-01-15`,
      '',
      `### [erin](${search('assignee%3Aerin')}) · 1 open`,
      '',
      `- [#11](https://github.com/acme/minutes/issues/11) Book the room for the community hackathon — community-call, since [2026-11-19](${blob(HEAD_SHA, WEEKLY, 36)})`,
      '',
      ...FOOTER,
      // What later meetings said of #9 (due date, two meetings, the last counted), for runs that do not read that file.
      `<!-- minutes-automation:dashboard-state:${Buffer.from(JSON.stringify({ v: 1, items: { 9: ['2026-12-01', 2, NEXT_WEEK] } })).toString('base64')} -->`,
      '',
    ].join('\n')
    expect(dashboardOf(sim)?.body).toBe(afterNextWeek)

    // A later push reads only its own file, with no items: the dashboard stays as it is, unwritten.
    sim.reset()
    await runOnPush({ sim, files: { ...files, [DOCS_WEEK]: DOCS_MINUTES }, sha: LATER_SHA, changed: [DOCS_WEEK], inputs: { 'fail-on': 'never' } })
    expect(requestLines(sim)).toEqual([DASHBOARD_LISTING, ITEM_LISTING])
    expect(dashboardOf(sim)?.body).toBe(afterNextWeek)

    // A pull request never touches it.
    sim.reset()
    await runOnPullRequest({ sim, files: EXAMPLE_TREE, inputs: { 'fail-on': 'never' } })
    expect(requestLines(sim).filter((line) => line.includes('minutes-dashboard') || line.includes('/issues/12'))).toEqual([])
    sim.assertNoViolations()
  })

  test('a dashboard closed by hand stays closed, and the log says how to get it back', async () => {
    sim = await merged()
    Object.assign(dashboardOf(sim) ?? {}, { state: 'closed', state_reason: 'completed' })
    sim.reset()
    const run = await runOnPush({ sim, files: { ...EXAMPLE_TREE, [NEXT_WEEK]: NEXT_WEEK_MINUTES }, sha: NEXT_SHA, changed: [NEXT_WEEK], inputs: { 'fail-on': 'never' } })
    expect(sim.writes().map((request) => `${request.method} ${request.path}`)).not.toContain('PATCH /repos/acme/minutes/issues/12')
    expect(dashboardOf(sim)).toMatchObject({ state: 'closed' })
    expect(run.logLines).toContain(
      'The dashboard https://github.com/acme/minutes/issues/12 was closed by hand, so it is left as it is. Reopen it to have it kept again, or set `dashboard: false` to stop this note.',
    )
    sim.assertNoViolations()
  })

  test('a scheduled run writes issues and keeps the dashboard', async () => {
    sim = await startMinutesRepo()
    const workspace = await writeWorkspace(EXAMPLE_TREE)
    try {
      const event = { name: 'schedule', payload: { schedule: '0 6 * * 1', repository: { full_name: FULL_NAME, default_branch: 'main' } } }
      const run = await runAction({ sim, workspace, event, inputs: { 'fail-on': 'never' }, env: { MINUTES_AUTOMATION_TIME_SCALE: TIME_SCALE }, repository: FULL_NAME, sha: HEAD_SHA, ref: 'refs/heads/main' })
      expect(run.outputs['created-issues']).toBe('[8,9,10,11,12]')
      expect(run.outputs['dashboard-url']).toBe('https://github.com/acme/minutes/issues/13')
      expect(dashboardOf(sim)?.body).toContain('**5 open action items.**')
    } finally {
      await removeWorkspace(workspace)
    }
  })

  test('when the issues cannot be listed, the dashboard is left as it is: one warning, no write', async () => {
    sim = await merged()
    sim.reset()
    sim.fail({ method: 'GET', path: '/repos/acme/minutes/issues', status: 500, times: 20 })
    const run = await runOnPush({ sim, files: { ...EXAMPLE_TREE, [NEXT_WEEK]: NEXT_WEEK_MINUTES }, sha: NEXT_SHA, changed: [NEXT_WEEK], inputs: { 'fail-on': 'never' } })
    const warnings = run.annotations.filter((annotation) => annotation.level === 'warning').map((annotation) => annotation.message)
    expect(warnings.filter((message) => message.startsWith('Could not list the action-item issues'))).toHaveLength(1)
    expect(warnings.filter((message) => message.includes('dashboard'))).toEqual([])
    expect(sim.writes()).toEqual([])
  })

  test('`dashboard: false`: not looked for, not written', async () => {
    sim = await startMinutesRepo()
    const run = await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'fail-on': 'never', dashboard: 'false' } })
    expect(requestLines(sim).filter((line) => line.includes('minutes-dashboard'))).toEqual([])
    expect(dashboardOf(sim)).toBeUndefined()
    expect(run.outputs['dashboard-url']).toBeUndefined()
  })

  test('a read-only token: a warning, the rest of the run as usual', async () => {
    sim = await startMinutesRepo()
    sim.setReadOnly(true)
    const run = await runOnPush({ sim, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY], inputs: { 'fail-on': 'never' } })
    expect(run.exitCode).toBe(0)
    expect(sim.state.issues).toEqual([])
    expect(run.annotations.filter((annotation) => annotation.level === 'warning').map((annotation) => annotation.message)).toContain(
      'Could not keep the dashboard of open action items: Resource not accessible by integration - https://docs.github.com/rest/issues/issues#create-an-issue. The token lacks `issues: write`. The next run writes it.',
    )
    expect(run.stderr).toBe('')
  })

  test('a 500 on the dashboard write: a warning, the issues written as usual, and the next run writes it', async () => {
    sim = await merged()
    const before = dashboardOf(sim)?.body
    sim.fail({ method: 'PATCH', path: '/repos/acme/minutes/issues/12', status: 500, times: 10 })
    const files = { ...EXAMPLE_TREE, [NEXT_WEEK]: NEXT_WEEK_MINUTES }
    const failing = await runOnPush({ sim, files, sha: NEXT_SHA, changed: [NEXT_WEEK], inputs: { 'fail-on': 'never' } })
    expect(failing.annotations.map((annotation) => annotation.message)).toContainEqual(expect.stringMatching(/^Could not keep the dashboard of open action items: .*The next run writes it\.$/u))
    expect(failing.outputs['created-issues']).toBe('[13]')
    expect(failing.outputs['closed-issues']).toBe('[8]')
    expect(dashboardOf(sim)?.body).toBe(before)

    sim.clearFaults()
    await runOnPush({ sim, files, sha: NEXT_SHA, changed: [NEXT_WEEK], inputs: { 'fail-on': 'never' } })
    expect(dashboardOf(sim)?.body).toContain('- **By owner:** carol 1, dave 2, erin 1')
    expect(dashboardOf(sim)?.body).toContain('· due 2026-12-01, **overdue** · in 2 meetings')
  })

  test('1,000 open items: a body under 65,536 characters that counts every item', async () => {
    sim = await startMinutesRepo()
    const owners = Array.from({ length: 40 }, (_, index) => `owner${String(index).padStart(2, '0')}`)
    for (let index = 0; index < 1000; index++) {
      const owner = owners[index % owners.length] ?? ''
      const text = `follow up on the long-standing topic number ${index} with the whole team and write down what was decided`
      const date = `2026-${String(1 + (index % 12)).padStart(2, '0')}-15`
      const path = `series${index % 7}/2026${date.slice(5, 7)}15.md`
      const identity = { v: 1 as const, id: index.toString(16).padStart(12, '0'), series: `series${index % 7}`, owners: index % 10 === 0 ? [] : [owner], text, date }
      sim.addIssue({
        title: `[series${index % 7}] ${text}`,
        body: `${issueMarker(identity)}\n**Action item**\n\n- **Source:** [${path}, line 3](${blob(HEAD_SHA, path, 3)})\n`,
        labels: ['action-item'],
        assignees: [],
      })
    }
    const run = await runOnPush({ sim, files: { ...EXAMPLE_TREE, [DOCS_WEEK]: DOCS_MINUTES }, sha: LATER_SHA, changed: [DOCS_WEEK], inputs: { 'fail-on': 'never' } })
    const body = dashboardOf(sim)?.body ?? ''
    expect(run.outputs['dashboard-url']).toBe('https://github.com/acme/minutes/issues/1008')
    expect(body.length).toBeLessThan(65_536)
    expect(body.startsWith('<!-- minutes-automation:dashboard -->\n**1000 open action items.**\n')).toBe(true)
    // Every item is counted in a group: shown (folded) or as a count with its link.
    const groupCounts = [...body.matchAll(/ · (\d+) open(?:<\/summary>|:)/gu)].map((match) => Number(match[1]))
    const rest = body.match(/\*\*(\d+) more groups?\*\* · (\d+) open items?/u)
    expect(groupCounts.reduce((sum, count) => sum + count, 0) + Number(rest?.[2] ?? 0)).toBe(1000)
    expect(body).toContain('<details><summary><strong>owner01</strong> · 25 open</summary>')
    expect(body).toContain('- **By series:** series0 143, series1 143, series2 143, series3 143, series4 143, series5 143, series6 142\n')
    // Past the limit, groups are their count and a link to GitHub's list of them.
    expect(body).toContain(`**owner39** · 25 open: [listed on GitHub](${search('assignee%3Aowner39')}).`)
    expect(body).toContain(`**Nobody named** · 100 open: [listed on GitHub](${search('no%3Aassignee')}).`)
    sim.assertNoViolations()
  })
})
