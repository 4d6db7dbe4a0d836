import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, runOnPush, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending, { checkComments: false })
})

const WEEK_1_SHA = 'd'.repeat(40)
const WEEK_2_SHA = 'e'.repeat(40)
const WEEK_1 = 'platform/20261125.md'
const WEEK_2 = 'platform/20261202.md'

/** Team minutes written by us whose items lean on what is around them, as real minutes do. */
const WEEK_1_MINUTES = `# 2026-11-25

## Participants

- @alice
- @bob

## Agenda

### Community hackathon

- Hackathon on 2026-12-10 in Cologne, room not booked yet
  - AI @alice: book it
- AI @bob: bring this forward

### Operating systems

- Two providers asked for Flatcar
  - AI @dave: survey CSPs
- AI @carol: write the upgrade runbook for Kubernetes 1.35
`

/** The week after: one item done, one extended by its owner, one carried over word for word. */
const WEEK_2_MINUTES = `# 2026-12-02

## Participants

- @alice
- @dave

## Agenda

### Pending action items

- AI @alice: book it ✅
- AI @dave: survey CSPs regarding the addition of Flatcar to standard images
- AI @carol: write the upgrade runbook for Kubernetes 1.35
`

/** These tests are about the action-item issues; the dashboard the same runs keep has its own (dashboard.test.ts). */
const inputs = { dashboard: 'false' }

const blob = (sha: string, path: string, line: number): string => `https://github.com/acme/minutes/blob/${sha}/${path}#L${line}`

describe('issues that stand alone, and items edited from week to week', () => {
  test('items leaning on their context get it in the title (quoted, shortened) and in the body', async () => {
    sim = await startMinutesRepo()
    await runOnPush({ sim, files: { ...EXAMPLE_TREE, [WEEK_1]: WEEK_1_MINUTES }, sha: WEEK_1_SHA, changed: [WEEK_1], inputs })

    expect(sim.state.issues.map(({ number, title, assignees }) => ({ number, title, assignees }))).toEqual([
      { number: 8, title: '[platform] Book it: Hackathon on 2026-12-10 in Cologne, room not booked yet', assignees: ['alice'] },
      { number: 9, title: '[platform] Bring this forward: Community hackathon', assignees: ['bob'] },
      { number: 10, title: '[platform] Survey CSPs: Two providers asked for Flatcar', assignees: ['dave'] },
      { number: 11, title: '[platform] Write the upgrade runbook for Kubernetes 1.35', assignees: ['carol'] },
    ])
    expect(sim.state.issues[0]?.body?.split('\n').slice(1)).toEqual([
      `**Action item** from the [platform minutes of 2026-11-25](${blob(WEEK_1_SHA, WEEK_1, 13)}):`,
      '',
      '> _2026-11-25 › Agenda › Community hackathon_',
      '>',
      '> - Hackathon on 2026-12-10 in Cologne, room not booked yet',
      '>   - **book it**',
      '',
      '- **Owners:** alice',
      `- **Source:** [platform/20261125.md, line 13](${blob(WEEK_1_SHA, WEEK_1, 13)})`,
      '',
      '<sub>Kept by minutes-automation: closed when the minutes mark this item done, reopened when it comes back undone.</sub>',
      '',
    ])
    expect(sim.state.issues[1]?.body?.split('\n').slice(3, 6)).toEqual(['> _2026-11-25 › Agenda › Community hackathon_', '>', '> bring this forward'])
  })

  test('an item its owner extends the next week stays one issue; done is closed; nothing new is created', async () => {
    sim = await startMinutesRepo()
    const week1 = { ...EXAMPLE_TREE, [WEEK_1]: WEEK_1_MINUTES }
    await runOnPush({ sim, files: week1, sha: WEEK_1_SHA, changed: [WEEK_1], inputs })
    sim.reset()
    const run = await runOnPush({ sim, files: { ...week1, [WEEK_2]: WEEK_2_MINUTES }, sha: WEEK_2_SHA, changed: [WEEK_2], inputs })

    expect(sim.state.issues.map(({ number, state }) => ({ number, state }))).toEqual([
      { number: 8, state: 'closed' },
      { number: 9, state: 'open' },
      { number: 10, state: 'open' },
      { number: 11, state: 'open' },
    ])
    expect(sim.writes().map((request) => `${request.method} ${request.path}`)).toEqual(['PATCH /repos/acme/minutes/issues/8', 'POST /repos/acme/minutes/issues/8/comments'])
    expect(run.outputs['created-issues']).toBe('[]')
    expect(run.summary).toContain('This run will create 0 issues, close 1; 2 unchanged.')
    // The table names the issue by its title, kept from when it was created.
    expect(run.summary).toContain(`| unchanged | \\[platform\\] Survey CSPs: Two providers asked for Flatcar | dave | [line 13](${blob(WEEK_2_SHA, WEEK_2, 13)}) | [#10](`)
  })
})
