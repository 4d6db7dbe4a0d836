import { describe, expect, test } from '@jest/globals'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'
import { nextMeetingDate } from '../../src/next/cadence.js'
import { createGitHubSim } from '../../test-support/github-sim/index.js'
import { PROJECT_ROOT, describeWithFixture } from '../../test-support/real-minutes.js'

async function cli(argv: string[], cwd: string, today = '2026-11-20', env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), today: () => today, env })
  return { code, stdout, stderr }
}

/** A copy of a folder in a temporary directory, to write into. */
function copyOf(folder: string): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-next-'))
  cpSync(folder, root, { recursive: true })
  return root
}

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true })
  writeFileSync(join(root, path), text)
}

const EXAMPLE = join(PROJECT_ROOT, 'examples/minutes-repo')

/** What `next` says on stderr of the items it carried: offline, the previous meeting's alone; `items` has the rest. */
function carriedNote(items: string, meeting: string): string {
  return `minutes-check: ${items} carried over from the previous meeting (${meeting}). Open items of earlier meetings are not carried; \`minutes-check items\` lists every open item of the minutes.\n`
}
const WEEKLY_NOTE = carriedNote('4 open action items', 'community-call/20261119.md')

const WEEKLY_PREPARED = `# Acme Cloud Weekly 2026-11-26

## Meta

- Minutes:

## Team updates

### Team Platform

Minutes: https://github.com/acme/minutes/blob/main/platform/20261125.md

### Team Storage

Minutes: None yet

### SIG Docs

Minutes: None yet

## AOB

## Open action items

- [ ] AI @alice: announce the maintenance window on the mailing list
- [ ] AI @carol: check the etcd backup restore time and document it
- [ ] AI @dave: publish the benchmark in the blog
- [ ] AI @erin: book the room for the community hackathon
`

