import { describe, expect, test } from '@jest/globals'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { configSupport } from '../../src/init/config-support.js'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'

const WORKING_GROUP = join(PROJECT_ROOT, 'examples/other-layouts/working-group')
const support = configSupport()

async function cli(argv: string[], cwd: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

/** A copy of the working group's repository to write into. */
function copyOfWorkingGroup(): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-init-'))
  cpSync(WORKING_GROUP, root, { recursive: true })
  return root
}

/** The line naming the keys the installed schema lacks (the date-of-path and issue-planner work). */
function unwritten(): string[] {
  const keys = [...(support.datePatterns ? [] : ['datePatterns']), ...(support.actionItemsSince ? [] : ['actionItems.since'])]
  return keys.length > 0 ? [`Not written, as this version's configuration has no such key: ${keys.join(', ')}.`] : []
}

const SUMMARY = [
  'Scanned 10 Markdown files.',
  '',
  'Meeting series:',
  '  minutes/YYYY/MM-DD.md: 7 meetings, 2025-11-18 … 2026-02-24 → profile “minutes”',
  '    date: dates in titles (7 of 7)',
  '    required sections: Attendees (7 of 7), Agenda (7 of 7), Notes (7 of 7)',
  '    left optional (required only when 95 % of the files and of the newest ones have it): Action items (6 of 7, 6 of the newest 7)',
  '    minute-taker: “Note taker:” under “Attendees” (6 of 7, 6 of the newest 7): minute-taker is a warning (an error only when 95 % of the files and of the newest ones have it)',
  'Date patterns: minutes/YYYY/MM-DD.md',
  ...(support.actionItemsSince ? ['Action items: since 2026-02-24 (the newest meeting), so earlier meetings open no issues.'] : []),
  ...unwritten(),
  '',
]

describe('minutes-check init', () => {
  test('--dry-run prints the configuration on stdout and what it inferred on stderr; writes nothing', async () => {
    const root = copyOfWorkingGroup()
    const { code, stdout, stderr } = await cli(['init', '--dry-run'], root)
    expect(code).toBe(0)
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/minutes-automation/minutes-automation/v0.1.0/schemas/config.schema.json',
      '# Written by `minutes-check init` from 10 Markdown files; edit it freely.',
    ])
    const findings = support.datePatterns ? '2 errors, 1 warning in 3 of 10 checked files' : '1 error, 1 warning in 2 of 7 checked files'
    expect(stderr).toBe([...SUMMARY, `Under this configuration the current tree gets ${findings}; run \`minutes-check\` to see them.`, ''].join('\n'))
    expect(existsSync(join(root, '.github'))).toBe(false)
  })

  test('writes .github/minutes.yml, which the next check reads', async () => {
    const root = copyOfWorkingGroup()
    const dryRun = await cli(['init', '--dry-run'], root)
    const { code, stdout } = await cli(['init', '--root', root], PROJECT_ROOT)
    expect(code).toBe(0)
    expect(stdout.endsWith('run `minutes-check` to see them.\nWrote .github/minutes.yml.\n')).toBe(true)
    expect(readFileSync(join(root, '.github/minutes.yml'), 'utf8')).toBe(dryRun.stdout)
    const check = await cli(['--format', 'json'], root)
    // The meetings by the inferred profile; the READMEs and notes by the built-in `notes` profile (links, encoding).
    const profiles = JSON.parse(check.stdout).files.map((file: { profile: string }) => file.profile) as string[]
    expect(profiles.filter((profile) => profile !== 'notes')).toEqual(Array(7).fill('minutes'))
    expect(profiles.filter((profile) => profile === 'notes')).toHaveLength(3)
  })

  test('an existing configuration is kept unless --force', async () => {
    const root = copyOfWorkingGroup()
    mkdirSync(join(root, '.github'))
    writeFileSync(join(root, '.github/minutes.yaml'), 'repository: acme/wg\n')
    const refused = await cli(['init'], root)
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: 'minutes-check init: .github/minutes.yaml exists; run with --force to replace it, or --dry-run to see the inferred configuration.\n',
    })
    expect(readFileSync(join(root, '.github/minutes.yaml'), 'utf8')).toBe('repository: acme/wg\n')
    expect((await cli(['init', '--dry-run'], root)).code).toBe(0)
    const forced = await cli(['init', '--force'], root)
    expect(forced.code).toBe(0)
    expect(forced.stdout).toMatch(/Wrote \.github\/minutes\.yaml\.\n$/)
    expect(readFileSync(join(root, '.github/minutes.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/)
  })

  test('a repository without dated minutes says so', async () => {
    const root = mkdtempSync(join(tmpdir(), 'minutes-init-'))
    writeFileSync(join(root, 'notes.md'), '# Notes\n\nNothing dated here.\n')
    const { code, stderr } = await cli(['init', '--dry-run'], root)
    expect(code).toBe(0)
    expect(stderr).toBe(
      [
        'Scanned 1 Markdown file.',
        'No dated minutes found: no file path holds a date (YYYYMMDD, YYYY-MM-DD, YYYY/MM-DD, YYYY/MM/DD).',
        '',
        'Under this configuration the current tree gets no findings (1 file checked).',
        '',
      ].join('\n'),
    )
  })

  test('a root that does not exist is an error message, not a stack trace', async () => {
    const missing = join(tmpdir(), 'minutes-init-no-such-folder')
    expect(await cli(['init', '--root', missing], PROJECT_ROOT)).toEqual({
      code: 2,
      stdout: '',
      stderr: `minutes-check: ENOENT: no such file or directory, realpath '${missing}'\n`,
    })
  })

  test('--help, and a usage error shows the init usage', async () => {
    const help = await cli(['init', '--help'], WORKING_GROUP)
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: minutes-check init \[--root DIR\] \[--write \| --dry-run\] \[--force\]\n/)
    const bad = await cli(['init', '--frce'], WORKING_GROUP)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^minutes-check: Unknown option '--frce'.*\n\nUsage: minutes-check init /s)
    expect((await cli(['init', '--write', '--dry-run'], WORKING_GROUP)).stderr).toMatch(/^minutes-check: --write and --dry-run exclude each other\n/)
  })
})
