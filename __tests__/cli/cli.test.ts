import { describe, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'

const EXAMPLES = join(PROJECT_ROOT, 'examples/minutes-repo')
/** The check's last line when the repository has no configuration file. */
const INIT_HINT = 'minutes-check: no .github/minutes.yml: checked with the built-in defaults; `minutes-check init` writes a configuration fitted to this repository.\n'

async function cli(argv: string[], cwd = EXAMPLES) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

function tempRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-cli-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('minutes-check', () => {
  test('text output: path:line:col severity message rule, then a total; exit 1 on errors', async () => {
    const { code, stdout, stderr } = await cli([])
    expect(stdout).toBe(
      [
        'community-call/20261112.md:26:1 info “SIG Docs” links no minutes (“None yet”). team-minutes-missing',
        'community-call/20261119.md:11:10 error Cannot find `platform/20261117.md`; did you mean `platform/20261118.md` (1 day later)? link-target-exists',
        'community-call/20261119.md:21:1 warning “Team Storage” says “None yet”, but `storage/20261119.md` exists; link it. team-minutes-missing',
        '8 files checked: 1 error, 1 warning, 1 note.',
        '',
      ].join('\n'),
    )
    expect(stderr).toBe('')
    expect(code).toBe(1)
  })

  test('JSON output is the stable version-1 report, paths relative to the root', async () => {
    const { code, stdout } = await cli(['--format', 'json', 'community-call/20261119.md'])
    const report = JSON.parse(stdout)
    expect(code).toBe(1)
    expect(report.version).toBe(1)
    expect(report.files.map((file: { path: string }) => file.path)).toEqual(['community-call/20261119.md'])
    expect(report.files[0].findings[0]).toEqual({
      rule: 'link-target-exists',
      severity: 'error',
      line: 11,
      column: 10,
      endLine: 11,
      endColumn: 72,
      message: 'Cannot find `platform/20261117.md`; did you mean `platform/20261118.md` (1 day later)?',
      // The same as safe Markdown, for comments (the paths are the rule's code spans).
      markdown: 'Cannot find `platform/20261117.md`; did you mean `platform/20261118.md` (1 day later)?',
      suggestion: 'platform/20261118.md',
    })
    expect(report.summary).toMatchObject({ files: 1, errors: 1, warnings: 1 })
  })

  test('globs, --root from elsewhere, and --fail-on', async () => {
    const fromOutside = await cli(['--root', EXAMPLES, '--fail-on', 'never', '--format', 'json', 'platform/*.md'], PROJECT_ROOT)
    expect(fromOutside.code).toBe(0)
    expect(JSON.parse(fromOutside.stdout).files.map((file: { path: string }) => file.path)).toEqual([
      'platform/20261111.md',
      'platform/20261118.md',
    ])
    expect((await cli(['--fail-on', 'warning', 'community-call/20261112.md'])).code).toBe(0)
    expect((await cli(['--fail-on', 'warning', 'storage'])).code).toBe(0)
  })

  test('a clean repository says so and exits 0', async () => {
    const root = tempRepo({ 'team/20260101.md': '# 2026-01-01\n\n- all good\n' })
    expect(await cli([], root)).toEqual({ code: 0, stdout: '1 file checked: no problems.\n', stderr: INIT_HINT })
  })

  test('first contact: with no configuration file a check says last that it used the built-in defaults and that init fits one', async () => {
    const root = tempRepo({ 'team/20260101.md': '# Team meeting\n' })
    const first = await cli([], root)
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(/^team\/20260101\.md:1:1 error .*\n1 file checked: 1 error, 0 warnings\.\n$/)
    expect(first.stderr).toBe(INIT_HINT)
    // A path that matches nothing: the defaults may be why; said after what went wrong.
    expect((await cli(['nothing/*.md'], root)).stderr).toBe(`minutes-check: nothing to check: no file matches “nothing/*.md”.\n${INIT_HINT}`)
    // A program reads `--format json`; the advice is for a person.
    expect((await cli(['--format', 'json'], root)).stderr).toBe('')
    // The commands that do not check say nothing of it.
    for (const command of [['items'], ['plan'], ['init', '--dry-run'], ['next', 'team', '--print']]) {
      const { stderr } = await cli(command, root)
      expect({ command, hint: stderr.includes('built-in defaults') }).toEqual({ command, hint: false })
    }
    // A configuration named with --config, from outside the tree: not the defaults.
    const elsewhere = tempRepo({ 'minutes.yml': 'profiles:\n  team:\n    rules: {title-date: off}\n' })
    expect(await cli(['--config', join(elsewhere, 'minutes.yml'), 'team'], root)).toEqual({ code: 0, stdout: '1 file checked: no problems.\n', stderr: '' })
    // Once the repository has one, no more hint.
    mkdirSync(join(root, '.github'))
    writeFileSync(join(root, '.github/minutes.yml'), 'profiles:\n  team:\n    rules: {title-date: off}\n')
    expect(await cli([], root)).toEqual({ code: 0, stdout: '1 file checked: no problems.\n', stderr: '' })
  })

  test('a path or glob that matches nothing to check exits 2 naming it, not "0 files checked"', async () => {
    expect(await cli(['nothing/*.md'])).toEqual({ code: 2, stdout: '', stderr: 'minutes-check: nothing to check: no file matches “nothing/*.md”.\n' })
    const root = tempRepo({
      'meetings/2026-05-06.md': '# 2026-05-06\n',
      'drafts/2026-05-07.md': '# 2026-05-07\n',
      'notes.txt': 'not Markdown\n',
      '.github/minutes.yml': 'exclude: ["drafts/**"]\n',
    })
    expect(await cli(['meetings/2026-05-06.md', 'drafts/2026-05-07.md', 'notes.txt', 'meetings/2026-05-08.md'], root)).toEqual({
      code: 2,
      stdout: '1 file checked: no problems.\n',
      stderr:
        'minutes-check: nothing to check: no file matches “meetings/2026-05-08.md”; “drafts/2026-05-07.md”, “notes.txt” match only files that are excluded or that no profile applies to (see exclude and profiles in the configuration).\n',
    })
  })

  test('usage errors exit 2 with the usage', async () => {
    const { code, stderr } = await cli(['--format', 'xml'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^minutes-check: --format must be text or json, not “xml”\n\nUsage: minutes-check/)
    expect((await cli(['--bogus'])).code).toBe(2)
  })

  test('each command’s help: its usage line names every option it lists, and the main help points at it', async () => {
    const main = (await cli(['--help'])).stdout
    for (const command of ['init', 'next', 'items', 'plan', 'fetch-images']) {
      const help = await cli([command, '--help'])
      expect(help.code).toBe(0)
      const [usage = '', ...rest] = help.stdout.split('\n\n')
      const listed = rest.join('\n\n').split('\n').flatMap((line) => /^ {2}(?:-\w, )?(--[\w-]+)/.exec(line)?.[1] ?? [])
      expect(listed.length).toBeGreaterThan(1)
      expect({ command, missing: listed.filter((option) => option !== '--help' && !usage.includes(`[${option}`) && !usage.includes(`| ${option}`)) }).toEqual({ command, missing: [] })
      expect(main.replace(/\s+/g, ' ')).toContain(`see \`minutes-check ${command} --help\``)
    }
  })

  test('a bad configuration exits 2 naming the key; a missing --config file too', async () => {
    const root = tempRepo({ '.github/minutes.yml': 'profiles:\n  weekly:\n    rulez: {}\n', 'team/20260101.md': '# 2026-01-01\n' })
    expect(await cli([], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'minutes-check: .github/minutes.yml:3:5: `profiles.weekly.rulez` is not a known key (known keys: extends, paths, frontMatter, template, agendaLabel, kind, frontMatterDate, rules, requiredSections, minuteTaker); did you mean `rules`?\n',
    })
    // A misspelt level: where it is, what was written, what is allowed and the level it likely meant.
    const misspelt = tempRepo({ '.github/minutes.yml': 'profiles:\n  weekly:\n    rules:\n      title-date: eror\n', 'team/20260101.md': '# 2026-01-01\n' })
    expect(await cli(['--root', misspelt])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'minutes-check: .github/minutes.yml:4:19: `profiles.weekly.rules.title-date` is “eror”; it must be one of error, warning, info, off; did you mean “error”?\n',
    })
    const missing = await cli(['--config', 'nope.yml'], root)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('nope.yml: file not found')
  })

  test('the repository comes from the git remote when not given', async () => {
    const root = tempRepo({
      'team/20260101.md': '# 2026-01-01\n\nhttps://github.com/acme/notes/blob/main/team/20251231.md\n',
    })
    execFileSync('git', ['init', '-q'], { cwd: root })
    execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/notes.git'], { cwd: root })
    const { stdout } = await cli([], root)
    expect(stdout).toContain('team/20260101.md:3:1 error Cannot find `team/20251231.md`; did you mean `team/20260101.md` (1 day later)?')
  })

  test('the upstream remote comes before origin (a fork\'s clone)', async () => {
    const root = tempRepo({
      'team/20260101.md': '# 2026-01-01\n\nhttps://github.com/acme/notes/blob/main/team/20251231.md\n',
    })
    execFileSync('git', ['init', '-q'], { cwd: root })
    execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:someone/notes.git'], { cwd: root })
    execFileSync('git', ['remote', 'add', 'upstream', 'https://github.com/acme/notes.git'], { cwd: root })
    const { stdout, stderr } = await cli([], root)
    expect(stdout).toContain('team/20260101.md:3:1 error Cannot find `team/20251231.md`; did you mean `team/20260101.md` (1 day later)?')
    // No notice that the repository cannot be told; only the first-contact hint.
    expect(stderr).toBe(INIT_HINT)
  })

  test('when the repository cannot be told it says so once, and checks relative links only', async () => {
    const root = tempRepo({
      'team/20260101.md': '# 2026-01-01\n\nhttps://github.com/acme/notes/blob/main/team/20251231.md [x](20251231.md)\n',
      'team/20260108.md': '# 2026-01-08\n\nhttps://github.com/acme/notes/blob/main/team/20260107.md\n',
    })
    const { code, stdout, stderr } = await cli([], root)
    expect(code).toBe(1)
    expect(stderr).toBe(
      'minutes-check: Cannot tell which GitHub repository these minutes are (no --repository, no `repository:` in the configuration, no github.com links to files of this tree, no upstream or origin remote on GitHub): github.com links are not checked, relative links are.\n' + INIT_HINT,
    )
    expect(stdout).toBe(
      'team/20260101.md:3:58 error Cannot find `team/20251231.md`; did you mean `team/20260101.md` (1 day later)? link-target-exists\n2 files checked: 1 error, 0 warnings.\n',
    )
  })

  test('.github/minutes.yaml is read when there is no .yml', async () => {
    const root = tempRepo({ 'team/20260101.md': '# Team meeting\n' })
    expect((await cli([], root)).code).toBe(1)
    mkdirSync(join(root, '.github'))
    writeFileSync(join(root, '.github/minutes.yaml'), 'profiles:\n  team:\n    rules: {title-date: off}\n')
    expect(await cli(['team'], root)).toEqual({ code: 0, stdout: '1 file checked: no problems.\n', stderr: '' })
  })

  test('the bundled CLI in dist/ runs the same checks', () => {
    const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'dist/cli/index.js'), '--format', 'json'], {
      cwd: EXAMPLES,
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(JSON.parse(result.stdout).summary).toEqual({ files: 8, errors: 1, warnings: 1, actionItems: expect.any(Number) })
  })
})

/** Every list of a JSON value cut to its first entry, as the README shows the output. */
function firstEntries(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 1).map(firstEntries)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, firstEntries(entry)]))
  return value
}

describe("the README's JSON example", () => {
  test('is what the command it names prints, each list cut to its first entry', async () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')
    const command = /For `minutes-check --root examples\/minutes-repo\s+(\S+) --format json`/.exec(readme)
    const example = /JSON output is stable[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(command?.[1]).toBe('community-call/20261119.md')
    const { code, stdout } = await cli([command?.[1] ?? '', '--format', 'json'])
    expect(code).toBe(1)
    expect(JSON.parse(example ?? 'null')).toEqual(firstEntries(JSON.parse(stdout)))
  })
})

