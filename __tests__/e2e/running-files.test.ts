import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, HEAD_SHA, runOnPullRequest, runOnPush, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

/**
 * A committee's running file (`tc/2026.md`, newest first, one meeting per dated heading) in
 * the example repository. Its old meeting has a finding (a date not written YYYY-MM-DD) and an
 * open item that stays open; the pull request adds a new meeting at the top that ticks one old
 * item and adds one.
 */
const RUNNING = 'tc/2026.md'
const CONFIG = `${EXAMPLE_TREE['.github/minutes.yml'] as string}
profiles:
  tc-running:
    kind: running
    paths: ['tc/YYYY.md']
    rules: {title-date: error, title-date-matches-filename: error, link-target-exists: error, encoding: error}
`
const OLD_MEETING = `# **2026-11-3** - kickoff

- AI @alice: draft the project charter
- AI @bob: book the venue for March
`
const NEW_MEETING = `# **2026-11-17**

- AI @alice: draft the project charter ✅
- AI @carol: write the FAQ page

`
const BASE = { ...EXAMPLE_TREE, '.github/minutes.yml': CONFIG, [RUNNING]: OLD_MEETING }
const HEAD = { ...BASE, [RUNNING]: NEW_MEETING + OLD_MEETING }
/** What GitHub's `GET /pulls/{n}/files` gives for the change: the new section's six lines added at the top. */
const PATCH = ['@@ -1,3 +1,9 @@', ...NEW_MEETING.trimEnd().split('\n').map((line) => `+${line}`), '+', ' # **2026-11-3** - kickoff', ' ', ' - AI @alice: draft the project charter'].join('\n')
const MERGE_SHA = 'c'.repeat(40)
const BLOB = `https://github.com/acme/minutes/blob/${MERGE_SHA}`

function actionItemIssues(of: GitHubSim) {
  return of.state.issues.filter((issue) => issue.labels.includes('action-item')).map(({ number, title, state, state_reason }) => ({ number, title, state, state_reason }))
}

describe('a running file: a pull request adds a meeting, the merge keeps its items', () => {
  test('the PR plans the new section’s items only; after merge its item is an issue of the section’s date and the ticked one is closed', async () => {
    sim = await startMinutesRepo(HEAD, BASE)
    const pull = sim.state.pulls.find((one) => one.number === 7)
    const entry = pull?.files.find((file) => file.filename === RUNNING)
    if (!entry) throw new Error(`the simulated PR does not list ${RUNNING}`)
    entry.patch = PATCH

    // The file as it was on main: its items become issues, dated by their meeting.
    const first = await runOnPush({ sim, files: BASE, sha: HEAD_SHA, changed: [RUNNING] })
    expect(first.outputs['created-issues']).toBe('[8,9]')
    expect(first.outputs.warnings).toBe('1') // `2026-11-3` is not written YYYY-MM-DD
    expect(actionItemIssues(sim)).toEqual([
      { number: 8, title: '[tc] Draft the project charter', state: 'open', state_reason: null },
      { number: 9, title: '[tc] Book the venue for March', state: 'open', state_reason: null },
    ])

    // The PR: the new meeting's findings (none) and items only; the kickoff's date warning and open item are old text.
    const pr = await runOnPullRequest({ sim, files: HEAD })
    expect(pr.exitCode).toBe(0)
    expect(pr.outputs).toMatchObject({ errors: '0', warnings: '0' })
    const items = JSON.parse(pr.outputs['action-items'] ?? '[]') as Array<{ path: string; line: number; text: string; done: boolean }>
    expect(items.map(({ path, line, text, done }) => ({ path, line, text, done }))).toEqual([
      { path: RUNNING, line: 3, text: 'draft the project charter', done: true },
      { path: RUNNING, line: 4, text: 'write the FAQ page', done: false },
    ])
    expect(pr.summary).toContain('After merge this will create 1 issue, close 1; 0 unchanged.')

    // The merge: the push lists the file, so the whole file is read; the new item gets the section's date.
    const merged = await runOnPush({ sim, files: HEAD, sha: MERGE_SHA, changed: [RUNNING] })
    expect(merged.outputs['created-issues']).toBe('[11]')
    expect(merged.outputs['closed-issues']).toBe('[8]')
    expect(actionItemIssues(sim)).toEqual([
      { number: 8, title: '[tc] Draft the project charter', state: 'closed', state_reason: 'completed' },
      { number: 9, title: '[tc] Book the venue for March', state: 'open', state_reason: null },
      { number: 11, title: '[tc] Write the FAQ page', state: 'open', state_reason: null },
    ])
    const body = sim.state.issues.find((issue) => issue.number === 11)?.body ?? ''
    expect(body.split('\n').slice(1, 2)).toEqual([`**Action item** from the [tc minutes of 2026-11-17](${BLOB}/${RUNNING}#L4):`])
    expect(body).toContain(`- **Source:** [${RUNNING}, line 4](${BLOB}/${RUNNING}#L4)`)
  })
})
