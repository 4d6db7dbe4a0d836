import { describe, expect, test } from '@jest/globals'
import { initConfig, replayHistory, type MeetingFile, type ReplayResult } from '../../test-support/replay-history.js'
import { figures, renderingProblems } from '../../test-support/replay-figures.js'

/**
 * The replay (scripts/replay.ts, `npm run replay`) on a series of our own, three meetings: the
 * first opens two items, the second ticks one and adds one, the third marks the other
 * done, and the answered one on a line that references its issue (`(#4)`, as prepare-next writes). What it measures must be what happened.
 */
const MEETINGS: MeetingFile[] = [
  {
    path: 'platform/20260108.md',
    date: '2026-01-08',
    content: '# Platform 2026-01-08\n\n## Participants\n\n- @alice\n- @bob\n\n## Action items\n\n- AI @alice: write the upgrade runbook for the clusters\n- AI @bob: order the new disks for the storage nodes\n',
  },
  {
    path: 'platform/20260115.md',
    date: '2026-01-15',
    content:
      '# Platform 2026-01-15\n\n## Participants\n\n- @alice\n- @carol\n\n## Pending action items\n\n- [x] AI @alice: write the upgrade runbook for the clusters\n- [ ] AI @bob: order the new disks for the storage nodes\n\n## Hackathon\n\n- Can we book the big room for the hackathon?\n  - Yes, AI: @carol\n',
  },
  {
    path: 'platform/20260122.md',
    date: '2026-01-22',
    content: '# Platform 2026-01-22\n\n## Participants\n\n- @bob\n\n## Pending action items\n\n- AI @bob: order the new disks for the storage nodes ✅\n- [x] AI @carol: book the room (#4)\n',
  },
]

const DASHBOARD_LISTING = 'GET /repos/acme/minutes/issues?labels=minutes-dashboard&state=all&sort=created&direction=asc&per_page=100 → 200'
const ITEM_LISTING = 'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200'

let result: ReplayResult

describe('the replay of a series, push by push', () => {
  test('the configuration init writes, with and without `since`', async () => {
    const withSince = await initConfig(MEETINGS, { since: true })
    expect(withSince).toMatch(/\n {2}since: 2026-01-22\n/u)
    expect(await initConfig(MEETINGS, { since: false })).not.toMatch(/since:/u)
  })

  test('three pushes: what was opened, closed and how, the requests, the dashboard', async () => {
    result = await replayHistory({ files: MEETINGS, config: 'actionItems:\n  label: action-item\n' })
    expect(result.pushes.map(({ path, created, closed, requestLines, exitCode }) => ({ path, created, closed, requestLines, exitCode }))).toEqual([
      {
        path: 'platform/20260108.md',
        created: [1, 2],
        closed: [],
        requestLines: [
          DASHBOARD_LISTING,
          ITEM_LISTING,
          'GET /repos/acme/minutes/assignees/alice → 204',
          'GET /repos/acme/minutes/assignees/bob → 204',
          'GET /repos/acme/minutes/labels/action-item → 404',
          'POST /repos/acme/minutes/labels → 201',
          'POST /repos/acme/minutes/issues → 201',
          'POST /repos/acme/minutes/issues → 201',
          'POST /repos/acme/minutes/issues → 201', // the dashboard, #3
        ],
        exitCode: 0,
      },
      {
        // alice's item ticked closes #1; carol's "Yes" under the question opens #4; the dashboard is edited
        path: 'platform/20260115.md',
        created: [4],
        closed: [1],
        requestLines: [
          DASHBOARD_LISTING,
          ITEM_LISTING,
          'GET /repos/acme/minutes/assignees/carol → 204',
          'PATCH /repos/acme/minutes/issues/1 → 200',
          'POST /repos/acme/minutes/issues/1/comments → 201',
          'GET /repos/acme/minutes/labels/action-item → 200',
          'POST /repos/acme/minutes/issues → 201',
          'PATCH /repos/acme/minutes/issues/3 → 200',
        ],
        exitCode: 0,
      },
      {
        path: 'platform/20260122.md',
        created: [],
        closed: [2, 4],
        requestLines: [
          DASHBOARD_LISTING,
          ITEM_LISTING,
          'PATCH /repos/acme/minutes/issues/2 → 200',
          'POST /repos/acme/minutes/issues/2/comments → 201',
          'PATCH /repos/acme/minutes/issues/4 → 200',
          'POST /repos/acme/minutes/issues/4/comments → 201',
          'PATCH /repos/acme/minutes/issues/3 → 200',
        ],
        exitCode: 0,
      },
    ])
    expect(result.violations).toBe(0)
    expect(result.issues.map(({ number, title, state, assignees, closedBy }) => ({ number, title, state, assignees, closedBy }))).toEqual([
      { number: 1, title: '[platform] Write the upgrade runbook for the clusters', state: 'closed', assignees: ['alice'], closedBy: { path: 'platform/20260115.md', cause: 'done mark, matched by its words' } },
      { number: 2, title: '[platform] Order the new disks for the storage nodes', state: 'closed', assignees: ['bob'], closedBy: { path: 'platform/20260122.md', cause: 'done mark, matched by its words' } },
      { number: 4, title: '[platform] Can we book the big room for the hackathon?', state: 'closed', assignees: ['carol'], closedBy: { path: 'platform/20260122.md', cause: 'done mark on a line referencing the issue' } },
    ])
    const body = result.issues.find((issue) => issue.number === 4)?.body ?? ''
    expect(body.split('\n').slice(1)).toEqual([
      '**Action item** from the [platform minutes of 2026-01-15](https://github.com/acme/minutes/blob/0000000000000000000000000000000000000003/platform/20260115.md#L16):',
      '',
      '> _Platform 2026-01-15 › Hackathon_',
      '>',
      '> Can we book the big room for the hackathon?',
      '',
      '- **Owners:** carol',
      '- **Source:** [platform/20260115.md, line 16](https://github.com/acme/minutes/blob/0000000000000000000000000000000000000003/platform/20260115.md#L16)',
      '',
      '<sub>Kept by minutes-automation: closed when the minutes mark this item done, reopened when it comes back undone.</sub>',
      '',
    ])
    const { total, dashboardItems } = figures(result)
    expect(total).toEqual({ series: 'total', pushes: 3, opened: 3, closed: 3, closedBy: { 'done mark, matched by its words': 2, 'done mark on a line referencing the issue': 1 }, open: 0, alike: [], requests: 24 })
    expect(dashboardItems).toBe(0)
    expect(renderingProblems(result, MEETINGS.map((meeting) => String(meeting.content)))).toEqual([])
    expect(result.dashboard?.body).toMatch(/^<!-- minutes-automation:dashboard -->\n\*\*No open action items\.\*\*\n/u)
  }, 60_000)
})