describe('minutes-check next', () => {
  test("the example's weekly call: name and title by the series, shared headings, minute-taker line, team link, open items", async () => {
    const root = copyOf(EXAMPLE)
    write(root, 'platform/20261125.md', '# 2026-11-25\n\n## Participants\n\n- @alice\n')
    const { code, stdout, stderr } = await cli(['next', 'community-call'], root)
    expect([code, stdout, stderr]).toEqual([0, 'community-call/20261126.md\n', WEEKLY_NOTE])
    // The newest platform minutes after the previous meeting (2026-11-19) are linked as the series links
    // them (absolute, same branch); storage and docs have none yet; the done items (@bob's ✅, @dave's [x]) are left out.
    expect(readFileSync(join(root, 'community-call/20261126.md'), 'utf8')).toBe(WEEKLY_PREPARED)
    // It checks clean, but for the minute-taker left for a name.
    const check = await cli(['community-call/20261126.md'], root)
    expect(check.stdout.split('\n').filter((line) => / (error|warning) /u.test(line))).toEqual([
      'community-call/20261126.md:3:1 error The “Meta” section names no minute-taker; add `- Minutes: NAME`. minute-taker',
    ])
  })

  test('--print writes nothing; a file of the series names it too; --date names the day', async () => {
    const root = copyOf(EXAMPLE)
    const printed = await cli(['next', 'community-call/20261119.md', '--print', '--date', '2026-11-27'], root)
    expect(printed.code).toBe(0)
    expect(printed.stdout.split('\n')[0]).toBe('# Acme Cloud Weekly 2026-11-27')
    expect(existsSync(join(root, 'community-call/20261127.md'))).toBe(false)
  })

  test('an existing file is never overwritten: exit 2, naming it', async () => {
    const root = copyOf(EXAMPLE)
    const before = readFileSync(join(root, 'community-call/20261119.md'), 'utf8')
    expect(await cli(['next', 'community-call', '--date', '2026-11-19'], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'minutes-check: community-call/20261119.md exists; it is not overwritten (name another day with --date, or --print to see the prepared file).\n',
    })
    expect(readFileSync(join(root, 'community-call/20261119.md'), 'utf8')).toBe(before)
  })

  test('--print on a day that has minutes: printed all the same, writing nothing, and stderr says the file exists', async () => {
    const root = copyOf(EXAMPLE)
    const before = readFileSync(join(root, 'community-call/20261119.md'), 'utf8')
    const printed = await cli(['next', 'community-call', '--date', '2026-11-19', '--print'], root)
    expect(printed.code).toBe(0)
    expect(printed.stdout.split('\n')[0]).toBe('# Acme Cloud Weekly 2026-11-19')
    expect(printed.stdout).not.toBe(before)
    expect(printed.stderr).toBe(
      "minutes-check: community-call/20261119.md already exists: the printed file is what `next` would have written, not the meeting's minutes.\n" +
        carriedNote('3 open action items', 'community-call/20261112.md'),
    )
    expect(readFileSync(join(root, 'community-call/20261119.md'), 'utf8')).toBe(before)
    // A day with no minutes yet: no such line.
    expect((await cli(['next', 'community-call', '--date', '2026-11-26', '--print'], root)).stderr).toBe(WEEKLY_NOTE)
  })

  test('a template.md in the series folder: its dates filled in, the open items added', async () => {
    const root = copyOf(EXAMPLE)
    write(root, 'community-call/template.md', '# Acme Cloud Weekly {{date}}\n\n## Meta\n\n- Minutes:\n\n## Team updates\n\n## Pending items\n\n{{open-items}}\n')
    const { stdout } = await cli(['next', 'community-call', '--print'], root)
    expect(stdout).toBe(
      '# Acme Cloud Weekly 2026-11-26\n\n## Meta\n\n- Minutes:\n\n## Team updates\n\n## Pending items\n\n- [ ] AI @alice: announce the maintenance window on the mailing list\n- [ ] AI @carol: check the etcd backup restore time and document it\n- [ ] AI @dave: publish the benchmark in the blog\n- [ ] AI @erin: book the room for the community hackathon\n',
    )
  })

  test("the series' own heading for open items, found from history, takes them", async () => {
    const root = mkdtempSync(join(tmpdir(), 'minutes-next-'))
    const meeting = (date: string, pending: string, fresh: string) => `# ${date}\n\n## Checking AIs of last week\n\n${pending}\n\n## Topic of ${date}\n\n- ${fresh}\n`
    write(root, 'ops/20260105.md', meeting('2026-01-05', '- none', 'AI @ann: order the racks'))
    write(root, 'ops/20260112.md', meeting('2026-01-12', '- AI @ann: order the racks', 'AI @ben: renew the certificate'))
    write(root, 'ops/20260119.md', meeting('2026-01-19', '- AI @ann: order the racks\n- [x] AI @ben: renew the certificate', 'AI @cem: draft the SLA'))
    const { stdout } = await cli(['next', 'ops', '--print'], root, '2026-01-20')
    expect(stdout).toBe('# 2026-01-26\n\n## Checking AIs of last week\n\n- [ ] AI @ann: order the racks\n- [ ] AI @cem: draft the SLA\n')
  })

  test('offline, only the previous meeting\'s open items are carried, and the CLI says so; `items` lists the earlier ones too', async () => {
    const root = mkdtempSync(join(tmpdir(), 'minutes-next-'))
    write(root, 'ops/20260105.md', '# 2026-01-05\n\n## Action items\n\n- AI @ann: order the racks\n')
    write(root, 'ops/20260112.md', '# 2026-01-12\n\n## Action items\n\n- AI @ben: renew the certificate\n')
    write(root, 'ops/20260119.md', '# 2026-01-19\n\n## Action items\n\n- [x] AI @ben: renew the certificate\n- AI @cem: draft the SLA\n')
    const next = await cli(['next', 'ops', '--print'], root, '2026-01-20')
    expect(next).toEqual({
      code: 0,
      stdout: '# 2026-01-26\n\n## Action items\n\n## Open action items\n\n- [ ] AI @cem: draft the SLA\n',
      stderr: 'minutes-check: 1 open action item carried over from the previous meeting (ops/20260119.md). Open items of earlier meetings are not carried; `minutes-check items` lists every open item of the minutes.\n',
    })
    // The command the note points at: @ann's item of 2026-01-05, open still, is there; @ben's, ticked since, is not.
    const items = await cli(['items', '--format', 'json'], root)
    const listed = (JSON.parse(items.stdout) as { groups: Array<{ items: Array<{ text: string; source: string }> }> }).groups.flatMap((group) => group.items.map((item) => [item.text, item.source]))
    expect(listed).toEqual([
      ['Order the racks', 'ops/20260105.md#L5'],
      ['Draft the SLA', 'ops/20260119.md#L6'],
    ])
  })

  test('a series that writes its title date other ways: the next title keeps its words, with the date as YYYY-MM-DD', async () => {
    const root = mkdtempSync(join(tmpdir(), 'minutes-next-'))
    write(root, 'board/20260105.md', '# Sitzung vom 5. Januar 2026\n\n## Themen\n\n- Haushalt\n')
    write(root, 'board/20260112.md', '# Sitzung vom 12.1.2026\n\n## Themen\n\n- Haushalt\n')
    const { stdout } = await cli(['next', 'board', '--print'], root, '2026-01-13')
    expect(stdout).toBe('# Sitzung vom 2026-01-19\n\n## Themen\n')
  })

  test('an unknown series: exit 2, naming the dated series there are', async () => {
    expect(await cli(['next', 'nowhere', '--print'], EXAMPLE)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'minutes-check: “nowhere” is no dated series of minutes (the dated series here: community-call, platform, sig-docs, storage).\n',
    })
  })

  test('a --date before the series began: exit 2, naming its first meeting', async () => {
    expect(await cli(['next', 'community-call', '--date', '2020-01-02', '--print'], EXAMPLE)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'minutes-check: 2020-01-02 is before the first meeting of “community-call” (community-call/20261112.md): the next minutes are prepared from an earlier meeting\n',
    })
  })

  test('an agenda label with GITHUB_TOKEN: the open issues and pull requests carrying it, from the simulated API', async () => {
    const sim = await createGitHubSim({ repo: { owner: 'acme', name: 'minutes' } })
    try {
      sim.addIssue({ title: 'Move the call to 16:00', labels: ['agenda'] })
      sim.addIssue({ title: 'Settled already', labels: ['agenda'], state: 'closed' })
      const root = copyOf(EXAMPLE)
      write(root, '.github/minutes.yml', 'repository: acme/minutes\nprofiles:\n  weekly:\n    agendaLabel: agenda\n')
      const { code, stdout, stderr } = await cli(['next', 'community-call', '--print'], root, '2026-11-20', { GITHUB_TOKEN: 'ghs_test', GITHUB_API_URL: sim.url })
      expect([code, stderr]).toEqual([0, WEEKLY_NOTE])
      expect(stdout.split('## Agenda\n\n')[1]).toBe('- Move the call to 16:00 ([#1](https://github.com/acme/minutes/issues/1))\n')
      expect(sim.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /repos/acme/minutes/issues'])
    } finally {
      await sim.close()
    }
  })

  test('an agenda label without GITHUB_TOKEN: the agenda is left out, and the CLI says so', async () => {
    const root = copyOf(EXAMPLE)
    write(root, '.github/minutes.yml', 'repository: acme/minutes\nprofiles:\n  weekly:\n    agendaLabel: agenda\n')
    const { code, stderr } = await cli(['next', 'community-call', '--print'], root)
    expect([code, stderr]).toEqual([0, `minutes-check: the agenda (issues labelled “agenda”) is left out: set GITHUB_TOKEN to list them.\n${WEEKLY_NOTE}`])
  })
})

