import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, PR_NUMBER, WEEKLY, requestLines, runOnPullRequest, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

const MARKER = '<!-- minutes-automation:summary -->'

/** Minutes written to break a comment: HTML comments, table pipes, folds, mentions, a 100 KB line. */
const HOSTILE = `# Acme Cloud Weekly 2026-11-19

## Meta

- Minutes: Mallory

## Team updates

### Team <!-- Platform | --> </details> @acme/admins

Minutes: [x](platform/2026-->1117.md) | </details>

- AI @alice: ping @acme/security and #12 about \`-->\` | <!-- minutes-automation:summary --> </details>
- AI @bob: ${'long '.repeat(20_000)}end
`

describe('the summary comment', () => {
  test('hostile minutes text leaves the comment intact: one marker, balanced folds, no mentions, under the limit', async () => {
    const files = { ...EXAMPLE_TREE, [WEEKLY]: HOSTILE }
    sim = await startMinutesRepo(files)
    const run = await runOnPullRequest({ sim, files })
    const body = sim.state.comments[0]?.body ?? ''

    expect(run.stderr).toBe('')
    expect(body.startsWith(`${MARKER}\n`)).toBe(true)
    expect(body.split('<!--')).toHaveLength(2)
    expect(body.split('-->')).toHaveLength(2)
    expect(body.split('<details>').length).toBe(body.split('</details>').length)
    expect(body).not.toMatch(/@[\w-]/)
    expect(body).not.toMatch(/#\d/)
    expect(body.length).toBeLessThan(65_536)
    // Every table row keeps its cells: pipes from the minutes are escaped.
    for (const row of body.split('\n').filter((line) => line.startsWith('| '))) {
      const cells = row.split(/(?<!\\)\|/).length - 2
      expect([2, 4]).toContain(cells)
    }
    // The HTML in the item is not text (the extractor drops it); what is left is escaped.
    expect(body).toContain('| create | \\[community-call\\] Ping @\u200Bacme/security and #\u200B12 about --&gt; \\| | alice | [line 13](')
    // In a code span the path keeps its characters; an invisible space breaks the `-->`.
    expect(body).toContain('Cannot find `community-call/platform/2026--\u200B>1117.md`: there is no folder `community-call/platform/`.')
    expect(body).toContain('| [Team &lt;!-- Platform \\| --&gt; &lt;/details&gt; @\u200Bacme/admins](')
    // A second run finds the same comment: the forged marker inside did not confuse it.
    sim.reset()
    await runOnPullRequest({ sim, files })
    expect(sim.writes()).toEqual([])
    expect(sim.state.comments).toHaveLength(1)
    // Two runs of the action on a 100 KB line: near the default 30 s on a loaded machine.
  }, 60_000)

  test('a marker pasted into a person’s comment is not taken for ours', async () => {
    sim = await startMinutesRepo()
    sim.addComment({ issue_number: PR_NUMBER, body: `${MARKER}\nI copied this`, user: 'mallory' })
    await runOnPullRequest({ sim, files: EXAMPLE_TREE })
    expect(sim.state.comments.map((comment) => comment.user)).toEqual(['mallory', 'github-actions[bot]'])
    // GITHUB_TOKEN is an app token: GitHub will not say whose it is, so only bot comments count.
    expect(sim.requestsTo('GET', '/user').map((request) => request.status)).toEqual([403])
    expect(sim.state.comments[0]?.body).toBe(`${MARKER}\nI copied this`)
  })

  test('with a person’s token the comments are theirs: found by the token’s login, edited, never repeated', async () => {
    sim = await startMinutesRepo(EXAMPLE_TREE, undefined, { actor: 'maintainer' })
    await runOnPullRequest({ sim, files: EXAMPLE_TREE })
    const fixed = { ...EXAMPLE_TREE, [WEEKLY]: (EXAMPLE_TREE[WEEKLY] ?? '').replace('platform/20261117.md', 'platform/20261118.md') }
    sim.reset()
    await runOnPullRequest({ sim, files: fixed })
    expect(sim.state.comments.map((comment) => comment.user)).toEqual(['maintainer'])
    expect(sim.writes().map((request) => `${request.method} ${request.route}`)).toEqual(['PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'])
    expect(sim.requestsTo('GET', '/user').map((request) => request.status)).toEqual([200])
  })

  test('a read-only token (a fork’s PR): a warning naming the permission, annotations and job summary still there', async () => {
    sim = await startMinutesRepo()
    sim.setReadOnly(true)
    const run = await runOnPullRequest({ sim, files: EXAMPLE_TREE, fork: true, inputs: { 'fail-on': 'warning' } })

    expect(run.exitCode).toBe(1)
    expect(run.annotations.map((annotation) => `${annotation.level} ${annotation.title ?? ''}`)).toEqual([
      'error minutes: link-target-exists',
      'warning minutes: team-minutes-missing',
      'warning ',
      'error ',
    ])
    expect(run.annotations[2]?.message).toBe(
      'Could not post the summary comment: Resource not accessible by integration - https://docs.github.com/rest/issues/comments#create-an-issue-comment. The token lacks `pull-requests: write` (pull requests from forks get a read-only token); the job summary has the same content.',
    )
    expect(run.summary.startsWith(`${MARKER}\n## Minutes check\n\n❌ **1 error and 1 warning block the merge:** \`link-target-exists\` (1), \`team-minutes-missing\` (1) in 1 minutes file.`)).toBe(true)
    expect(sim.state.comments).toEqual([])
    expect(run.outputs['comment-url']).toBeUndefined()
  })

  test('comment: false writes only the job summary', async () => {
    sim = await startMinutesRepo()
    const run = await runOnPullRequest({ sim, files: EXAMPLE_TREE, inputs: { comment: 'false' } })
    expect(sim.writes()).toEqual([])
    expect(run.summary).toContain('### Action items')
  })
})

describe('pull_request_target: the PR is read through the API, never checked out', () => {
  test('the same findings as pull_request, from the head commit (with the base commit\'s configuration), with the workspace holding only the base', async () => {
    sim = await startMinutesRepo()
    const run = await runOnPullRequest({ sim, files: EXAMPLE_TREE, eventName: 'pull_request_target', fork: true })

    expect(run.annotations.slice(0, 2).map((annotation) => [annotation.file, annotation.line, annotation.title])).toEqual([
      [WEEKLY, 11, 'minutes: link-target-exists'],
      [WEEKLY, 21, 'minutes: team-minutes-missing'],
    ])
    expect(requestLines(sim).sort()).toEqual([
      `GET /repos/acme/minutes/pulls/${PR_NUMBER}/files?per_page=100 → 200`,
      // The configuration comes from the base commit: the PR does not choose how it is checked.
      'GET /repos/acme/minutes/contents/.github/minutes.yml?ref=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa → 200',
      'GET /repos/acme/minutes/git/trees/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb?recursive=true → 200',
      `GET /repos/acme/minutes/contents/${WEEKLY}?ref=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb → 200`,
      'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200',
      `GET /repos/acme/minutes/issues/${PR_NUMBER}/comments?per_page=100 → 200`,
      `POST /repos/acme/minutes/issues/${PR_NUMBER}/comments → 201`,
    ].sort())
    expect(sim.requests.at(-1)?.method).toBe('POST')
  })
})
