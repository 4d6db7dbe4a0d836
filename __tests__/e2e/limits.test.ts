import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { baseTree, EXAMPLE_TREE, NO_DASHBOARD, PR_NUMBER, requestLines, runOnPullRequest, runOnPush, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import type { FileTree } from '../../test-support/workspace.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'


/**
 * GitHub's limits and one run's reach (issue 17, attacks 4 and 7): bodies under 65,536
 * characters, 10 assignees an issue, assignee checks once per login and at most 50 a run,
 * closes and reopens capped per run, and only the same owners and series close or reopen.
 */

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

const NEXT_SHA = 'c'.repeat(40)
const LATER_SHA = 'd'.repeat(40)
const LIST = 'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200'
const FIRST = 'platform/20260108.md'
const SECOND = 'platform/20260115.md'

/** Minutes of our own: a date heading, a participant, and the given lines under "Open work". */
function minutes(date: string, lines: readonly string[]): string {
  return `# ${date}\n\n## Participants\n\n- @alice\n\n## Agenda\n\n### Open work\n\n${lines.join('\n')}\n`
}

const files = (extra: FileTree): FileTree => ({ ...EXAMPLE_TREE, ...extra })
/** The line of the n-th item (0-based) under "Open work". */
const lineOf = (index: number): number => 11 + index

describe('one item of 1,500 owners', () => {
  const owners = Array.from({ length: 1500 }, (_, index) => `u${String(index).padStart(4, '0')}`)
  const hostile = minutes('2026-01-08', [`- AI ${owners.map((owner) => `@${owner}`).join(', ')}: write the upgrade runbook`])

  test('on the pull request: the comment and the job summary stay under 65,536 characters and name ten owners', async () => {
    const head = files({ [FIRST]: hostile })
    sim = await startMinutesRepo(head, baseTree(head, [FIRST]))
    const run = await runOnPullRequest({ sim, files: head, inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })

    const comment = sim.state.comments.find((entry) => entry.issue_number === PR_NUMBER)?.body ?? ''
    expect(comment.length).toBeGreaterThan(0)
    expect(comment.length).toBeLessThan(65_536)
    expect(run.summary.length).toBeLessThan(65_536)
    expect(comment).toContain(`| create | \\[platform\\] Write the upgrade runbook | ${owners.slice(0, 10).join(', ')} and 1,490 more | [line 11](`)
    expect(sim.writes().map((request) => `${request.method} ${request.route} → ${request.status}`)).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments → 201'])
  })

  test('after merge: one issue with exactly 10 assignees, 10 assignee checks, each login once, a body under 65,536 characters', async () => {
    sim = await startMinutesRepo()
    sim.state.assignees.push(...owners.slice(0, 12))
    const run = await runOnPush({ sim, files: files({ [FIRST]: hostile }), sha: NEXT_SHA, changed: [FIRST], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })

    expect(requestLines(sim)).toEqual([
      LIST,
      ...owners.slice(0, 10).map((owner) => `GET /repos/acme/minutes/assignees/${owner} → 204`),
      'GET /repos/acme/minutes/labels/action-item → 404',
      'POST /repos/acme/minutes/labels → 201',
      'POST /repos/acme/minutes/issues → 201',
    ])
    const [created] = sim.state.issues
    expect(sim.state.issues).toHaveLength(1)
    expect(created?.assignees).toEqual(owners.slice(0, 10))
    expect(created?.body?.length).toBeLessThan(65_536)
    expect(created?.body).toContain(`- **Owners:** ${owners.slice(0, 50).join(', ')} and 1,450 more\n`)
    expect(run.outputs['created-issues']).toBe('[8]')
    expect(run.logLines).toContain(`GitHub API requests: ${sim.requests.length}.`)

    // The next run finds the issue by its marker (50 owners kept): nothing more.
    sim.reset()
    await runOnPush({ sim, files: files({ [FIRST]: hostile }), sha: NEXT_SHA, changed: [FIRST], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })
    expect(requestLines(sim)).toEqual([LIST])
  })

  test('58 owners who could be assigned across seven issues: 50 checks, each login once; the 8 past the cap are named, not assigned, and logged', async () => {
    // Item i names p(8i) … p(8i+11): its first ten overlap the next item's, owners 11 and 12 are never candidates.
    const owner = (index: number): string => `p${String(index).padStart(2, '0')}`
    const items = Array.from({ length: 7 }, (_, item) => `- AI ${Array.from({ length: 12 }, (_, index) => `@${owner(item * 8 + index)}`).join(' ')}: task number ${item} of the week`)
    sim = await startMinutesRepo()
    sim.state.assignees.push(...Array.from({ length: 70 }, (_, index) => owner(index)))
    const run = await runOnPush({ sim, files: files({ [FIRST]: minutes('2026-01-08', items) }), sha: NEXT_SHA, changed: [FIRST], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })

    const checks = sim.requests.filter((request) => request.path.startsWith('/repos/acme/minutes/assignees/')).map((request) => request.path.slice('/repos/acme/minutes/assignees/'.length))
    expect(checks).toEqual(Array.from({ length: 50 }, (_, index) => owner(index)))
    expect(sim.state.issues.map((issue) => issue.assignees)).toEqual([
      ...Array.from({ length: 6 }, (_, item) => Array.from({ length: 10 }, (_, index) => owner(item * 8 + index))),
      [owner(48), owner(49)],
    ])
    expect(sim.state.issues[6]?.body).toContain(`- **Owners:** ${Array.from({ length: 12 }, (_, index) => owner(48 + index)).join(', ')}\n`)
    expect(run.logLines).toContain("8 owner(s) not assigned: a run checks at most 50 assignees (GitHub's request budget); the issues name them as text.")
  })
})

describe('closes and reopens are capped per run', () => {
  const texts = (count: number): string[] => Array.from({ length: count }, (_, index) => `review topic number ${index} of the migration`)
  const open = (count: number): string => minutes('2026-01-08', texts(count).map((text) => `- AI @alice: ${text}`))
  const done = (count: number): string => minutes('2026-01-15', texts(count).map((text) => `- AI @alice: ${text} ✅`))

  test('30 items marked done: 20 closed with their comments, 10 held back and shown; the next run closes the rest', async () => {
    sim = await startMinutesRepo()
    await runOnPush({ sim, files: files({ [FIRST]: open(30) }), sha: NEXT_SHA, changed: [FIRST], inputs: { ...NO_DASHBOARD, 'fail-on': 'never', 'max-new-issues': '30' } })
    expect(sim.state.issues.map((issue) => issue.number)).toEqual(Array.from({ length: 30 }, (_, index) => 8 + index))
    sim.reset()

    const tree = files({ [FIRST]: open(30), [SECOND]: done(30) })
    const run = await runOnPush({ sim, files: tree, sha: LATER_SHA, changed: [SECOND], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })
    expect(requestLines(sim)).toEqual([
      LIST,
      ...Array.from({ length: 20 }, (_, index) => [`PATCH /repos/acme/minutes/issues/${8 + index} → 200`, `POST /repos/acme/minutes/issues/${8 + index}/comments → 201`]).flat(),
    ])
    expect(sim.state.issues.filter((issue) => issue.state === 'closed').map((issue) => issue.number)).toEqual(Array.from({ length: 20 }, (_, index) => 8 + index))
    expect(run.outputs['closed-issues']).toBe(JSON.stringify(Array.from({ length: 20 }, (_, index) => 8 + index)))
    expect(run.logLines).toContain('10 close(s) and reopen(s) of action-item issues held back (max-closes-and-reopens: 20); the next run goes on with them:')
    expect(run.logLines).toContain(`  close #28: ${SECOND}:${lineOf(20)}`)
    expect(run.logLines).toContain(`  close #37: ${SECOND}:${lineOf(29)}`)
    expect(run.summary).toContain('This run will create 0 issues, close 20; 0 unchanged.\n\n10 closes held back (`max-closes-and-reopens: 20`): the next run goes on.\n')
    expect(run.summary).toContain(`| held-back-close | \\[platform\\] Review topic number 29 of the migration ✅ | alice | [line ${lineOf(29)}](`)

    sim.reset()
    const next = await runOnPush({ sim, files: tree, sha: LATER_SHA, changed: [SECOND], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })
    expect(sim.writes()).toHaveLength(20)
    expect(next.outputs['closed-issues']).toBe(JSON.stringify(Array.from({ length: 10 }, (_, index) => 28 + index)))
    expect(sim.state.issues.every((issue) => issue.state === 'closed')).toBe(true)
  })

  test('a push that would reopen 28 closed issues reopens 20 and holds 8 back; the input sets the cap', async () => {
    sim = await startMinutesRepo()
    const tree = files({ [FIRST]: open(28) })
    await runOnPush({ sim, files: tree, sha: NEXT_SHA, changed: [FIRST], inputs: { ...NO_DASHBOARD, 'fail-on': 'never', 'max-new-issues': '28' } })
    for (const issue of sim.state.issues) Object.assign(issue, { state: 'closed', state_reason: 'completed' })
    sim.reset()

    const run = await runOnPush({ sim, files: tree, sha: NEXT_SHA, changed: [FIRST], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })
    expect(sim.state.issues.filter((issue) => issue.state === 'open')).toHaveLength(20)
    expect(sim.state.comments.filter((comment) => comment.body.startsWith('Listed again as not done'))).toHaveLength(20)
    expect(run.summary).toContain('This run will create 0 issues, close 0, reopen 20; 0 unchanged.\n\n8 reopens held back (`max-closes-and-reopens: 20`): the next run goes on.\n')

    sim.reset()
    const capped = await runOnPush({ sim, files: tree, sha: NEXT_SHA, changed: [FIRST], inputs: { ...NO_DASHBOARD, 'fail-on': 'never', 'max-closes-and-reopens': '3' } })
    expect(requestLines(sim)).toEqual([LIST, ...[28, 29, 30].flatMap((number) => [`PATCH /repos/acme/minutes/issues/${number} → 200`, `POST /repos/acme/minutes/issues/${number}/comments → 201`])])
    expect(capped.logLines).toContain('5 close(s) and reopen(s) of action-item issues held back (max-closes-and-reopens: 3); the next run goes on with them:')
  })
})

describe('identity is not a weapon', () => {
  const texts = Array.from({ length: 10 }, (_, index) => `ask the vendor about quota number ${index} today`)
  const alices = minutes('2026-01-08', texts.map((text) => `- AI @alice: ${text}`))

  test("ten owner-less done lines, slightly edited, close none of alice's issues; her own done line does", async () => {
    sim = await startMinutesRepo()
    await runOnPush({ sim, files: files({ [FIRST]: alices }), sha: NEXT_SHA, changed: [FIRST], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })
    expect(sim.state.issues).toHaveLength(10)
    sim.reset()

    const edited = minutes('2026-01-15', texts.map((text) => `- TODO: ${text.replace('today', 'now')} ✅`))
    const run = await runOnPush({ sim, files: files({ [FIRST]: alices, [SECOND]: edited }), sha: LATER_SHA, changed: [SECOND], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })
    expect(requestLines(sim)).toEqual([LIST])
    expect(sim.state.issues.every((issue) => issue.state === 'open')).toBe(true)
    expect(run.summary).toContain(
      'This run will create 0 issues, close 0; 10 unchanged.\n\n10 issues left as they are: the minutes mark their items done or undone, but under other owners (`unchanged, owners differ`); only the same owners close or reopen an issue.\n',
    )
    expect(run.summary).toContain(`| unchanged, owners differ | \\[platform\\] Ask the vendor about quota number 0 today ✅ | — | [line ${lineOf(0)}](`)

    sim.reset()
    const hers = minutes('2026-01-15', [`- AI @alice: ${texts[3]} ✅`])
    await runOnPush({ sim, files: files({ [FIRST]: alices, [SECOND]: hers }), sha: LATER_SHA, changed: [SECOND], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })
    expect(requestLines(sim)).toEqual([LIST, 'PATCH /repos/acme/minutes/issues/11 → 200', 'POST /repos/acme/minutes/issues/11/comments → 201'])
  })

  test('the same owner and text in another series does not close the issue', async () => {
    sim = await startMinutesRepo()
    await runOnPush({ sim, files: files({ [FIRST]: alices }), sha: NEXT_SHA, changed: [FIRST], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })
    sim.reset()
    const other = 'ops/20260115.md'
    const run = await runOnPush({ sim, files: files({ [FIRST]: alices, [other]: minutes('2026-01-15', [`- AI @alice: ${texts[0]} ✅`]) }), sha: LATER_SHA, changed: [other], inputs: { ...NO_DASHBOARD, 'fail-on': 'never' } })
    expect(requestLines(sim)).toEqual([LIST])
    expect(sim.state.issues[0]?.state).toBe('open')
    expect(run.outputs['closed-issues']).toBe('[]')
  })
})
