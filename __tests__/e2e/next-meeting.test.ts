import { afterEach, describe, expect, test } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, HEAD_SHA, NO_DASHBOARD, requestLines, runOnPush, runOnSchedule, startMinutesRepo, WEEKLY } from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'
import type { FileTree } from '../../test-support/workspace.js'


let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

const NEXT_WEEK = 'community-call/20261126.md'

/** The example merged: issues #8–#11 for its four open items. */
async function merged(): Promise<GitHubSim> {
  const started = await startMinutesRepo()
  await runOnPush({ sim: started, files: EXAMPLE_TREE, sha: HEAD_SHA, changed: [WEEKLY], inputs: NO_DASHBOARD })
  expect(started.state.issues.map((issue) => [issue.number, issue.state])).toEqual([
    [8, 'open'],
    [9, 'open'],
    [10, 'open'],
    [11, 'open'],
  ])
  return started
}

/** A `schedule` run with `prepare-next` on `files`; returns its run and the file it wrote (null: none). */
async function prepare(on: GitHubSim, files: FileTree, today: string) {
  let written: { path: string; text: string } | null = null
  const run = await runOnSchedule({
    sim: on,
    files,
    sha: HEAD_SHA,
    today,
    inputs: { 'prepare-next': 'community-call', 'create-issues': 'never' },
    inspect: async (workspace, result) => {
      const path = result.outputs['prepared-file'] ?? ''
      written = path === '' ? null : { path, text: await readFile(join(workspace, path), 'utf8') }
    },
  })
  return { run, written: written as { path: string; text: string } | null }
}

/** A `schedule` run on 2026-11-20 with `prepare-next` and `inputs`; returns its run and the text of next week's file. */
async function prepareNextWeek(on: GitHubSim, files: FileTree, inputs: Record<string, string>) {
  let written = ''
  const run = await runOnSchedule({
    sim: on,
    files,
    sha: HEAD_SHA,
    today: '2026-11-20',
    inputs: { 'prepare-next': 'community-call', ...inputs },
    inspect: async (workspace) => {
      written = await readFile(join(workspace, NEXT_WEEK), 'utf8')
    },
  })
  return { run, written }
}

const PREPARED = `# Acme Cloud Weekly 2026-11-26

## Meta

- Minutes:

## Team updates

### Team Platform

Minutes: None yet

### Team Storage

Minutes: None yet

### SIG Docs

Minutes: None yet

## AOB

## Open action items

- [ ] AI @alice: announce the maintenance window on the mailing list (#8)
- [ ] AI @carol: check the etcd backup restore time and document it (#9)
- [ ] AI @dave: publish the benchmark in the blog (#10)
- [ ] AI @erin: book the room for the community hackathon (#11)
`

/** A schedule run on the example with no issues yet: one listing, then the writes; prepare-next asks nothing more. */
const SCHEDULE_REQUESTS = [
  'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200',
  'GET /repos/acme/minutes/assignees/bob → 204',
  'GET /repos/acme/minutes/assignees/alice → 204',
  'GET /repos/acme/minutes/assignees/carol → 204',
  'GET /repos/acme/minutes/assignees/dave → 204',
  'GET /repos/acme/minutes/assignees/erin → 404',
  'GET /repos/acme/minutes/labels/action-item → 404',
  'POST /repos/acme/minutes/labels → 201',
  'POST /repos/acme/minutes/issues → 201',
  'POST /repos/acme/minutes/issues → 201',
  'POST /repos/acme/minutes/issues → 201',
  'POST /repos/acme/minutes/issues → 201',
  'POST /repos/acme/minutes/issues → 201',
]

