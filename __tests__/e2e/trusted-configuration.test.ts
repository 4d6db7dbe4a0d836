import { afterEach, describe, expect, test } from '@jest/globals'
import type { GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, PR_NUMBER, WEEKLY, baseTree, requestLines, runOnPullRequest, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

const CONFIG = '.github/minutes.yml'
const SUPPRESSIONS = '.github/minutes-suppressions.json'
const BASE = 'a'.repeat(40)
const HEAD = 'b'.repeat(40)
const BASE_CONFIG = EXAMPLE_TREE[CONFIG] ?? ''
/** What a hostile pull request proposes: the broken link's rule off, the missing team's lowered, budgets at their caps. */
const WEAKER_CONFIG = `${BASE_CONFIG}profiles:\n  weekly:\n    rules:\n      link-target-exists: off\n      team-minutes-missing: info\nlimits:\n  maxFileBytes: 10000000\n  maxFileSeconds: 30\n`
/** The attack as reported: budgets far past their caps. */
const UNCAPPED_CONFIG = `${BASE_CONFIG}profiles:\n  weekly:\n    rules:\n      link-target-exists: off\nlimits:\n  maxFileBytes: 50000000\n  maxFileSeconds: 600\n`
const HEADER = '<!-- minutes-automation:summary -->\n## Minutes check\n\n'
const WEAKER_LIST = [
  'What it switches off or raises (4 changes):',
  '',
  '- lowers `team-minutes-missing` in profile `weekly` from warning to info',
  '- switches off `link-target-exists` in profile `weekly` (was error)',
  '- raises `limits.maxFileBytes` from 1000000 to 10000000',
  '- raises `limits.maxFileSeconds` from 5 to 30',
  '',
]
const BLOCKED = '❌ **1 error blocks the merge:** `link-target-exists` (1). Also 1 warning in 1 minutes file.'

/** The reads every run on PR #7 makes besides the configuration's, and the comment it posts. */
const PR_REQUESTS = [
  `GET /repos/acme/minutes/issues/${PR_NUMBER}/comments?per_page=100 → 200`,
  `GET /repos/acme/minutes/pulls/${PR_NUMBER}/files?per_page=100 → 200`,
  'GET /repos/acme/minutes/issues?labels=action-item&state=all&per_page=100 → 200',
  `POST /repos/acme/minutes/issues/${PR_NUMBER}/comments → 201`,
]
/** pull_request_target's reads of the head: its tree and the minutes it changes. */
const HEAD_READS = [`GET /repos/acme/minutes/git/trees/${HEAD}?recursive=true → 200`, `GET /repos/acme/minutes/contents/${WEEKLY}?ref=${HEAD} → 200`]

function sorted(lines: readonly string[]): string[] {
  return [...lines].sort()
}

describe('pull_request_target: the configuration and suppressions come from the base commit (issue 17, attack 3)', () => {
  test('a PR switching rules off and raising budgets is checked with the base configuration; its comment says so first', async () => {
    const head = { ...EXAMPLE_TREE, [CONFIG]: WEAKER_CONFIG }
    sim = await startMinutesRepo(head, baseTree(EXAMPLE_TREE))
    const run = await runOnPullRequest({ sim, files: head, eventName: 'pull_request_target' })

    // The findings the base configuration gives still fail the step.
    expect(run.exitCode).toBe(1)
    expect(run.annotations.map(({ level, message, title }) => [level, title ?? null, message])).toEqual([
      ['warning', null, "This pull request changes .github/minutes.yml: 4 thing(s) switched off, lowered or raised; this run used the base branch's configuration. The summary comment lists what changes."],
      ['error', 'minutes: link-target-exists', 'Cannot find `platform/20261117.md`; did you mean `platform/20261118.md` (1 day later)?'],
      ['warning', 'minutes: team-minutes-missing', '“Team Storage” says “None yet”, but `storage/20261119.md` exists; link it.'],
      ['error', null, 'Minutes checks found 1 error, 1 warning (fail-on: error).'],
    ])
    // The configuration the check used is the base's; the head's is read only to compare.
    expect(sorted(requestLines(sim))).toEqual(
      sorted([...PR_REQUESTS, ...HEAD_READS, `GET /repos/acme/minutes/contents/${CONFIG}?ref=${BASE} → 200`, `GET /repos/acme/minutes/contents/${CONFIG}?ref=${HEAD} → 200`]),
    )
    const body = sim.state.comments[0]?.body ?? ''
    expect(body.startsWith(
      [
        `${HEADER}### ⚠️ This pull request changes how minutes are checked`,
        '',
        "It changes `.github/minutes.yml`. This run checks with the base branch's configuration and suppressions (`pull_request_target`); the change applies once merged.",
        '',
        ...WEAKER_LIST,
        BLOCKED,
        '',
      ].join('\n'),
    )).toBe(true)
  })

  test('budgets past their caps (50 MB, 600 s): the PR cannot use them, and the comment says its configuration is not valid', async () => {
    const head = { ...EXAMPLE_TREE, [CONFIG]: UNCAPPED_CONFIG }
    sim = await startMinutesRepo(head, baseTree(EXAMPLE_TREE))
    const run = await runOnPullRequest({ sim, files: head, eventName: 'pull_request_target' })

    // Each problem is positioned: the line of `limits:` in the file the pull request wrote, plus one and two.
    const limits = UNCAPPED_CONFIG.split('\n').indexOf('limits:') + 1
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]).toEqual({ level: 'warning', message: "This pull request changes .github/minutes.yml; this run used the base branch's configuration. The summary comment lists what changes." })
    expect(sim.state.comments[0]?.body.startsWith(
      [
        `${HEADER}### ⚠️ This pull request changes how minutes are checked`,
        '',
        "It changes `.github/minutes.yml`. This run checks with the base branch's configuration and suppressions (`pull_request_target`); the change applies once merged.",
        '',
        `- ⚠️ The pull request's files are not valid (once merged, every run would fail), so the change is not compared: \`.github/minutes.yml:${limits + 1}:17: ʼlimits.maxFileBytesʼ is 50000000; it must be at most 10000000; .github/minutes.yml:${limits + 2}:19: ʼlimits.maxFileSecondsʼ is 600; it must be at most 30\``,
        '',
        BLOCKED,
        '',
      ].join('\n'),
    )).toBe(true)
  })

  test('a suppressions file the PR adds is not applied; the comment names what it would accept', async () => {
    const head = { ...EXAMPLE_TREE, [SUPPRESSIONS]: `${JSON.stringify({ [WEEKLY]: { 'link-target-exists': { count: 1 }, 'team-minutes-missing': { count: 1 } } }, null, 2)}\n` }
    sim = await startMinutesRepo(head, baseTree(EXAMPLE_TREE))
    const run = await runOnPullRequest({ sim, files: head, eventName: 'pull_request_target' })

    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ errors: '1', warnings: '1' })
    // Read at the base (none there: 404), and at the head to compare; the base configuration once.
    expect(sorted(requestLines(sim))).toEqual(
      sorted([
        ...PR_REQUESTS,
        ...HEAD_READS,
        `GET /repos/acme/minutes/contents/${CONFIG}?ref=${BASE} → 200`,
        `GET /repos/acme/minutes/contents/${SUPPRESSIONS}?ref=${BASE} → 404`,
        `GET /repos/acme/minutes/contents/${CONFIG}?ref=${HEAD} → 200`,
        `GET /repos/acme/minutes/contents/${SUPPRESSIONS}?ref=${HEAD} → 200`,
      ]),
    )
    expect(sim.state.comments[0]?.body.startsWith(
      [
        `${HEADER}### ⚠️ This pull request changes how minutes are checked`,
        '',
        "It changes `.github/minutes-suppressions.json`. This run checks with the base branch's configuration and suppressions (`pull_request_target`); the change applies once merged.",
        '',
        'What it switches off or raises (2 changes):',
        '',
        '- accepts 1 `link-target-exists` finding in `community-call/20261119.md` (was 0)',
        '- accepts 1 `team-minutes-missing` finding in `community-call/20261119.md` (was 0)',
        '',
        BLOCKED,
        '',
      ].join('\n'),
    )).toBe(true)
  })
})

