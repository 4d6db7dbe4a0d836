import { afterEach, describe, expect, test } from '@jest/globals'
import { runCli } from '../../src/cli/main.js'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, FULL_NAME, runOnDispatch, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'
import { type FileTree, removeWorkspace, writeWorkspace } from '../../test-support/workspace.js'

// `minutes-check plan` against the same tree the bundled action runs on: offline from the
// minutes alone, then exact against the GitHub simulation, where its "create" lines must be
// the issues the action then creates, run after run (since and max-new-issues applied alike).

let sim: GitHubSim | undefined
let workspace: string | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending, { checkComments: false })
  if (workspace) await removeWorkspace(workspace)
  workspace = undefined
})

const SHA = 'e'.repeat(40)
const SINCE = '2026-02-01'
/** Four meetings of three open items: the first before `since`. */
const MEETINGS = ['2026-01-28', '2026-02-04', '2026-02-11', '2026-02-18']
const minutes = (date: string, week: number) =>
  `# ${date}\n\n## Participants\n\n- @alice\n\n## Agenda\n\n### Open work\n\n${[0, 1, 2].map((index) => `- AI @alice: review item${week * 3 + index} for topic${week}x${index}`).join('\n')}\n`
const HISTORY: FileTree = Object.fromEntries(MEETINGS.map((date, week) => [`history/${date.replaceAll('-', '')}.md`, minutes(date, week)]))
const FILES: FileTree = { ...EXAMPLE_TREE, ...HISTORY, '.github/minutes.yml': `repository: ${FULL_NAME}\nactionItems:\n  since: ${SINCE}\n` }

interface Plan {
  offline: boolean
  counts: Record<string, number>
  changes: Array<{ kind: string; path: string | null; line: number | null; title: string; issue: number | null }>
}

async function plan(root: string, env: Record<string, string>, argv: string[] = []) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(['plan', ...argv], { cwd: root, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env })
  return { code, stdout, stderr }
}

const titlesOf = (json: Plan, kind: string) => json.changes.filter((change) => change.kind === kind).map((change) => change.title)