describe('the meeting loop: prepare, meet, merge', () => {
  test('a schedule run that writes issues carries them from its own listing: the issues are listed once', async () => {
    sim = await startMinutesRepo()
    const { run, written } = await prepareNextWeek(sim, EXAMPLE_TREE, { ...NO_DASHBOARD })
    // The issues this run created are carried, read back from what it wrote: no second listing after the writes.
    expect(run.outputs['created-issues']).toBe('[8,9,10,11,12]')
    // #8 is the platform team's item; the call's four follow.
    expect(sim.state.issues[0]?.title).toBe('[platform] Write the upgrade runbook')
    expect(written).toBe(PREPARED.replace(/\(#(\d+)\)/gu, (_, number: string) => `(#${Number(number) + 1})`))
    expect(requestLines(sim)).toEqual(SCHEDULE_REQUESTS)
  })

  test('a close made by the same run is not carried over, without listing the issues again', async () => {
    sim = await merged()
    sim.reset()
    // The meeting's minutes tick #9: this run closes it, and the prepared file leaves it out.
    const ticked = { ...EXAMPLE_TREE, [WEEKLY]: (EXAMPLE_TREE[WEEKLY] as string).replace('  - AI @carol: check the etcd', '  - [x] AI @carol: check the etcd') }
    const { run, written } = await prepareNextWeek(sim, ticked, { ...NO_DASHBOARD })
    expect(run.outputs['closed-issues']).toBe('[9]')
    expect(written).toBe(PREPARED.replace('- [ ] AI @carol: check the etcd backup restore time and document it (#9)\n', ''))
    expect(requestLines(sim).filter((line) => line.startsWith('GET /repos/acme/minutes/issues?'))).toEqual(['GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200'])
  })

  test('a run with no action items in its files keeps the dashboard and prepares the next meeting from one listing', async () => {
    sim = await merged()
    sim.reset()
    // The minutes no longer hold an item: the plan lists nothing, the dashboard and prepare-next share one listing.
    const withoutItems = Object.fromEntries(
      Object.entries(EXAMPLE_TREE).map(([path, content]) => [path, typeof content === 'string' && path.endsWith('.md') ? content.split('\n').filter((line) => !/AI\b|TODO|Action Item|\[[ x]\]|^\s+- \*@/u.test(line)).join('\n') : content]),
    )
    const { run, written } = await prepareNextWeek(sim, withoutItems, {})
    expect(run.outputs['action-items']).toBe('[]')
    expect(run.outputs['dashboard-url']).toMatch(/\/issues\/12$/u)
    // The four open issues are carried, from the listing the dashboard made.
    expect(written).toBe(PREPARED)
    expect(requestLines(sim).filter((line) => line.startsWith('GET /repos/acme/minutes/issues?'))).toEqual([
      'GET /repos/acme/minutes/issues?labels=minutes-dashboard&state=all&sort=created&direction=asc&per_page=100 → 200',
      'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200',
    ])
  })

  test('a schedule run with prepare-next writes the next meeting from the open issues, sets prepared-file, writes nothing to GitHub', async () => {
    sim = await merged()
    sim.reset()
    const { run, written } = await prepare(sim, EXAMPLE_TREE, '2026-11-20')
    expect(run.outputs['prepared-file']).toBe(NEXT_WEEK)
    expect(written).toEqual({ path: NEXT_WEEK, text: PREPARED })
    expect(run.logLines).toContain(`Prepared ${NEXT_WEEK}: 4 open action item(s) carried over.`)
    expect(sim.writes()).toEqual([])
    expect(requestLines(sim)).toContain('GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200')
  })

  test('an issue closed by hand is not carried over', async () => {
    sim = await merged()
    const closed = sim.state.issues.find((issue) => issue.number === 10)
    if (closed) closed.state = 'closed'
    const { written } = await prepare(sim, EXAMPLE_TREE, '2026-11-20')
    expect(written?.text).not.toContain('publish the benchmark')
    expect(written?.text).toContain('(#11)')
  })

  test('merging the prepared file with one item ticked closes exactly that issue and opens none', async () => {
    sim = await merged()
    const { written } = await prepare(sim, EXAMPLE_TREE, '2026-11-20')
    // The meeting: a minute-taker, #9 done and reworded, the rest untouched.
    const minutes = (written?.text ?? '')
      .replace('- Minutes:\n', '- Minutes: Bob\n')
      .replace('- [ ] AI @carol: check the etcd backup restore time and document it (#9)', '- [x] AI @carol: restore time measured: 4 minutes, documented in the runbook (#9)')
    sim.reset()
    const run = await runOnPush({ sim, files: { ...EXAMPLE_TREE, [NEXT_WEEK]: minutes }, sha: 'c'.repeat(40), changed: [NEXT_WEEK], inputs: NO_DASHBOARD })
    expect(run.outputs['created-issues']).toBe('[]')
    expect(run.outputs['closed-issues']).toBe('[9]')
    expect(sim.state.issues.map((issue) => [issue.number, issue.state])).toEqual([
      [8, 'open'],
      [9, 'closed'],
      [10, 'open'],
      [11, 'open'],
    ])
    expect(sim.writes().map((request) => `${request.method} ${request.path}`)).toEqual(['PATCH /repos/acme/minutes/issues/9', 'POST /repos/acme/minutes/issues/9/comments'])
  })

  test('an item carried three meetings running stays one issue', async () => {
    sim = await merged()
    let files: FileTree = { ...EXAMPLE_TREE }
    for (const [today, path] of [
      ['2026-11-20', 'community-call/20261126.md'],
      ['2026-11-27', 'community-call/20261203.md'],
      ['2026-12-04', 'community-call/20261210.md'],
    ] as const) {
      const { run, written } = await prepare(sim, files, today)
      expect(run.outputs['prepared-file']).toBe(path)
      expect(written?.text).toContain('- [ ] AI @erin: book the room for the community hackathon (#11)')
      files = { ...files, [path]: (written?.text ?? '').replace('- Minutes:\n', '- Minutes: Bob\n') }
      const merge = await runOnPush({ sim, files, sha: 'c'.repeat(40), changed: [path], inputs: NO_DASHBOARD })
      expect([merge.outputs['created-issues'], merge.outputs['closed-issues']]).toEqual(['[]', '[]'])
    }
    expect(sim.state.issues.map((issue) => [issue.number, issue.state])).toEqual([
      [8, 'open'],
      [9, 'open'],
      [10, 'open'],
      [11, 'open'],
    ])
  })

  test("the agenda: open issues and pull requests with the series' agendaLabel, under the series' agenda heading", async () => {
    sim = await merged()
    sim.addIssue({ title: 'Move the call to 16:00 <b>UTC</b> @everyone', labels: ['agenda'] })
    sim.addIssue({ title: 'Old topic', labels: ['agenda'], state: 'closed' })
    sim.addIssue({ title: 'Unrelated', labels: ['bug'] })
    const config = 'repository: acme/minutes\nprofiles:\n  weekly:\n    agendaLabel: agenda\n'
    const { written } = await prepare(sim, { ...EXAMPLE_TREE, '.github/minutes.yml': config }, '2026-11-20')
    // The community call has no agenda heading of its own: one is added; the title is made inert (no HTML, no mention).
    expect(written?.text.split('## Agenda\n\n')[1]).toBe('- Move the call to 16:00 &lt;b&gt;UTC&lt;/b&gt; @\u200Beveryone ([#12](https://github.com/acme/minutes/issues/12))\n')
  })

  test('an existing file is not overwritten: a warning, no output', async () => {
    sim = await merged()
    const files = { ...EXAMPLE_TREE, [NEXT_WEEK]: 'prepared by hand\n' }
    let kept = ''
    const run = await runOnSchedule({
      sim,
      files,
      sha: HEAD_SHA,
      today: '2026-11-26',
      inputs: { 'prepare-next': 'community-call', 'create-issues': 'never' },
      inspect: async (workspace) => {
        kept = await readFile(join(workspace, NEXT_WEEK), 'utf8')
      },
    })
    // 2026-11-26 is a meeting already: the next one on the cadence is a week later.
    expect(run.outputs['prepared-file']).toBe('community-call/20261203.md')
    expect(kept).toBe('prepared by hand\n')
  })
})
