import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { cpSync, mkdtempSync, mkdirSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { checkRepository, checkWorkspace } from '../../src/check/check-repository.js'
import { localReader } from '../../src/read/local-reader.js'
import type { RunReport } from '../../src/report/types.js'
import { REAL_MINUTES, REAL_MINUTES_SAMPLE, REAL_REPOSITORY, describeRealMinutes } from '../../test-support/real-minutes.js'

/** Every Markdown path below `root` (files and symbolic links), as the tests expect to see them reported. */
function markdownPaths(root: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = join(folder, entry.name)
      if (entry.isDirectory()) return walk(full)
      return entry.name.endsWith('.md') ? [relative(root, full)] : []
    })
  return walk(root).sort()
}

function lines(report: RunReport, path?: string): string[] {
  return report.files
    .filter((file) => !path || file.path === path)
    .flatMap((file) => file.findings.map((f) => `${file.path}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`))
}

/** A copy of a fixture tree in a temporary folder (never inside the project), removed after the suite. */
function temporaryCopy(source: string, made: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-layouts-'))
  cpSync(source, root, { recursive: true })
  made.push(root)
  return root
}

describeRealMinutes('every minutes file of the real trees is seen', () => {
  const made: string[] = []
  afterAll(() => {
    for (const root of made) rmSync(root, { recursive: true, force: true })
  })

  test('both trees: every Markdown file gets a report', async () => {
    for (const root of [REAL_MINUTES, REAL_MINUTES_SAMPLE]) {
      const { report } = await checkWorkspace({ root, repository: REAL_REPOSITORY })
      expect(report.files.map((file) => file.path)).toEqual(markdownPaths(root))
    }
  })

  test('sample: suffixed meetings, hackathon minutes and notes get their profile and date', async () => {
    const { report } = await checkWorkspace({ root: REAL_MINUTES_SAMPLE, repository: REAL_REPOSITORY })
    const notPlain = report.files.filter((file) => !/\/\d{8}\.md$/.test(file.path)).map((file) => [file.path, file.profile, file.date])
    expect(notPlain).toEqual([
      ['community-call/20230831-slides.md', 'slides', '2023-08-31'],
      ['community-call/20230907-slides.md', 'slides', '2023-09-07'],
      ['container/20220704-workshop.md', 'special', '2022-07-04'],
      ['container/20220718-overflow.md', 'special', '2022-07-18'],
      ['container/20220808-overflow.md', 'special', '2022-08-08'],
      ['hackathons/2022-09-27-gx-hackathon-5/minutes.md', 'special', '2022-09-27'],
      ['hackathons/2022-09-pco-cloudmon-hackathon/minutes.md', 'notes', null],
      ['hackathons/2022-11-22-scs-hackathon-cologne/federation-notes.md', 'special', '2022-11-22'],
      ['hackathons/2022-11-22-scs-hackathon-cologne/table-documentation.md', 'special', '2022-11-22'],
      ['hackathons/2023-03-05-gx-hackathon-6/minutes.md', 'special', '2023-03-05'],
      ['iaas/20230710-overflow.md', 'special', '2023-07-10'],
      ['iam/20231211-keycloak-kubernetes.md', 'special', '2023-12-11'],
      ['ops-iam/20221011-workshop.md', 'special', '2022-10-11'],
      ['ops/20240614-postmortem-zuul-incident.md', 'special', '2024-06-14'],
      ['sig-standardization/20230616-breakout.md', 'special', '2023-06-16'],
      ['sig-standardization/20230704-special.md', 'special', '2023-07-04'],
      ['sig-standardization/scs-certification-issuing.md', 'notes', null],
    ])
    // Their titles agree with their paths (`# 2022-08-08 Overflow slow`, `## 2023-07-04 Special Session`),
    // their links resolve, their text is clean: no findings at all.
    expect(report.files.filter((file) => ['special', 'notes', 'slides'].includes(file.profile)).flatMap((file) => file.findings)).toEqual([])
    expect(report.summary.files).toBe(158)
  })

  test('sample: a real copy-paste date in a title is reported against the file name', async () => {
    const { report } = await checkWorkspace({ root: REAL_MINUTES_SAMPLE, repository: REAL_REPOSITORY })
    expect(lines(report, 'sig-markt/20221208.md').filter((line) => line.includes('title-date-matches-filename'))).toEqual([
      'sig-markt/20221208.md:1:11 error title-date-matches-filename The title says 2202-12-05 but the file name `20221208.md` says 2022-12-08; fix whichever is wrong.',
    ])
  })

  test('sample: team sections under `## Project updates` are read as such, and a title `## 2023-10-09` before a `# Code of Conduct` section is the title', async () => {
    const { report } = await checkWorkspace({ root: REAL_MINUTES_SAMPLE, repository: REAL_REPOSITORY })
    expect(lines(report, 'community-call/20221222.md')).toEqual([
      'community-call/20221222.md:19:1 warning team-minutes-missing “Team IaaS” says “Not available (yet?)”, but `iaas/20221221.md` exists; link it.',
      "community-call/20221222.md:39:1 warning team-minutes-link “Team Ops IAM” has no `Minutes:` line; link the team's minutes or write `Minutes: None yet`.",
      'community-call/20221222.md:45:1 warning team-minutes-missing “Community SIG” says “Not available yet.”, but `sig-community/20221219.md` exists; link it.',
    ])
    expect(lines(report, 'sig-community/20231009.md')).toEqual([
      'sig-community/20231009.md:1:1 warning title-heading The title is a level-2 heading; minutes start with a level-1 heading: `# 2023-10-09`.',
    ])
  })

  test('sample: links to suffixed minutes count as team minutes; the nearest one is named', async () => {
    const { report } = await checkWorkspace({ root: REAL_MINUTES_SAMPLE, repository: REAL_REPOSITORY })
    expect(lines(report, 'community-call/20220825.md').filter((line) => line.includes('link-target-exists'))).toEqual([
      'community-call/20220825.md:23:10 error link-target-exists Cannot find `iaas/20220824.md`; the nearest minutes in `iaas/` are `iaas/20220817.md` (7 days earlier).',
      'community-call/20220825.md:36:10 error link-target-exists Cannot find `container/20220822.md`; the nearest minutes in `container/` are `container/20220808-overflow.md` (14 days earlier).',
    ])
  })

  describe('the symbolic link of the sample, checked out as git does (a real link)', () => {
    let root: string
    let report: RunReport
    const LINK = 'sig-documentation/20221122.md'
    const TARGET = 'hackathons/2022-11-22-scs-hackathon-cologne/table-documentation.md'

    beforeAll(async () => {
      root = temporaryCopy(REAL_MINUTES_SAMPLE, made)
      // The fixture stores the link as its target's path (git with core.symlinks=false); git on Linux makes a link.
      unlinkSync(join(root, LINK))
      symlinkSync(`../${TARGET}`, join(root, LINK))
      ;({ report } = await checkWorkspace({ root, repository: REAL_REPOSITORY }))
    })

    test('the link is reported as checked as its target, which holds the findings and action items once', () => {
      expect(report.files.find((file) => file.path === LINK)).toEqual({
        path: LINK,
        profile: 'team',
        date: '2022-11-22',
        findings: [
          {
            rule: 'symbolic-link',
            severity: 'info',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            message: `A symbolic link to \`${TARGET}\`: checked as that file.`,
            // The PR comment's form: the path is code there, inert.
            markdown: `A symbolic link to \`${TARGET}\`: checked as that file.`,
          },
        ],
        teams: [],
        actionItems: [],
      })
      expect(report.files.find((file) => file.path === TARGET)).toMatchObject({ profile: 'special', date: '2022-11-22', findings: [] })
    })

    test('naming only the link on the command line checks its target too', async () => {
      const { report: only, unmatched } = await checkWorkspace({ root, repository: REAL_REPOSITORY, patterns: [LINK] })
      expect(unmatched).toEqual([])
      expect(only.files.map((file) => file.path)).toEqual([TARGET, LINK])
    })
  })

  test('the symbolic link as the sample stores it (a text file holding its target, as git writes it with core.symlinks=false) is checked as its target', async () => {
    const LINK = 'sig-documentation/20221122.md'
    const TARGET = 'hackathons/2022-11-22-scs-hackathon-cologne/table-documentation.md'
    const { report } = await checkWorkspace({ root: REAL_MINUTES_SAMPLE, repository: REAL_REPOSITORY, patterns: [LINK] })
    expect(report.files.map((file) => file.path)).toEqual([TARGET, LINK])
    expect(lines(report, LINK)).toEqual([
      `${LINK}:1:1 info symbolic-link A symbolic link to \`${TARGET}\`, checked out as a text file that holds its target (as git writes links where \`core.symlinks\` is false): checked as that file.`,
    ])
    expect(report.files[0]).toMatchObject({ profile: 'special', date: '2022-11-22', findings: [] })
  })

  test('the same text file whose target is missing (the series copy holds the link, not the hackathon) is a link to a missing file, not minutes without a title', async () => {
    const LINK = 'sig-documentation/20221122.md'
    const root = join(REAL_MINUTES_SAMPLE, '../scs-series')
    const { report } = await checkWorkspace({ root, repository: REAL_REPOSITORY, patterns: [LINK] })
    expect(lines(report)).toEqual([
      `${LINK}:1:1 warning symbolic-link A symbolic link to \`hackathons/2022-11-22-scs-hackathon-cologne/table-documentation.md\`, which does not exist.`,
    ])
  })

  describe('a copy of the small tree with no git remote and no --repository', () => {
    test('the repository is told from its links, and the real broken github.com links are found', async () => {
      const root = temporaryCopy(REAL_MINUTES, made)
      const told = await checkWorkspace({ root })
      const given = await checkWorkspace({ root: REAL_MINUTES, repository: REAL_REPOSITORY })
      expect(told.repositorySource).toBe('links')
      expect(told.config.repository).toBe(REAL_REPOSITORY)
      expect(told.notices).toEqual([])
      expect(lines(told.report)).toEqual(lines(given.report))
      expect(lines(told.report, 'community-call/20220929.md')).toContain(
        'community-call/20220929.md:11:10 error link-target-exists Cannot find `iaas/20220927.md`; did you mean `iaas/20220928.md` (1 day later)?',
      )
    })
  })
})

