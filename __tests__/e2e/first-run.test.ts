import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, requestLines, runOnDispatch, runOnPush, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import type { FileTree } from '../../test-support/workspace.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending, { checkComments: false })
})

const SHA = 'f'.repeat(40)
const SINCE = '2026-06-01'
/** 30 weekly meetings of 10 open items each, from 2026-01-07: 21 before `since` (210 items), 9 after (90). */
const MEETINGS = Array.from({ length: 30 }, (_, week) => new Date(Date.UTC(2026, 0, 7 + 7 * week)).toISOString().slice(0, 10))
const ITEMS_PER_MEETING = 10

/** A meeting's minutes, written by us: ten open items, no two alike. */
function minutes(date: string, week: number): string {
  const items = Array.from({ length: ITEMS_PER_MEETING }, (_, index) => `- AI @alice: review item${week * ITEMS_PER_MEETING + index} for topic${week}x${index}`)
  return `# ${date}\n\n## Participants\n\n- @alice\n\n## Agenda\n\n### Open work\n\n${items.join('\n')}\n`
}

const pathOf = (date: string): string => `history/${date.replaceAll('-', '')}.md`
const HISTORY: FileTree = Object.fromEntries(MEETINGS.map((date, week) => [pathOf(date), minutes(date, week)]))
const FILES: FileTree = { ...EXAMPLE_TREE, ...HISTORY, '.github/minutes.yml': `actionItems:\n  since: ${SINCE}\n` }
const AFTER = MEETINGS.filter((date) => date >= SINCE)
/** The first meeting on or after `since` is week 21 (2026-06-03): items 210 on. */
const FIRST_AFTER = MEETINGS.indexOf(AFTER[0] ?? '')

const titles = (from: number, count: number): string[] => Array.from({ length: count }, (_, index) => `[history] Review item${from + index} for topic${Math.floor((from + index) / 10)}x${(from + index) % 10}`)

const DASHBOARD_LISTING = 'GET /repos/acme/minutes/issues?labels=minutes-dashboard&state=all&sort=created&direction=asc&per_page=100 → 200'

describe('a first run on a repository with 300 open historical items', () => {
  test('the first push creates none before `since` and max-new-issues after it; the requests are exactly these', async () => {
    sim = await startMinutesRepo()
    const run = await runOnPush({ sim, files: FILES, sha: SHA, changed: Object.keys(HISTORY), inputs: { 'fail-on': 'never' } })

    expect(FIRST_AFTER).toBe(21)
    expect(sim.state.issues.map((issue) => issue.title)).toEqual([...titles(210, 20), 'Open action items'])
    // The dashboard costs one listing (looked up while the minutes are checked) and one write.
    expect(requestLines(sim)).toEqual([
      DASHBOARD_LISTING,
      'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200',
      'GET /repos/acme/minutes/assignees/alice → 204',
      'GET /repos/acme/minutes/labels/action-item → 404',
      'POST /repos/acme/minutes/labels → 201',
      ...Array.from({ length: 20 }, () => 'POST /repos/acme/minutes/issues → 201'),
      'POST /repos/acme/minutes/issues → 201',
    ])
    expect(run.outputs['created-issues']).toBe(JSON.stringify(Array.from({ length: 20 }, (_, index) => 8 + index)))
    expect(run.logLines).toContain('210 open action item(s) from meetings before 2026-06-01 are not tracked (actionItems.since).')
    expect(run.logLines).toContain('70 action-item issue(s) held back (max-new-issues: 20); the next run goes on with them:')
    expect(run.logLines).toContain(`  ${pathOf(MEETINGS[23] ?? '')}:11 [history] Review item230 for topic23x0`)
    expect(run.logLines).toContain(`  ${pathOf(MEETINGS[27] ?? '')}:20 [history] Review item279 for topic27x9`)
    expect(run.logLines).not.toContain(`  ${pathOf(MEETINGS[28] ?? '')}:11 [history] Review item280 for topic28x0`)
    expect(run.logLines).toContain('  … and 20 more (the `action-items` output lists every item).')
    expect(run.summary).toContain('This run will create 20 issues, close 0; 0 unchanged.\n\n70 more issues held back (`max-new-issues: 20`): the next run goes on.\n\n210 open items from meetings before 2026-06-01 are not tracked (`actionItems.since`).\n')
    // 300 items make the job summary a digest: the plan's counts stay, its table (in the log above) does not.
    expect(run.summary).toContain('This is a digest: the full list is too long for a job summary.')
  })

  test('the next run goes on with the next batch; a smaller max-new-issues is respected', async () => {
    sim = await startMinutesRepo()
    await runOnPush({ sim, files: FILES, sha: SHA, changed: Object.keys(HISTORY), inputs: { 'fail-on': 'never' } })
    sim.reset()
    const next = await runOnDispatch({ sim, files: FILES, sha: SHA, inputs: { 'fail-on': 'never', 'max-new-issues': '5' } })

    expect(sim.state.issues.filter((issue) => issue.labels.includes('action-item')).map((issue) => issue.title)).toEqual(titles(210, 25))
    expect(requestLines(sim)).toEqual([
      DASHBOARD_LISTING,
      'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200',
      'GET /repos/acme/minutes/assignees/alice → 204',
      'GET /repos/acme/minutes/labels/action-item → 200',
      ...Array.from({ length: 5 }, () => 'POST /repos/acme/minutes/issues → 201'),
      'PATCH /repos/acme/minutes/issues/28 → 200',
    ])
    // By hand, every file counts: the example's own open items (5, two done) join the queue after the history's.
    expect(next.summary).toContain('This run will create 5 issues, close 0; 20 unchanged, 2 done with no issue.\n\n70 more issues held back (`max-new-issues: 5`): the next run goes on.\n')
  })

  test('a dry run by hand shows the whole backlog and writes nothing', async () => {
    sim = await startMinutesRepo()
    const run = await runOnDispatch({ sim, files: FILES, sha: SHA, inputs: { 'fail-on': 'never', 'dry-run': 'true' } })

    expect(sim.writes()).toEqual([])
    expect(requestLines(sim)).toEqual(['GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200'])
    expect(run.summary).toContain(
      'Dry run: this would create 95 issues, close 0; 0 unchanged, 2 done with no issue.\n\nThe whole backlog is shown; a run that writes creates at most 20 issues (`max-new-issues`) and the next run goes on.\n\n210 open items from meetings before 2026-06-01 are not tracked (`actionItems.since`).\n',
    )
  })
})
