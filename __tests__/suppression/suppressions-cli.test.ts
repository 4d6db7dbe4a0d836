import { afterEach, describe, expect, test } from '@jest/globals'
import { appendFileSync, cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { INIT_HINT, runCli } from '../../src/cli/main.js'
import { SUPPRESSIONS_PATH } from '../../src/constants.js'
import { REAL_REPOSITORY } from '../../test-support/real-minutes.js'
import { REAL_SAMPLE, describeRealSample } from '../../test-support/real-sample.js'

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-suppress-'))
  temps.push(dir)
  return dir
}

function tempRepo(files: Record<string, string>): string {
  const root = tempDir()
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

const readSuppressions = (root: string): unknown => JSON.parse(readFileSync(join(root, SUPPRESSIONS_PATH), 'utf8'))

/** Team minutes whose title is dated a day off and that link two missing files. */
const OLD = '# 2023-03-21\n\n## Agenda\n\n- See [notes](old-notes.md) and [plan](plan.md).\n'

describe('bulk suppressions: minutes-check --suppress-all / --prune-suppressions', () => {
  test('--suppress-all writes counts per file and rule, and the run passes with the findings as suppressed notes', async () => {
    const root = tempRepo({ 'iaas/20230322.md': OLD })
    const before = await cli([], root)
    expect(before.code).toBe(1)

    const adopted = await cli(['--suppress-all'], root)
    expect(adopted.code).toBe(0)
    expect(adopted.stderr).toBe(`minutes-check: wrote ${SUPPRESSIONS_PATH}: 2 counts (per file and rule), accepting 3 findings\n${INIT_HINT}`)
    expect(readSuppressions(root)).toEqual({
      'iaas/20230322.md': { 'link-target-exists': { count: 2 }, 'title-date-matches-filename': { count: 1 } },
    })
    expect(readFileSync(join(root, SUPPRESSIONS_PATH), 'utf8')).toBe(
      '{\n  "iaas/20230322.md": {\n    "link-target-exists": {\n      "count": 2\n    },\n    "title-date-matches-filename": {\n      "count": 1\n    }\n  }\n}\n',
    )

    // By default the accepted findings are one line, so that what is new stands out.
    const after = await cli([], root)
    expect(after.code).toBe(0)
    expect(after.stdout).toBe('3 accepted findings hidden; `--show-suppressed` lists them.\n1 file checked: 0 errors, 0 warnings, 3 notes (3 suppressed).\n')
    const listed = await cli(['--show-suppressed'], root)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toBe(
      [
        'iaas/20230322.md:1:3 info (suppressed error) The title says 2023-03-21 but the file name `20230322.md` says 2023-03-22; fix whichever is wrong. title-date-matches-filename',
        'iaas/20230322.md:5:7 info (suppressed error) Cannot find `iaas/old-notes.md`. link-target-exists',
        'iaas/20230322.md:5:33 info (suppressed error) Cannot find `iaas/plan.md`. link-target-exists',
        '1 file checked: 0 errors, 0 warnings, 3 notes (3 suppressed).',
        '',
      ].join('\n'),
    )
    const json = JSON.parse((await cli(['--format', 'json'], root)).stdout) as { summary: unknown; files: Array<{ findings: unknown[] }> }
    expect(json.summary).toEqual({ files: 1, errors: 0, warnings: 0, actionItems: 0, suppressed: 3 })
    expect(json.files[0]?.findings[1]).toMatchObject({ rule: 'link-target-exists', severity: 'info', suppressed: true, suppressedSeverity: 'error' })
  })

  test('one more finding of a suppressed rule in the file fails again, and shows all of that rule', async () => {
    const root = tempRepo({ 'iaas/20230322.md': OLD })
    await cli(['--suppress-all'], root)
    appendFileSync(join(root, 'iaas/20230322.md'), '- And [more](more.md).\n')
    const run = await cli([], root)
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n').filter((line) => line.includes(' error '))).toEqual([
      'iaas/20230322.md:5:7 error Cannot find `iaas/old-notes.md`. link-target-exists',
      'iaas/20230322.md:5:33 error Cannot find `iaas/plan.md`. link-target-exists',
      'iaas/20230322.md:6:7 error Cannot find `iaas/more.md`. link-target-exists',
    ])
    expect(run.stdout).toContain('1 accepted finding hidden; `--show-suppressed` lists them.\n')
    expect((await cli(['--show-suppressed'], root)).stdout).toContain('info (suppressed error) The title says 2023-03-21')
  })

  test('--quiet prints the errors and the total only: no warnings, notes or accepted findings', async () => {
    const root = tempRepo({ 'iaas/20230322.md': OLD })
    await cli(['--suppress-all'], root)
    appendFileSync(join(root, 'iaas/20230322.md'), '- And [more](more.md).\n')
    const run = await cli(['--quiet'], root)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(
      [
        'iaas/20230322.md:5:7 error Cannot find `iaas/old-notes.md`. link-target-exists',
        'iaas/20230322.md:5:33 error Cannot find `iaas/plan.md`. link-target-exists',
        'iaas/20230322.md:6:7 error Cannot find `iaas/more.md`. link-target-exists',
        '1 file checked: 3 errors, 0 warnings, 1 note (1 suppressed).',
        '',
      ].join('\n'),
    )
    // JSON keeps everything, the accepted findings marked.
    const json = JSON.parse((await cli(['--quiet', '--format', 'json'], root)).stdout) as { files: Array<{ findings: Array<{ suppressed?: true }> }> }
    expect(json.files[0]?.findings.map((finding) => finding.suppressed ?? false)).toEqual([true, false, false, false])
  })

  test('edits elsewhere in a file do not break it: findings that moved lines stay suppressed', async () => {
    const root = tempRepo({ 'iaas/20230322.md': OLD })
    await cli(['--suppress-all'], root)
    writeFileSync(join(root, 'iaas/20230322.md'), OLD.replace('## Agenda\n', '## Agenda\n\n- Sprint review\n- Demo\n'))
    expect((await cli([], root)).code).toBe(0)
  })

  test('--prune-suppressions lowers counts to what is still found and drops what is gone', async () => {
    const root = tempRepo({ 'iaas/20230322.md': OLD, 'iaas/20230329.md': '# 2023-03-29\n\n- [x](gone.md)\n' })
    await cli(['--suppress-all'], root)
    writeFileSync(join(root, 'iaas/20230322.md'), OLD.replace('# 2023-03-21', '# 2023-03-22').replace(' and [plan](plan.md)', ''))
    rmSync(join(root, 'iaas/20230329.md'))
    const pruned = await cli(['--prune-suppressions'], root)
    expect(pruned.code).toBe(0)
    expect(readSuppressions(root)).toEqual({ 'iaas/20230322.md': { 'link-target-exists': { count: 1 } } })
  })

  test('a broken suppressions file is a clear error (exit 2), not a stack trace', async () => {
    const root = tempRepo({ 'iaas/20230322.md': OLD, [SUPPRESSIONS_PATH]: '{"iaas/20230322.md": {"title-date": {"count": 0}}}' })
    const run = await cli([], root)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`minutes-check: ${SUPPRESSIONS_PATH}: “iaas/20230322.md” → “title-date” must be { "count": N } with N a whole number ≥ 1\n`)
  })
})

