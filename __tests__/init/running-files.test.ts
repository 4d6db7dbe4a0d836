import { describe, expect, test } from '@jest/globals'
import { parse } from 'yaml'
import { configDocument } from '../../src/init/config-document.js'
import { configSupport } from '../../src/init/config-support.js'
import { inferConfiguration } from '../../src/init/infer-config.js'
import { previewCheck } from '../../src/init/preview.js'
import type { RunReport } from '../../src/report/types.js'

/**
 * A committee that kept one file per meeting (`tc/YYYYMMDD.md`) until 2023, then one running
 * file per year (`tc/2024.md`, newest first): `init` covers both, and `since` is the newest
 * meeting of either.
 */
const single = (date: string) => `# TC meeting ${date}\n\n## Attendees\n\n- Ana\n\n## Notes\n\n- AI @ana: item of ${date}\n`
const FILES = new Map<string, string>([
  ['tc/20231010.md', single('2023-10-10')],
  ['tc/20231024.md', single('2023-10-24')],
  ['tc/20231107.md', single('2023-11-07')],
  ['tc/20231121.md', single('2023-11-21')],
  [
    'tc/2024.md',
    `# **2024-12-10**

## Attendees

- Ana

- AI @bo: review the charter

# **2024-11-26** - Canceled

# **2024-11-12**

## Attendees

- Bo

# [2024-10-29](https://pad.example/tc) minutes

- Notes taken on the pad.
`,
  ],
  ['README.md', '# The TC\n\nMinutes of the technical committee.\n\n## 2024-01-01 note\n\nA dated heading in a README does not make it a running file.\n'],
])

describe('init on a layout that moved from one file per meeting to one file per year', () => {
  const support = configSupport()
  const input = { paths: [...FILES.keys()].sort(), files: FILES }
  const inference = inferConfiguration(input, support)
  const text = configDocument(inference, support)

  test('a running profile for the year file besides the series of single files; since is the running file’s newest meeting', () => {
    expect(inference.runningProfiles.map((profile) => [profile.name, profile.paths, profile.files.map((file) => [file.path, file.dates])])).toEqual([
      ['tc-running', ['tc/YYYY.md'], [['tc/2024.md', ['2024-12-10', '2024-11-26', '2024-11-12', '2024-10-29']]]],
    ])
    expect(inference.newestMeeting).toBe('2024-12-10')
    const written = parse(text) as { profiles: Record<string, { kind?: string; paths: string[] }>; actionItems: { since: string } }
    expect(written.profiles['tc-running']).toMatchObject({ kind: 'running', paths: ['tc/YYYY.md'] })
    expect(Object.values(written.profiles).filter((profile) => profile.kind === undefined).flatMap((profile) => profile.paths)).toEqual(['tc/YYYYMMDD.md'])
    expect(written.actionItems.since).toBe('2024-12-10')
    expect(text).toContain('# tc/YYYY.md: 1 file, 4 meetings, 2024-10-29 … 2024-12-10; one meeting per dated heading\n  tc-running:\n')
  })

  test('the configuration checks the running file as four meetings, with no findings, and dates its item by its section', async () => {
    const report: RunReport = await previewCheck(input, text)
    const year = report.files.find((file) => file.path === 'tc/2024.md')
    expect(year?.profile).toBe('tc-running')
    expect(year?.meetings?.map((meeting) => [meeting.date, meeting.line, meeting.title])).toEqual([
      ['2024-12-10', 1, '2024-12-10'],
      ['2024-11-26', 9, '2024-11-26 - Canceled'],
      ['2024-11-12', 11, '2024-11-12'],
      ['2024-10-29', 17, '2024-10-29 minutes'],
    ])
    expect(report.files.flatMap((file) => file.findings.map((finding) => `${file.path}:${finding.line} ${finding.rule}`))).toEqual([])
    expect(report.files.find((file) => file.path === 'README.md')?.meetings).toBeUndefined()
  })
})
