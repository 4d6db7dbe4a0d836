import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import {
  EXAMPLE_TREE,
  HEAD_SHA,
  PR_NUMBER,
  WEEKLY,
  requestLines,
  runOnPullRequest,
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

describe('the bundled action on a pull request (pull_request event, simulated GitHub)', () => {
  test('a new weekly file with a broken link: annotations, outputs, one comment, 4 requests', async () => {
    sim = await startMinutesRepo()
    const run = await runOnPullRequest({ sim, files: EXAMPLE_TREE })

    expect(run.exitCode).toBe(1)
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message: 'Cannot find `platform/20261117.md`; did you mean `platform/20261118.md` (1 day later)?',
        file: WEEKLY,
        title: 'minutes: link-target-exists',
        line: 11,
        col: 10,
        endLine: 11,
        endColumn: 72,
      },
      {
        level: 'warning',
        message: '“Team Storage” says “None yet”, but `storage/20261119.md` exists; link it.',
        file: WEEKLY,
        title: 'minutes: team-minutes-missing',
        line: 21,
        col: 1,
        endLine: 21,
        endColumn: 18,
      },
      { level: 'error', message: 'Minutes checks found 1 error, 1 warning (fail-on: error).' },
    ])
    expect(run.outputs).toMatchObject({ errors: '1', warnings: '1', 'created-issues': '[]', 'closed-issues': '[]' })
    const items = JSON.parse(run.outputs['action-items'] ?? '[]') as Array<{ owners: string[]; text: string; done: boolean; line: number }>
    expect(items.map(({ owners, text, done, line }) => ({ owners, text, done, line }))).toEqual([
      { owners: ['alice'], text: 'announce the maintenance window on the mailing list', done: false, line: 14 },
      { owners: ['bob'], text: 'write the upgrade runbook by 2026-11-20', done: true, line: 16 },
      { owners: ['carol'], text: 'check the etcd backup restore time and document it', done: false, line: 17 },
      { owners: ['dave'], text: 'benchmark erasure coding on NVMe', done: true, line: 24 },
      { owners: ['dave'], text: 'publish the benchmark in the blog', done: false, line: 25 },
      { owners: ['erin'], text: 'book the room for the community hackathon', done: false, line: 36 },
    ])

    // At most 4 requests for a PR, whatever its number of links; the only write is the comment.
    // (Our comment is looked up while the files are checked, so the order of reads may vary.)
    expect(requestLines(sim).sort()).toEqual([
      `GET /repos/acme/minutes/pulls/${PR_NUMBER}/files?per_page=100 → 200`,
      'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200',
      `GET /repos/acme/minutes/issues/${PR_NUMBER}/comments?per_page=100 → 200`,
      `POST /repos/acme/minutes/issues/${PR_NUMBER}/comments → 201`,
    ].sort())
    expect(sim.requests.at(-1)?.method).toBe('POST')
    expect(sim.state.issues).toEqual([])
    const [comment, ...others] = sim.state.comments
    expect(others).toEqual([])
    expect(run.outputs['comment-url']).toBe(comment?.html_url)
    expect(comment?.body).toBe(run.summary)
    expect(comment?.body).toContain(
      `- [line 11](${BLOB}/${WEEKLY}#L11) \`link-target-exists\`: Cannot find \`platform/20261117.md\`; did you mean \`platform/20261118.md\` (1 day later)?`,
    )
    expect(comment?.body).toContain('After merge this will create 4 issues, close 0; 0 unchanged, 2 done with no issue.')
    // Done before any issue was opened: nothing will happen to it, as the CLI's plan says too.
    expect(comment?.body).toContain(`| done, no issue | \\[community-call\\] Write the upgrade runbook by 2026-11-20 ✅ | bob | [line 16](${BLOB}/${WEEKLY}#L16) |`)
    expect(comment?.body).toContain(`| create | \\[community-call\\] Book the room for the community hackathon | erin | [line 36](${BLOB}/${WEEKLY}#L36) |`)
    expect(run.logLines).toContain('GitHub API requests: 4.')
  })

  test('the same run again writes nothing: the comment is found and already says it', async () => {
    sim = await startMinutesRepo()
    await runOnPullRequest({ sim, files: EXAMPLE_TREE })
    sim.reset()
    const again = await runOnPullRequest({ sim, files: EXAMPLE_TREE })

    expect(sim.writes()).toEqual([])
    // Reads only: the files, the action-item issues, and our comment (found, already current).
    expect(requestLines(sim).sort()).toEqual([
      `GET /repos/acme/minutes/pulls/${PR_NUMBER}/files?per_page=100 → 200`,
      'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200',
      `GET /repos/acme/minutes/issues/${PR_NUMBER}/comments?per_page=100 → 200`,
    ].sort())
    expect(sim.state.comments).toHaveLength(1)
    expect(again.outputs['comment-url']).toBe(sim.state.comments[0]?.html_url)
  })

  test('a fix pushed to the PR edits the same comment in place', async () => {
    sim = await startMinutesRepo()
    await runOnPullRequest({ sim, files: EXAMPLE_TREE })
    const fixed = { ...EXAMPLE_TREE, [WEEKLY]: (EXAMPLE_TREE[WEEKLY] ?? '').replace('platform/20261117.md', 'platform/20261118.md') }
    sim.reset()
    const run = await runOnPullRequest({ sim, files: fixed })

    expect(run.exitCode).toBe(0)
    expect(sim.writes().map((request) => `${request.method} ${request.route}`)).toEqual(['PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'])
    expect(sim.state.comments).toHaveLength(1)
    expect(sim.state.comments[0]?.body).not.toContain('link-target-exists')
    expect(sim.state.comments[0]?.body).toContain('⚠️ **Nothing blocks the merge:** 1 warning in 1 minutes file.')
  })

  test('a clean PR gets a one-line comment', async () => {
    const clean = { ...EXAMPLE_TREE, [WEEKLY]: '# Acme Cloud Weekly 2026-11-19\n\n## Meta\n\n- Minutes: Bob\n\n## Team updates\n\n### SIG Docs\n\nMinutes: https://github.com/acme/minutes/blob/main/sig-docs/20261117.md\n' }
    sim = await startMinutesRepo(clean)
    const run = await runOnPullRequest({ sim, files: clean })

    expect(run.exitCode).toBe(0)
    expect(sim.state.comments[0]?.body).toBe('<!-- minutes-automation:summary -->\n## Minutes check\n\n✅ 1 minutes file checked: no findings.\n')
  })
})
