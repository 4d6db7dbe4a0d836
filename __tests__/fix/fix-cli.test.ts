import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { INIT_HINT, runCli } from '../../src/cli/main.js'

// `--fix` on synthetic trees, one per kind of fix: the exact bytes written, what it says it
// changed, a second run that changes nothing, and the cases a person must decide left alone.

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-fix-'))
  temps.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

async function cli(argv: string[], cwd: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8')

/** Runs --fix twice: the second run must change nothing and say so. */
async function fixTwice(root: string, argv: string[] = []) {
  const first = await cli(['--fix', ...argv], root)
  const snapshot = (paths: string[]) => Object.fromEntries(paths.map((path) => [path, read(root, path)]))
  return { first, second: await cli(['--fix', ...argv], root), snapshot }
}

const TEAM = (title: string, body = '') => `# ${title}\n\n## Agenda\n\n${body}`

describe('minutes-check --fix', () => {
  test('a link missing its .md, in another letter case, moved, or to minutes one day off: written in place, once', async () => {
    const root = tempRepo({
      'iaas/20230322.md': TEAM('2023-03-22', '- [plan](plan) and [Charter](CHARTER.md)\n- [notes](Notes.md#top) and [last week](20230314.md)\n'),
      'iaas/plan.md': TEAM('Plan'),
      'iaas/charter.md': TEAM('Charter'),
      'docs/notes.md': TEAM('Notes'),
      'iaas/20230315.md': TEAM('2023-03-15'),
    })
    const { first, second } = await fixTwice(root)
    expect(read(root, 'iaas/20230322.md')).toBe(TEAM('2023-03-22', '- [plan](plan.md) and [Charter](charter.md)\n- [notes](../docs/notes.md#top) and [last week](20230315.md)\n'))
    expect(first.stderr).toBe(
      [
        'minutes-check: fixed iaas/20230322.md:5 link: the missing .md: “plan” → “plan.md”',
        'minutes-check: fixed iaas/20230322.md:5 link: the letter case: “CHARTER.md” → “charter.md”',
        'minutes-check: fixed iaas/20230322.md:6 link: the file moved: “Notes.md#top” → “../docs/notes.md#top”',
        'minutes-check: fixed iaas/20230322.md:6 link: the minutes one day off: “20230314.md” → “20230315.md”',
        'minutes-check: 4 fixes in 1 file applied.',
        // These trees have no configuration: the check after the fixes ends with the hint at `init`.
        INIT_HINT,
      ].join('\n'),
    )
    expect(first.code).toBe(0)
    expect(second.stderr).toBe(`minutes-check: 0 fixes in 0 files applied.\n${INIT_HINT}`)
    expect(read(root, 'iaas/20230322.md')).toBe(TEAM('2023-03-22', '- [plan](plan.md) and [Charter](charter.md)\n- [notes](../docs/notes.md#top) and [last week](20230315.md)\n'))
  })

  test('a title date with en dashes or without its zeros becomes YYYY-MM-DD; an ambiguous one is left', async () => {
    const root = tempRepo({
      'iaas/20230322.md': TEAM('2023–03–22'),
      'iaas/20230301.md': TEAM('Minutes 2023-3-1'),
      'board/20150310.md': TEAM('Minutes of 02/09/2015'),
    })
    const { first, second } = await fixTwice(root)
    expect(read(root, 'iaas/20230322.md')).toBe(TEAM('2023-03-22'))
    expect(read(root, 'iaas/20230301.md')).toBe(TEAM('Minutes 2023-03-01'))
    expect(read(root, 'board/20150310.md')).toBe(TEAM('Minutes of 02/09/2015'))
    expect(first.stderr).toContain('minutes-check: 2 fixes in 2 files applied.\n')
    expect(second.stderr).toBe(`minutes-check: 0 fixes in 0 files applied.\n${INIT_HINT}`)
  })

  test("a placeholder where the team's minutes exist gets the link; one without minutes is left", async () => {
    const weekly = (ops: string) =>
      `# Tech Weekly 2023-03-23\n\n## Meta\n\n- Minutes: Kurt\n\n## Team updates\n\n### Team Ops\n\nMinutes: ${ops}\n\n### Team Container\n\nMinutes: None yet\n`
    const root = tempRepo({ 'community-call/20230323.md': weekly('None yet'), 'ops/20230323.md': TEAM('2023-03-23') })
    const { first, second } = await fixTwice(root)
    expect(read(root, 'community-call/20230323.md')).toBe(weekly('[ops/20230323.md](../ops/20230323.md)'))
    expect(first.stderr).toBe(
      'minutes-check: fixed community-call/20230323.md:11 team minutes: the link for the placeholder: “None yet” → “[ops/20230323.md](../ops/20230323.md)”\nminutes-check: 1 fix in 1 file applied.\n' + INIT_HINT,
    )
    expect(second.stderr).toBe(`minutes-check: 0 fixes in 0 files applied.\n${INIT_HINT}`)
  })

  test('nothing that needs a choice: two files of that name, minutes one day off on either side, or further off', async () => {
    const files = {
      'iaas/20230322.md': TEAM('2023-03-22', '- [a](../ops/20230320.md), [b](charter.md) and [c](20230310.md)\n'),
      'ops/20230319.md': TEAM('2023-03-19'),
      'ops/20230321.md': TEAM('2023-03-21'),
      'docs/charter.md': TEAM('Charter'),
      'team/charter.md': TEAM('Charter'),
      'iaas/20230312.md': TEAM('2023-03-12'),
    }
    const root = tempRepo(files)
    const before = await cli([], root)
    // Suggested, but not certain: the rule names a fix for a and c, a person picks.
    expect(before.stdout.split('\n').filter((line) => line.includes('did you mean'))).toEqual([
      'iaas/20230322.md:5:3 error Cannot find `ops/20230320.md`; did you mean `ops/20230321.md` (1 day later)? link-target-exists',
      'iaas/20230322.md:5:48 error Cannot find `iaas/20230310.md`; did you mean `iaas/20230312.md` (2 days later)? link-target-exists',
    ])
    const { first } = await fixTwice(root)
    expect(first.stderr).toBe(`minutes-check: 0 fixes in 0 files applied.\n${INIT_HINT}`)
    expect(read(root, 'iaas/20230322.md')).toBe(files['iaas/20230322.md'])
    expect(first.stdout).toBe(before.stdout)
  })

  test('--fix-dry-run shows the unified diff and changes nothing', async () => {
    const text = TEAM('2023–03–22', '- [plan](plan)\n')
    const root = tempRepo({ 'iaas/20230322.md': text, 'iaas/plan.md': TEAM('Plan') })
    const run = await cli(['--fix-dry-run'], root)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      [
        '--- a/iaas/20230322.md',
        '+++ b/iaas/20230322.md',
        '@@ -1,5 +1,5 @@',
        '-# 2023–03–22',
        '+# 2023-03-22',
        ' ',
        ' ## Agenda',
        ' ',
        '-- [plan](plan)',
        '+- [plan](plan.md)',
        '',
      ].join('\n'),
    )
    expect(run.stderr).toBe('minutes-check: 2 fixes in 1 file would be applied (--fix applies them); nothing changed.\n')
    expect(read(root, 'iaas/20230322.md')).toBe(text)
    expect((await cli(['--fix', '--fix-dry-run'], root)).code).toBe(2)
  })
})
