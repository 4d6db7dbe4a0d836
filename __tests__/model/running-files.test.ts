import { describe, expect, test } from '@jest/globals'
import { checkSource } from '../../src/check/check-source.js'
import { loadConfig } from '../../src/config/load-config.js'
import { linesChangedByPatch } from '../../src/github/changed-files.js'
import { latestOccurrences } from '../../src/plan/occurrences.js'
import { formatText } from '../../src/report/format-text.js'
import { scopeToChangedMeetings } from '../../src/report/meeting-scope.js'
import type { FileReport, RunReport } from '../../src/report/types.js'
import { indexRepository } from '../../src/repo/repo-index.js'

/** A running series as a user configures it by hand: one file per year or month, one meeting per dated heading. */
const CONFIG = loadConfig(`
profiles:
  tc-single:
    paths: ['tc/YYYYMMDD.md']
    rules: {title-date: error}
  tc:
    kind: running
    paths: ['tc/*.md']
    rules: {title-date: error, title-heading: warning, title-date-matches-filename: error, required-section: error}
    requiredSections: [Attendees]
`)

function check(path: string, text: string): FileReport {
  const report = checkSource({ path, content: text }, { config: CONFIG, index: indexRepository([path]) })
  if (!report) throw new Error(`no profile for ${path}`)
  return report
}

function findings(file: FileReport): string[] {
  return file.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)
}

function items(file: FileReport): string[] {
  const run: RunReport = { version: 1, files: [file], summary: { files: 1, errors: 0, warnings: 0, actionItems: file.actionItems.length } }
  return latestOccurrences(run).map((occurrence) => `${occurrence.date} ${occurrence.item.line} ${occurrence.item.done ? 'done' : 'open'} ${occurrence.item.text}`)
}

const NEWEST_FIRST = `# **2024-12-10**

## Attendees

- Ana, Bo

## Notes

- AI @ana: publish the roadmap

# **2024-11-26** - Canceled

# **2024-11-12**

## Attendees

- Ana

- AI @bo: review the charter
- AI @ana: publish the roadmap
`

describe('a running file: one meeting per dated heading', () => {
  test('newest first, with a canceled meeting of one line: the meetings, no findings, items dated by their section', () => {
    const file = check('tc/2024.md', NEWEST_FIRST)
    expect(file.meetings).toEqual([
      { date: '2024-12-10', line: 1, title: '2024-12-10', endLine: 9 },
      { date: '2024-11-26', line: 11, title: '2024-11-26 - Canceled', endLine: 11 },
      { date: '2024-11-12', line: 13, title: '2024-11-12', endLine: 20 },
    ])
    expect(file.date).toBe('2024-12-10')
    expect(findings(file)).toEqual([])
    // The roadmap item of 2024-11-12 is carried into 2024-12-10: one item, its latest mention.
    expect(items(file)).toEqual(['2024-11-12 19 open review the charter', '2024-12-10 9 open publish the roadmap'])
  })

  test('oldest first, a meeting out of order, one outside the year, one without its sections', () => {
    const text = `# 2024-01-09

## Attendees

- Ana

# 2024-02-06

Short call, nothing noted.

# 2024-01-23

## Attendees

# 2025-03-04

## Attendees
`
    expect(findings(check('tc/2024.md', text))).toEqual([
      '7:1 error required-section Missing section “Attendees”: add a heading `## Attendees`.',
      '11:3 warning title-date The meeting of 2024-01-23 is out of order: the file lists meetings oldest first, and the one above it is of 2024-02-06.',
      '15:3 error title-date-matches-filename The heading says 2025-03-04 but the file name `2024.md` says 2024; fix whichever is wrong.',
    ])
  })

  test('headings with emphasis, links and other date forms; a month file; a preamble before the first meeting', () => {
    const text = `Notes of the technical committee, one section per meeting.

- AI @cy: this line belongs to no meeting

## [5 March 2024](https://pad.example/tc-0305) *(hybrid)*

### Attendees

- AI @cy: book the room

## _2024-03–19_

### Attendees

## **2024-04-02**

### Attendees
`
    const file = check('tc/2024-03.md', text)
    expect(file.meetings).toEqual([
      { date: '2024-03-05', line: 5, title: '5 March 2024 (hybrid)', endLine: 9 },
      { date: '2024-03-19', line: 11, title: '2024-03–19', endLine: 13 },
      { date: '2024-04-02', line: 15, title: '2024-04-02', endLine: 17 },
    ])
    expect(findings(file)).toEqual([
      '5:5 warning title-date The heading date “5 March 2024” is not written YYYY-MM-DD; write “2024-03-05”.',
      '11:5 warning title-date The heading date “2024-03–19” is not written YYYY-MM-DD; write “2024-03-19”.',
      '15:6 error title-date-matches-filename The heading says 2024-04-02 but the file name `2024-03.md` says 2024-03; fix whichever is wrong.',
    ])
    // The preamble's item has the file's date: the newest meeting's.
    expect(items(file)).toEqual(['2024-03-05 9 open book the room', '2024-04-02 3 open this line belongs to no meeting'])
  })

  test('a running file without a dated heading says how to write one', () => {
    expect(findings(check('tc/2025.md', '# TC notes\n\nNothing yet.\n'))).toEqual([
      '1:1 error title-date No meeting heading: a running file holds one meeting per dated heading, e.g. `# YYYY-MM-DD`.',
    ])
  })

  test('the text output counts meetings where they differ from files', () => {
    const file = check('tc/2024.md', NEWEST_FIRST)
    const single = check('tc/20231128.md', '# TC 2023-11-28\n')
    expect(single.meetings).toBeUndefined()
    const run: RunReport = { version: 1, files: [single, file], summary: { files: 2, errors: 0, warnings: 0, actionItems: 3 } }
    expect(formatText(run)).toBe('2 files (4 meetings) checked: no problems.\n')
  })
})