describe('symbolic links written by us', () => {
  const made: string[] = []
  afterAll(() => {
    for (const root of made) rmSync(root, { recursive: true, force: true })
  })

  function tempTree(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'minutes-links-'))
    made.push(root)
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    return root
  }

  test('a link out of the repository is never read, and a finding says so; a dangling one too', async () => {
    const outside = tempTree({ 'secret.md': '# 2026-01-01\n\nnot ours\n' })
    const root = tempTree({ 'team/20260108.md': '# 2026-01-08\n' })
    symlinkSync(join(outside, 'secret.md'), join(root, 'team/20260101.md'))
    symlinkSync('../../elsewhere.md', join(root, 'team/20260102.md'))
    symlinkSync('gone.md', join(root, 'team/20260103.md'))
    const reader = localReader(root)
    const read: string[] = []
    const result = await checkRepository(
      { ...reader, readFile: (path) => (read.push(path), reader.readFile(path)) },
      { repository: 'acme/minutes' },
    )
    expect(lines(result.report)).toEqual([
      `team/20260101.md:1:1 warning symbolic-link A symbolic link to \`${join(outside, 'secret.md')}\`, outside the repository: not read, so not checked.`,
      'team/20260102.md:1:1 warning symbolic-link A symbolic link to `../../elsewhere.md`, outside the repository: not read, so not checked.',
      'team/20260103.md:1:1 warning symbolic-link A symbolic link to `team/gone.md`, which does not exist.',
    ])
    expect(read.filter((path) => path.startsWith('team/'))).toEqual(['team/20260108.md'])
    expect(result.report.summary).toMatchObject({ files: 4, errors: 0, warnings: 3 })
  })
})
