import { afterEach, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { symlink, type CommitTree, type GitHubSim } from '../../test-support/github-sim/index.js'
import { EXAMPLE_TREE, WEEKLY, baseTree, runOnPullRequest, startMinutesRepo } from '../../test-support/minutes-scenario.js'
import { PROJECT_ROOT } from '../../test-support/project-root.js'
import { parseStdout, type ActionRun } from '../../test-support/run-action.js'
import { closeSim } from '../../test-support/sim-lifecycle.js'
import { removeWorkspace, writeWorkspace } from '../../test-support/workspace.js'

// Issue 17, attack 1: text from the minutes and their paths put workflow commands on stdout
// (a forged annotation, `::add-mask::` hiding a word, `::stop-commands::` silencing our own
// annotations). Each shape below did; the runner's reading of stdout is the harness's
// (`parseStdout`: lone CR ends a line, leading white space trimmed, legacy `##[` anywhere).

let sim: GitHubSim | undefined
afterEach(async () => {
  const ending = sim
  sim = undefined
  await closeSim(ending)
})

const FORGED = '::warning file=README.md,line=1::INJECTED'
/** A link target percent-encoding LF, a lone CR and an indented stop; the legacy form mid-line. */
const LINKS = `\nSee [notes](platform/%0A::add-mask::Minutes.md), [cr](x%0D${FORGED.replace(' ', '%20')}.md) and [stop](<a%0A%20%20::stop-commands::evil>) ##[add-mask]Minutes\n`
/** A setext title spanning lines, with no date (the title-date finding quotes it). */
const SETEXT = 'platform/20261120.md'
const SETEXT_MINUTES = `Platform sync\n${FORGED}\n=============\n\n- AI @alice: review ::add-mask::Minutes\n`
/** File names holding a line break, or starting with `::`, each with a broken link. */
const NEWLINE_NAME = 'storage/20261119\n::add-mask::Minutes.md'
const COMMAND_FOLDER = `${FORGED}/20261119.md`
/** A symbolic link whose target holds a line break. */
const LINK_NAME = 'sig-docs/20261124.md'
const LINK_TARGET = '../x\n::add-mask::Minutes'

const TREE: CommitTree = {
  ...EXAMPLE_TREE,
  [WEEKLY]: `${EXAMPLE_TREE[WEEKLY] ?? ''}${LINKS}`,
  [SETEXT]: SETEXT_MINUTES,
  [NEWLINE_NAME]: '# Storage notes\n\n[x](missing.md)\n',
  [COMMAND_FOLDER]: '# 2026-11-19\n\n[x](missing.md)\n',
  [LINK_NAME]: symlink(LINK_TARGET),
}
const ADDED = [WEEKLY, SETEXT, NEWLINE_NAME, COMMAND_FOLDER, LINK_NAME]

/** The findings' log lines as the action prints them: one line each, breaks escaped. */
const HOSTILE_LOG_LINES = [
  `${COMMAND_FOLDER}:3:1 error Cannot find \`${FORGED}/missing.md\`. link-target-exists`,
  `${WEEKLY}:38:5 error Cannot find \`community-call/platform/\\n::add-mask::Minutes.md\`: there is no folder \`community-call/platform/\`. link-target-exists`,
  `${WEEKLY}:38:50 error Cannot find \`community-call/x\\r${FORGED}.md\`. link-target-exists`,
  `${WEEKLY}:38:111 error Cannot find \`community-call/a\\n  ::stop-commands::evil\`. link-target-exists`,
  `platform/20261120.md:1:1 error The title “Platform sync\\n${FORGED}” has no date; add the meeting date as \`2026-11-20\`. title-date`,
  `sig-docs/20261124.md:1:1 warning A symbolic link to \`x\\n::add-mask::Minutes\`, which does not exist. symbolic-link`,
  'storage/20261119\\n::add-mask::Minutes.md:3:1 error Cannot find `storage/missing.md`. link-target-exists',
]

function expectNothingForged(run: ActionRun): void {
  // Only annotations: no mask, no stop, nothing else the minutes could have written.
  expect(run.commands.filter((command) => !['error', 'warning', 'notice'].includes(command.name))).toEqual([])
  expect(run.annotations.filter((annotation) => annotation.message.includes('INJECTED') && annotation.title === undefined)).toEqual([])
  expect(run.annotations.filter((annotation) => annotation.file === 'README.md')).toEqual([])
  // Our own stops only: one random token per run, every stop resumed (the step's last line is a command).
  expect(run.stopTokens.length).toBeGreaterThan(0)
  expect(new Set(run.stopTokens).size).toBe(1)
  expect(run.stopTokens[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u)
  expect(run.commands.at(-1)).toMatchObject({ name: 'error', message: expect.stringMatching(/^Minutes checks found \d+ errors/u) })
}

describe('nothing from the minutes or their paths reaches stdout as a workflow command', () => {
  test.each(['pull_request', 'pull_request_target'] as const)('%s: link targets, a setext title, file names, a symbolic link, a lone CR', async (eventName) => {
    sim = await startMinutesRepo(TREE, baseTree(TREE, ADDED))
    const run = await runOnPullRequest({ sim, files: TREE, eventName })

    expectNothingForged(run)
    for (const line of HOSTILE_LOG_LINES) expect(run.logLines).toContain(line)

    // Our annotations still come through, each with its text whole (the runner unescapes it).
    const hostile = run.annotations.filter((annotation) => ADDED.includes(annotation.file ?? '') && (annotation.file !== WEEKLY || annotation.line === 38))
    expect(hostile.map(({ level, file, line, title, message }) => ({ level, file, line, title, message })).sort((a, b) => `${a.file}${a.message}`.localeCompare(`${b.file}${b.message}`))).toEqual(
      [
        { level: 'error', file: COMMAND_FOLDER, line: 3, title: 'minutes: link-target-exists', message: `Cannot find \`${FORGED}/missing.md\`.` },
        { level: 'error', file: WEEKLY, line: 38, title: 'minutes: link-target-exists', message: 'Cannot find `community-call/a\n  ::stop-commands::evil`.' },
        { level: 'error', file: WEEKLY, line: 38, title: 'minutes: link-target-exists', message: 'Cannot find `community-call/platform/\n::add-mask::Minutes.md`: there is no folder `community-call/platform/`.' },
        { level: 'error', file: WEEKLY, line: 38, title: 'minutes: link-target-exists', message: `Cannot find \`community-call/x\r${FORGED}.md\`.` },
        { level: 'error', file: SETEXT, line: 1, title: 'minutes: title-date', message: `The title “Platform sync\n${FORGED}” has no date; add the meeting date as \`2026-11-20\`.` },
        { level: 'warning', file: LINK_NAME, line: 1, title: 'minutes: symbolic-link', message: 'A symbolic link to `x\n::add-mask::Minutes`, which does not exist.' },
        { level: 'error', file: NEWLINE_NAME, line: 3, title: 'minutes: link-target-exists', message: 'Cannot find `storage/missing.md`.' },
      ].sort((a, b) => `${a.file}${a.message}`.localeCompare(`${b.file}${b.message}`)),
    )
  }, 60_000)
})

describe('the CLI run as a workflow step (GITHUB_ACTIONS=true)', () => {
  test('stops workflow commands before its first line, on stderr, and prints each finding on one line', async () => {
    const root = await writeWorkspace(TREE)
    try {
      for (const format of ['text', 'json']) {
        const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/cli/index.js'), '--format', format], {
          cwd: root,
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true' },
        })
        expect(result.status).toBe(1)
        // The runner handles a batch's stderr lines before its stdout lines; the stop is written first.
        const read = parseStdout(result.stderr + result.stdout)
        expect(read.commands).toEqual([])
        expect(read.stopTokens).toHaveLength(1)
        expect(read.stopTokens[0]).toMatch(/^[0-9a-f-]{36}$/u)
        if (format === 'text') for (const line of HOSTILE_LOG_LINES) expect(read.logLines).toContain(line)
        // JSON on stdout stays JSON: the stop line went to stderr.
        else expect(JSON.parse(result.stdout)).toMatchObject({ version: 1 })
      }
    } finally {
      await removeWorkspace(root)
    }
  }, 60_000)
})