describe('a change scoped to the meetings it edits', () => {
  test('a diff’s changed lines: added lines, and where lines were only removed, the line after', () => {
    const patch = ['@@ -1,3 +1,8 @@', '+# **2025-01-07**', '+', '+- AI @cy: new item', '+', ' # **2024-12-10**', ' ', '-old line', '@@ -20,2 +24,3 @@ heading', ' a', '+b', ' c', '\\ No newline at end of file'].join('\n')
    expect(linesChangedByPatch(patch)).toEqual([1, 2, 3, 4, 7, 25])
  })

  test('a new section at the top: its findings and items only; a file of one meeting stays whole', () => {
    const text = `# 2024-12-17

## Attendees

- AI @cy: new item

${NEWEST_FIRST.replace('# **2024-12-10**\n\n## Attendees\n', '# **2024-12-10**\n')}`
    const file = check('tc/2024.md', text)
    const single = check('tc/20231128.md', '# TC 2023-11-28\n\n- AI @ana: old item\n')
    const run: RunReport = { version: 1, files: [single, file], summary: { files: 2, errors: 0, warnings: 0, actionItems: 0 } }
    expect(findings(file)).toEqual(['7:1 error required-section Missing section “Attendees”: add a heading `## Attendees`.'])
    const scoped = scopeToChangedMeetings(run, { 'tc/2024.md': [1, 2, 3, 4, 5, 6], 'tc/20231128.md': [1] })
    expect(scoped.files[0]).toBe(single)
    expect(scoped.files[1]?.findings).toEqual([])
    expect(scoped.files[1]?.actionItems.map((item) => `${item.line} ${item.text}`)).toEqual(['5 new item'])
    expect(scoped.summary).toEqual({ files: 2, errors: 0, warnings: 0, actionItems: 2 })
    // Editing the second meeting brings its findings and items, not the first's.
    const second = scopeToChangedMeetings(run, { 'tc/2024.md': [12] })
    expect(findings(second.files[1]!)).toEqual(['7:1 error required-section Missing section “Attendees”: add a heading `## Attendees`.'])
    expect(second.files[1]?.actionItems.map((item) => `${item.line} ${item.text}`)).toEqual(['13 publish the roadmap'])
    expect(second.summary).toEqual({ files: 2, errors: 1, warnings: 0, actionItems: 2 })
  })
})