describe('minutes-check plan', () => {
  test('offline: from the minutes alone, marked so, with since and max-new-issues applied; items before since only counted', async () => {
    workspace = await writeWorkspace(FILES)
    const text = await plan(workspace, {}, ['--max-new-issues', '4'])
    expect(text.code).toBe(0)
    expect(text.stdout).toBe(
      [
        'Action items → issues (offline: issues on GitHub not read; set GITHUB_TOKEN for the exact plan):',
        'create         history/20260204.md:11 [history] Review item3 for topic1x0',
        'create         history/20260204.md:12 [history] Review item4 for topic1x1',
        'create         history/20260204.md:13 [history] Review item5 for topic1x2',
        'create         history/20260211.md:11 [history] Review item6 for topic2x0',
        'held back      history/20260211.md:12 [history] Review item7 for topic2x1',
        'held back      history/20260211.md:13 [history] Review item8 for topic2x2',
        'held back      history/20260218.md:11 [history] Review item9 for topic3x0',
        'held back      history/20260218.md:12 [history] Review item10 for topic3x1',
        'held back      history/20260218.md:13 [history] Review item11 for topic3x2',
        'held back      platform/20261111.md:14 [platform] Write the upgrade runbook',
        'held back      community-call/20261119.md:14 [community-call] Announce the maintenance window on the mailing list',
        'done, no issue community-call/20261119.md:16 write the upgrade runbook by 2026-11-20',
        'held back      community-call/20261119.md:17 [community-call] Check the etcd backup restore time and document it: Team Platform',
        'done, no issue community-call/20261119.md:24 benchmark erasure coding on NVMe',
        'held back      community-call/20261119.md:25 [community-call] Publish the benchmark in the blog',
        'held back      community-call/20261119.md:36 [community-call] Book the room for the community hackathon',
        '4 to create, 0 to close, 0 to reopen, 0 unchanged, 2 done with no issue; 10 held back (max-new-issues: 4, max-closes-and-reopens: 20), 3 before since (2026-02-01).',
        'Items before since are counted, not listed; --all lists them.',
        '',
      ].join('\n'),
    )
    const json = JSON.parse((await plan(workspace, {}, ['--max-new-issues', '4', '--format', 'json'])).stdout) as Plan
    expect(json.offline).toBe(true)
    expect(json.counts['before-since']).toBe(3)
    expect(json.counts.create).toBe(4)
    expect(titlesOf(json, 'create').slice(0, 2)).toEqual(['[history] Review item3 for topic1x0', '[history] Review item4 for topic1x1'])
  })

  test('offline without actionItems.since: the totals say every meeting counts, not "0 before since"; no word on link checking', async () => {
    // No configuration, and a github.com link whose repository cannot be told: the check would say so, the plan has no link to check.
    workspace = await writeWorkspace({ 'ops/20260105.md': '# Ops 2026-01-05\n\n- AI @kim: rotate the keys\n- [x] AI @lee: renew the certificate\n\nSee https://github.com/acme/tools/blob/main/disks.md\n' })
    const text = await plan(workspace, {})
    expect(text).toEqual({
      code: 0,
      stdout: [
        'Action items → issues (offline: issues on GitHub not read; set GITHUB_TOKEN for the exact plan):',
        'create         ops/20260105.md:3 [ops] Rotate the keys',
        'done, no issue ops/20260105.md:4 renew the certificate',
        '1 to create, 0 to close, 0 to reopen, 0 unchanged, 1 done with no issue; 0 held back (max-new-issues: 20, max-closes-and-reopens: 20), no actionItems.since: open items of every meeting count.',
        '',
      ].join('\n'),
      stderr: '',
    })
  })

  test('items before since: counted in the totals with a line naming --all, which lists them; JSON lists every item either way', async () => {
    workspace = await writeWorkspace({
      '.github/minutes.yml': 'actionItems:\n  since: 2026-03-01\n',
      'ops/20260215.md': '# Ops 2026-02-15\n\n- AI @kim: rotate the keys\n- AI @lee: renew the certificate\n',
      'ops/20260305.md': '# Ops 2026-03-05\n\n- AI @kim: archive the old logs\n',
    })
    const header = 'Action items → issues (offline: issues on GitHub not read; set GITHUB_TOKEN for the exact plan):'
    const create = 'create         ops/20260305.md:3 [ops] Archive the old logs'
    const totals = '1 to create, 0 to close, 0 to reopen, 0 unchanged, 0 done with no issue; 0 held back (max-new-issues: 20, max-closes-and-reopens: 20), 2 before since (2026-03-01).'
    expect(await plan(workspace, {})).toEqual({ code: 0, stdout: [header, create, totals, 'Items before since are counted, not listed; --all lists them.', ''].join('\n'), stderr: '' })
    expect(await plan(workspace, {}, ['--all'])).toEqual({
      code: 0,
      stdout: [header, 'before since   ops/20260215.md:3 rotate the keys', 'before since   ops/20260215.md:4 renew the certificate', create, totals, ''].join('\n'),
      stderr: '',
    })
    const kinds = async (argv: string[]) => (JSON.parse((await plan(workspace ?? '', {}, ['--format', 'json', ...argv])).stdout) as Plan).changes.map((change) => `${change.kind} ${change.title}`)
    expect(await kinds([])).toEqual(['before-since rotate the keys', 'before-since renew the certificate', 'create [ops] Archive the old logs'])
    expect(await kinds(['--all'])).toEqual(await kinds([]))
  })

  test('with GITHUB_TOKEN: exact, and each run of the action creates what the plan said it would', async () => {
    sim = await startMinutesRepo()
    workspace = await writeWorkspace(FILES)
    const env = { GITHUB_TOKEN: 'ghs_test', GITHUB_API_URL: sim.url }
    const actionItemIssues = () => sim?.state.issues.filter((issue) => issue.labels.includes('action-item')).map((issue) => issue.title) ?? []

    const first = JSON.parse((await plan(workspace, env, ['--max-new-issues', '4', '--format', 'json'])).stdout) as Plan
    expect(first.offline).toBe(false)
    // No issue yet: the exact plan is the offline one.
    expect(first.changes).toEqual((JSON.parse((await plan(workspace, {}, ['--max-new-issues', '4', '--format', 'json'])).stdout) as Plan).changes)
    await runOnDispatch({ sim, files: FILES, sha: SHA, inputs: { 'fail-on': 'never', 'max-new-issues': '4' } })
    expect(actionItemIssues()).toEqual(titlesOf(first, 'create'))

    const second = JSON.parse((await plan(workspace, env, ['--max-new-issues', '4', '--format', 'json'])).stdout) as Plan
    expect(titlesOf(second, 'unchanged')).toEqual(expect.arrayContaining(titlesOf(first, 'create')))
    expect(second.counts['before-since']).toBe(first.counts['before-since'])
    expect(titlesOf(second, 'create')).toEqual(['[history] Review item7 for topic2x1', '[history] Review item8 for topic2x2', '[history] Review item9 for topic3x0', '[history] Review item10 for topic3x1'])
    await runOnDispatch({ sim, files: FILES, sha: SHA, inputs: { 'fail-on': 'never', 'max-new-issues': '4' } })
    expect(actionItemIssues()).toEqual([...titlesOf(first, 'create'), ...titlesOf(second, 'create')])
    const text = await plan(workspace, env, ['--max-new-issues', '4'])
    expect(text.stdout.split('\n')[0]).toBe(`Action items → issues (${FULL_NAME}: ${actionItemIssues().length} action-item issues read):`)
    // The two done items have no issue: not counted as issues left unchanged.
    expect(text.stdout.split('\n').at(-3)).toMatch(/^4 to create, 0 to close, 0 to reopen, 8 unchanged, 2 done with no issue; /)
  })
})
