import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkInMemory, findingsOf } from '../../test-support/check-in-memory.js'
import { REAL_MINUTES_SAMPLE, describeWithFixture } from '../../test-support/real-minutes.js'

const team = (title: string) => ({ 'iaas/20230322.md': `${title}\n\n## Agenda\n\n- Sprint review\n` })

describe('title-date', () => {
  test('a title with a clean date passes', () => {
    expect(findingsOf(checkInMemory(team('# 2023-03-22'), 'iaas/20230322.md'))).toEqual([])
  })

  test('no heading at all', () => {
    expect(findingsOf(checkInMemory({ 'iaas/20230322.md': 'Just notes.\n' }, 'iaas/20230322.md'), 'title-date')).toEqual([
      '1:1 error title-date No title: minutes start with a heading that holds the meeting date, e.g. `# 2023-03-22`.',
    ])
  })

  test('a title without a date', () => {
    expect(findingsOf(checkInMemory(team('# Team IaaS weekly'), 'iaas/20230322.md'), 'title-date')).toEqual([
      '1:1 error title-date The title “Team IaaS weekly” has no date; add the meeting date as `2023-03-22`.',
    ])
  })

  test('a date that is not on the calendar', () => {
    expect(findingsOf(checkInMemory(team('# 2023-02-30'), 'iaas/20230322.md'), 'title-date')).toEqual([
      '1:3 error title-date “2023-02-30” in the title is not a real calendar date.',
    ])
  })

  test('an en dash or a missing zero is a warning that shows the fix', () => {
    const report = checkInMemory(team('# IaaS on 2023-3–22'), 'iaas/20230322.md')
    expect(findingsOf(report, 'title-date')).toEqual([
      '1:11 warning title-date The title date “2023-3–22” is not written YYYY-MM-DD; write “2023-03-22”.',
    ])
    expect(report?.findings[0]?.suggestion).toBe('2023-03-22')
    expect(report?.date).toBe('2023-03-22')
  })
})

describe('title-heading', () => {
  test('a level-2 title is taken as the title and reported', () => {
    expect(findingsOf(checkInMemory(team('## 2023-03-22'), 'iaas/20230322.md'))).toEqual([
      '1:1 warning title-heading The title is a level-2 heading; minutes start with a level-1 heading: `# 2023-03-22`.',
    ])
  })

  test('a first heading that names a part of the meeting is a section, not the title', () => {
    // Advice to write `# Participants (github handles preferred)` as the title would be wrong.
    for (const heading of ['### Participants (github handles preferred)', '## :family: Participants', '## Agenda', '### Attendees']) {
      expect(findingsOf(checkInMemory({ 'iaas/20230322.md': `${heading}\n\n- @alice\n\n## Notes\n\nText.\n` }, 'iaas/20230322.md'))).toEqual([
        '1:1 error title-date No title: minutes start with a heading that holds the meeting date, e.g. `# 2023-03-22`.',
      ])
    }
  })

  test('a first heading that names a topic is still taken as the title, and a dated one always', () => {
    expect(findingsOf(checkInMemory({ 'iaas/20230322.md': '### Presentation of the storage plans\n\nText.\n' }, 'iaas/20230322.md'))).toEqual([
      '1:1 error title-date The title “Presentation of the storage plans” has no date; add the meeting date as `2023-03-22`.',
      '1:1 warning title-heading The title is a level-3 heading; minutes start with a level-1 heading: `# Presentation of the storage plans`.',
    ])
    expect(findingsOf(checkInMemory({ 'iaas/20230322.md': '## Agenda 2023-03-22\n\nText.\n' }, 'iaas/20230322.md'))).toEqual([
      '1:1 warning title-heading The title is a level-2 heading; minutes start with a level-1 heading: `# Agenda 2023-03-22`.',
    ])
  })

  test('a level-1 title passes', () => {
    expect(findingsOf(checkInMemory(team('# 2023-03-22'), 'iaas/20230322.md'), 'title-heading')).toEqual([])
  })
})

describe('title-date-matches-filename', () => {
  test('a title dated another day than the file name', () => {
    const report = checkInMemory(team('# 2023-03-21'), 'iaas/20230322.md')
    expect(findingsOf(report, 'title-date-matches-filename')).toEqual([
      '1:3 error title-date-matches-filename The title says 2023-03-21 but the file name `20230322.md` says 2023-03-22; fix whichever is wrong.',
    ])
  })

  test('the en-dash title of the right day matches', () => {
    expect(findingsOf(checkInMemory(team('# 2023-03–22'), 'iaas/20230322.md'), 'title-date-matches-filename')).toEqual([])
  })

  test('an invalid title date is reported once, by title-date', () => {
    expect(findingsOf(checkInMemory(team('# 2023-13-22'), 'iaas/20230322.md')).map((line) => line.split(' ')[2])).toEqual([
      'title-date',
    ])
  })
})

/** The title findings of one real file, checked alone with the defaults. */
const real = (root: string, path: string) =>
  findingsOf(checkInMemory({ [path]: readFileSync(join(root, path), 'utf8') }, path)).filter((finding) => / title-(?:date|heading) /u.test(finding))

describeWithFixture(REAL_MINUTES_SAMPLE, 'the real sample')('a real file whose first heading is its participants list', () => {
  test('sig-markt/20230113.md: no title, and no advice to make “Participants” the title', () => {
    expect(real(REAL_MINUTES_SAMPLE, 'sig-markt/20230113.md')).toEqual([
      '1:1 error title-date No title: minutes start with a heading that holds the meeting date, e.g. `# 2023-01-13`.',
    ])
  })
})

const SERIES = join(REAL_MINUTES_SAMPLE, '../scs-series')
describeWithFixture(SERIES, 'the real series')('a real file whose title is a paragraph above its participants heading', () => {
  test('ops-iam/20221013.md: no title (its first line, “Team OPS-IAM”, is a paragraph)', () => {
    expect(real(SERIES, 'ops-iam/20221013.md')).toEqual([
      '1:1 error title-date No title: minutes start with a heading that holds the meeting date, e.g. `# 2022-10-13`.',
    ])
  })
})
