import { beforeAll, expect, test } from '@jest/globals'
import { checkWorkspace } from '../../src/check/check-repository.js'
import type { RunReport } from '../../src/report/types.js'
import { REAL_MINUTES, REAL_REPOSITORY, describeRealMinutes } from '../../test-support/real-minutes.js'

/** `path:line:col severity rule message`, the way the facts in the fixtures' README are checked. */
function lines(report: RunReport, path?: string): string[] {
  return report.files
    .filter((file) => !path || file.path === path)
    .flatMap((file) =>
      file.findings.map((f) => `${file.path}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`),
    )
}

describeRealMinutes('the real minutes (shared/fixtures/scs-minutes)', () => {
  let report: RunReport

  beforeAll(async () => {
    ;({ report } = await checkWorkspace({ root: REAL_MINUTES, repository: REAL_REPOSITORY }))
  })

  test('every dated file is checked with the profile its path and front matter choose', () => {
    const profiles = Object.fromEntries(report.files.map((file) => [file.path, file.profile]))
    expect(profiles['community-call/20220929.md']).toBe('weekly')
    expect(profiles['community-call/20231005.md']).toBe('slides')
    expect(profiles['iaas/20230322.md']).toBe('team')
    expect(report.files).toHaveLength(24)
  })

  test('20220929 line 11 links iaas/20220927.md, which does not exist: suggests iaas/20220928.md, one day later', () => {
    const file = report.files.find((f) => f.path === 'community-call/20220929.md')
    const finding = file?.findings.find((f) => f.rule === 'link-target-exists')
    expect(finding).toEqual({
      rule: 'link-target-exists',
      severity: 'error',
      line: 11,
      column: 10,
      endLine: 11,
      endColumn: 83,
      message: 'Cannot find `iaas/20220927.md`; did you mean `iaas/20220928.md` (1 day later)?',
      // The same in Markdown: the paths are ours to show as code.
      markdown: 'Cannot find `iaas/20220927.md`; did you mean `iaas/20220928.md` (1 day later)?',
      suggestion: 'iaas/20220928.md',
    })
  })

  test('20220929 "Team Operations and IAM" says minutes are not available, but ops-iam/20220929.md exists', () => {
    expect(lines(report, 'community-call/20220929.md')).toContain(
      'community-call/20220929.md:34:1 warning team-minutes-missing “Team Operations and IAM” says “Minutes not available yet”, but `ops-iam/20220929.md` exists; link it.',
    )
  })

  test('20220929 "## Team Updates" (capital U) is accepted as the team updates section', () => {
    expect(lines(report, 'community-call/20220929.md').filter((line) => line.includes('required-section'))).toEqual([])
  })

  test('20230223 links ops/20230223.md: a missing file, the week-older ops/20230216.md named only as context', () => {
    const file = report.files.find((f) => f.path === 'community-call/20230223.md')
    const finding = file?.findings.find((f) => f.rule === 'link-target-exists')
    expect(finding).toMatchObject({
      line: 43,
      column: 10,
      severity: 'error',
      message: 'Cannot find `ops/20230223.md`; the nearest minutes in `ops/` are `ops/20230216.md` (7 days earlier).',
    })
    expect(finding?.suggestion).toBeUndefined()
  })

  test('20230323 line 10 holds mojibake for 🎉', () => {
    const file = report.files.find((f) => f.path === 'community-call/20230323.md')
    expect(file?.findings.find((f) => f.rule === 'encoding')).toEqual({
      rule: 'encoding',
      severity: 'error',
      line: 10,
      column: 3,
      endLine: 10,
      endColumn: 7,
      message: 'Mis-encoded text “ðŸŽ‰”: UTF-8 read as Latin-1; it should read “🎉”.',
      markdown: 'Mis-encoded text “ðŸŽ‰”: UTF-8 read as Latin-1; it should read “🎉”.',
      suggestion: '🎉',
    })
  })

  test('20230323 "Team Ops" and "Team IAM & IAM Hacking Session" say "None yet" while their minutes exist', () => {
    expect(lines(report, 'community-call/20230323.md').filter((line) => line.includes(' warning team-minutes-missing'))).toEqual([
      'community-call/20230323.md:39:1 warning team-minutes-missing “Team Ops” says “None yet”, but `ops/20230323.md` exists; link it.',
      'community-call/20230323.md:47:1 warning team-minutes-missing “Team IAM & IAM Hacking Session” says “None yet”, but `iam/20230322.md` exists; link it.',
    ])
  })

  test('20230504: level-2 team sections without a wrapper, and a minute-taker given as a handle, are accepted', () => {
    const structural = lines(report, 'community-call/20230504.md').filter((line) =>
      /required-section|minute-taker|team-minutes-link/.test(line),
    )
    expect(structural).toEqual([])
  })

  test('20230504: "Not merged yet" and "None" while ops, iam and sig-standardization minutes exist', () => {
    expect(lines(report, 'community-call/20230504.md').filter((line) => line.includes(' warning team-minutes-missing'))).toEqual([
      'community-call/20230504.md:42:1 warning team-minutes-missing “Team Ops” says “Not merged yet”, but `ops/20230504.md` exists; link it.',
      'community-call/20230504.md:64:1 warning team-minutes-missing “Team IAM” says “None”, but `iam/20230503.md` exists; link it.',
      'community-call/20230504.md:83:1 warning team-minutes-missing “SIG Standardization & Certification” says “None”, but `sig-standardization/20230504.md` exists; link it.',
    ])
  })

  test('20230119: "None present yet" is a placeholder, and "Team Ops/IAM" is the ops-iam team', () => {
    expect(lines(report, 'community-call/20230119.md').filter((line) => line.includes('team-minutes-missing'))).toEqual([
      'community-call/20230119.md:25:1 info team-minutes-missing “Team Container” links no minutes (“None present yet”).',
      'community-call/20230119.md:33:1 info team-minutes-missing “Team Ops/IAM” links no minutes (“None present yet”).',
      'community-call/20230119.md:44:1 info team-minutes-missing “SIG Monitoring (Audit Logging breakout )” links no minutes (“None present yet”).',
    ])
  })

  test('sig-documentation titles write the date with an en dash: a warning that shows the fix', () => {
    expect([...lines(report, 'sig-documentation/20230220.md'), ...lines(report, 'sig-documentation/20230320.md')]).toEqual([
      'sig-documentation/20230220.md:1:24 warning title-date The title date “2023-02–20” is not written YYYY-MM-DD; write “2023-02-20”.',
      'sig-documentation/20230320.md:1:24 warning title-date The title date “2023-03–20” is not written YYYY-MM-DD; write “2023-03-20”.',
    ])
  })

  test('sig-standardization/20230504.md: a level-2 title, its date still read', () => {
    expect(lines(report, 'sig-standardization/20230504.md')).toEqual([
      'sig-standardization/20230504.md:1:1 warning title-heading The title is a level-2 heading; minutes start with a level-1 heading: `# 2023-05-04`.',
    ])
    expect(report.files.find((f) => f.path === 'sig-standardization/20230504.md')?.date).toBe('2023-05-04')
  })

  test('the slide deck gets no weekly-minutes structure rules', () => {
    expect(lines(report, 'community-call/20231005.md')).toEqual([])
  })

  test('the whole run, exactly', () => {
    expect(lines(report)).toEqual([
      'community-call/20220929.md:11:10 error link-target-exists Cannot find `iaas/20220927.md`; did you mean `iaas/20220928.md` (1 day later)?',
      'community-call/20220929.md:34:1 warning team-minutes-missing “Team Operations and IAM” says “Minutes not available yet”, but `ops-iam/20220929.md` exists; link it.',
      "community-call/20220929.md:46:1 warning team-minutes-link “IAM SIG” has no `Minutes:` line; link the team's minutes or write `Minutes: None yet`.",
      "community-call/20220929.md:54:1 warning team-minutes-link “Community SIG” has no `Minutes:` line; link the team's minutes or write `Minutes: None yet`.",
      "community-call/20220929.md:59:1 warning team-minutes-link “Standardisation SIG” has no `Minutes:` line; link the team's minutes or write `Minutes: None yet`.",
      'community-call/20230119.md:25:1 info team-minutes-missing “Team Container” links no minutes (“None present yet”).',
      'community-call/20230119.md:33:1 info team-minutes-missing “Team Ops/IAM” links no minutes (“None present yet”).',
      'community-call/20230119.md:44:1 info team-minutes-missing “SIG Monitoring (Audit Logging breakout )” links no minutes (“None present yet”).',
      "community-call/20230119.md:51:1 warning team-minutes-link “SIG Community” has no `Minutes:` line; link the team's minutes or write `Minutes: None yet`.",
      "community-call/20230119.md:56:1 warning team-minutes-link “SIG Market” has no `Minutes:` line; link the team's minutes or write `Minutes: None yet`.",
      'community-call/20230223.md:43:10 error link-target-exists Cannot find `ops/20230223.md`; the nearest minutes in `ops/` are `ops/20230216.md` (7 days earlier).',
      'community-call/20230223.md:58:1 info team-minutes-missing “SIG Monitoring” links no minutes (“(none yet)”).',
      'community-call/20230223.md:76:1 info team-minutes-missing “SIG Market” links no minutes (“(none yet)”).',
      'community-call/20230323.md:10:3 error encoding Mis-encoded text “ðŸŽ‰”: UTF-8 read as Latin-1; it should read “🎉”.',
      'community-call/20230323.md:39:1 warning team-minutes-missing “Team Ops” says “None yet”, but `ops/20230323.md` exists; link it.',
      'community-call/20230323.md:47:1 warning team-minutes-missing “Team IAM & IAM Hacking Session” says “None yet”, but `iam/20230322.md` exists; link it.',
      'community-call/20230323.md:65:1 info team-minutes-missing “SIG Market” links no minutes (“None yet”).',
      'community-call/20230504.md:42:1 warning team-minutes-missing “Team Ops” says “Not merged yet”, but `ops/20230504.md` exists; link it.',
      'community-call/20230504.md:56:1 info team-minutes-missing “SIG Monitoring” links no minutes (“None”).',
      'community-call/20230504.md:64:1 warning team-minutes-missing “Team IAM” says “None”, but `iam/20230503.md` exists; link it.',
      'community-call/20230504.md:83:1 warning team-minutes-missing “SIG Standardization & Certification” says “None”, but `sig-standardization/20230504.md` exists; link it.',
      'sig-documentation/20230220.md:1:24 warning title-date The title date “2023-02–20” is not written YYYY-MM-DD; write “2023-02-20”.',
      'sig-documentation/20230320.md:1:24 warning title-date The title date “2023-03–20” is not written YYYY-MM-DD; write “2023-03-20”.',
      'sig-standardization/20230504.md:1:1 warning title-heading The title is a level-2 heading; minutes start with a level-1 heading: `# 2023-05-04`.',
    ])
    expect(report.summary).toMatchObject({ files: 24, errors: 3, warnings: 14 })
  })

  test('the real fixtures folder is the one documented', () => {
    expect(REAL_MINUTES.endsWith('shared/fixtures/scs-minutes')).toBe(true)
  })
})