describe('the cadence: the usual gap and weekday of recent meetings, not before today', () => {
  test.each([
    [['2026-11-05', '2026-11-12', '2026-11-19'], '2026-11-20', '2026-11-26', 'weekly on Thursdays'],
    [['2026-11-05', '2026-11-12', '2026-11-19'], '2026-12-09', '2026-12-10', 'weekly, weeks missed: the first Thursday not before today'],
    [['2026-10-06', '2026-10-20', '2026-11-03', '2026-11-17'], '2026-11-18', '2026-12-01', 'every other Tuesday'],
    [['2026-10-06', '2026-10-20', '2026-11-04', '2026-11-17'], '2026-11-18', '2026-12-01', 'one meeting moved a day: still Tuesdays, fortnightly'],
    [['2026-11-19'], '2026-11-19', '2026-11-26', 'one meeting: a week later'],
  ])('%j, today %s → %s (%s)', (dates, today, expected) => {
    expect(nextMeetingDate(dates, today)).toBe(expected)
  })
})

const LAYOUTS = join(PROJECT_ROOT, 'examples/other-layouts')
const SERIES = join(PROJECT_ROOT, '../shared/fixtures/scs-series')

describe('prepared files check clean under their profile (the minute-taker aside)', () => {
  test.each([
    [LAYOUTS, 'board', '.', '2026-11-26-board.md', '0 open action items', '2026-03-19-board.md'],
    [LAYOUTS, 'steering-committee', 'meetings', 'meetings/2026-11-26.md', '2 open action items', 'meetings/2026-03-19.md'],
    [LAYOUTS, 'working-group', 'minutes', 'minutes/2026/12-01.md', '0 open action items', 'minutes/2026/02-24.md'],
    [PROJECT_ROOT, 'examples/minutes-repo', 'platform', 'platform/20261125.md', '0 open action items', 'platform/20261118.md'],
  ])('%s/%s: %s → %s', async (base, folder, series, path, items, previous) => {
    const root = copyOf(join(base, folder))
    expect(await cli(['next', series], root)).toEqual({ code: 0, stdout: `${path}\n`, stderr: carriedNote(items, previous) })
    expect((await cli([path], root)).stdout).toBe('1 file checked: no problems.\n')
  })
})

describeWithFixture(SERIES, 'the real series histories')('prepared files of the real series check clean', () => {
  test.each([
    ['sig-documentation', 'sig-documentation/20261130.md', '0 open action items', 'sig-documentation/20241021.md'],
    ['sig-central-api', 'sig-central-api/20261201.md', '0 open action items', 'sig-central-api/20240910.md'],
    ['ops-iam', 'ops-iam/20261126.md', '2 open action items', 'ops-iam/20230126.md'],
    ['sig-monitoring', 'sig-monitoring/20261127.md', '1 open action item', 'sig-monitoring/20240809.md'],
  ])('%s → %s', async (series, path, items, previous) => {
    const root = copyOf(SERIES)
    expect(await cli(['next', series], root)).toEqual({ code: 0, stdout: `${path}\n`, stderr: carriedNote(items, previous) })
    expect((await cli([path, '--repository', 'SovereignCloudStack/minutes'], root)).stdout).toBe('1 file checked: no problems.\n')
  })
})