describe('pull_request: a PR changing the configuration says so first in its comment (issue 17, attack 3)', () => {
  test('the change applies to this run (its checkout), and the comment names what it switches off or raises', async () => {
    const head = { ...EXAMPLE_TREE, [CONFIG]: WEAKER_CONFIG }
    sim = await startMinutesRepo(head, baseTree(EXAMPLE_TREE))
    const run = await runOnPullRequest({ sim, files: head })

    expect(run.exitCode).toBe(0)
    // One request more than any PR: the base's configuration, because the PR changes it.
    expect(sorted(requestLines(sim))).toEqual(sorted([...PR_REQUESTS, `GET /repos/acme/minutes/contents/${CONFIG}?ref=${BASE} → 200`]))
    expect(sim.state.comments[0]?.body.startsWith(
      [
        `${HEADER}### ⚠️ This pull request changes how minutes are checked`,
        '',
        'It changes `.github/minutes.yml`. This run checks with the changed configuration and suppressions.',
        '',
        ...WEAKER_LIST,
        '✅ **Nothing blocks the merge:** 1 note in 1 minutes file.',
        '',
      ].join('\n'),
    )).toBe(true)
  })

  test('a PR that changes only the configuration still gets the comment, with the notice', async () => {
    const base = baseTree(EXAMPLE_TREE, [])
    const head = { ...base, [CONFIG]: `${BASE_CONFIG}exclude: ['**']\nactionItems:\n  people:\n    Sam: sam-k\n` }
    sim = await startMinutesRepo(head, base)
    const run = await runOnPullRequest({ sim, files: head })

    expect(run.exitCode).toBe(0)
    expect(sim.state.comments[0]?.body).toBe(
      [
        `${HEADER}### ⚠️ This pull request changes how minutes are checked`,
        '',
        'It changes `.github/minutes.yml`. This run checks with the changed configuration and suppressions.',
        '',
        'What it switches off or raises (1 change):',
        '',
        '- excludes `**` from every check',
        '',
        'It also changes `actionItems.people`.',
        '',
        '✅ 0 minutes files checked: no findings.',
        '',
      ].join('\n'),
    )
  })

  test('a PR that removes a picture host names it, and what external-image-copied no longer checks there', async () => {
    const base = { ...baseTree(EXAMPLE_TREE, []), [CONFIG]: `${BASE_CONFIG}externalImages:\n  hosts: [input.scs.community, pad.example.org]\n` }
    const head = { ...base, [CONFIG]: `${BASE_CONFIG}externalImages:\n  hosts: [input.scs.community]\n  folder: images\n` }
    sim = await startMinutesRepo(head, base)
    await runOnPullRequest({ sim, files: head })

    expect(sim.state.comments[0]?.body).toBe(
      [
        `${HEADER}### ⚠️ This pull request changes how minutes are checked`,
        '',
        'It changes `.github/minutes.yml`. This run checks with the changed configuration and suppressions.',
        '',
        'What it switches off or raises (1 change):',
        '',
        '- removes `pad.example.org` from `externalImages.hosts`: `external-image-copied` no longer checks that pictures there have a copy',
        '',
        'It also changes `externalImages.folder`.',
        '',
        '✅ 0 minutes files checked: no findings.',
        '',
      ].join('\n'),
    )
  })

  test('a PR that does not touch the configuration reads nothing more and gets no notice', async () => {
    sim = await startMinutesRepo()
    await runOnPullRequest({ sim, files: EXAMPLE_TREE })
    expect(sorted(requestLines(sim))).toEqual(sorted(PR_REQUESTS))
    expect(sim.state.comments[0]?.body.startsWith(`${HEADER}${BLOCKED}`)).toBe(true)
  })
})