describeRealSample('bulk suppressions on the real sample (a copy in a temp dir)', () => {
  test('--suppress-all makes a full run green; a new error in any file still fails it', async () => {
    const root = tempDir()
    cpSync(REAL_SAMPLE, root, { recursive: true, verbatimSymlinks: true })
    const args = ['--repository', REAL_REPOSITORY]
    const before = await cli(args, root)
    expect(before.code).toBe(1)

    const adopted = await cli([...args, '--suppress-all'], root)
    expect(adopted.code).toBe(0)
    expect((await cli(args, root)).code).toBe(0)
    expect((await cli([...args, '--fail-on', 'warning'], root)).code).toBe(0)

    // A new broken link in a file that had no suppressions, and one in a file that had some.
    const suppressions = readSuppressions(root) as Record<string, Record<string, { count: number }>>
    const untouched = readdirSync(join(root, 'iaas'))
      .map((name) => `iaas/${name}`)
      .find((path) => /^iaas\/\d{8}\.md$/.test(path) && suppressions[path] === undefined)
    if (!untouched) throw new Error('the sample has no iaas minutes without findings')
    appendFileSync(join(root, untouched), '\n- See [the notes](20230399-missing.md).\n')
    const broken = await cli(args, root)
    expect(broken.code).toBe(1)
    expect(broken.stdout.split('\n').filter((line) => / (error|warning) /.test(line))).toEqual([
      expect.stringMatching(new RegExp(`^${untouched}:\\d+:\\d+ error Cannot find .iaas/20230399-missing\\.md.* link-target-exists$`)),
    ])
  }, 180_000)
})
