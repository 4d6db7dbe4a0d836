import { describe, expect, test } from '@jest/globals'
import { datedPathOf } from '../../src/init/path-dates.js'
import { findMeetingSeries } from '../../src/init/series.js'
import { sectionGroupKey } from '../../src/init/infer-series.js'

describe('datedPathOf: the meeting date in a path, and what stands around it', () => {
  test.each([
    ['iaas/20230322.md', { date: '2023-03-22', folder: 'iaas', format: 'YYYYMMDD', suffix: '', tail: '.md' }],
    ['container/20220808-overflow.md', { date: '2022-08-08', folder: 'container', format: 'YYYYMMDD', suffix: '-overflow', tail: '.md' }],
    ['meetings/2026-05-06.md', { date: '2026-05-06', folder: 'meetings', format: 'YYYY-MM-DD', suffix: '', tail: '.md' }],
    ['minutes/2026/05-06.md', { date: '2026-05-06', folder: 'minutes', format: 'YYYY/MM-DD', suffix: '', tail: '.md' }],
    ['2026/05/06.md', { date: '2026-05-06', folder: '', format: 'YYYY/MM/DD', suffix: '', tail: '.md' }],
    ['2025-10-16-board.md', { date: '2025-10-16', folder: '', format: 'YYYY-MM-DD', suffix: '-board', tail: '.md' }],
    [
      'hackathons/2022-09-27-gx-hackathon-5/minutes.md',
      { date: '2022-09-27', folder: 'hackathons', format: 'YYYY-MM-DD', suffix: '-gx-hackathon-5', tail: '/minutes.md' },
    ],
  ])('%s', (path, expected) => {
    expect(datedPathOf(path)).toEqual({ path, folderPattern: expected.folder, ...expected })
  })

  test.each([
    ['notes/2024/2024-03-05-board.md', 'notes/2024', 'notes/YYYY'],
    ['log/2024/03/2024-03-05.md', 'log/2024/03', 'log/YYYY/MM'],
    ['2024/2024-03-05-ops.md', '2024', 'YYYY'],
    ['archive/2023/2024-03-05.md', 'archive/2023', 'archive/2023'], // another year: a name, not the date's folder
  ])('%s: the year (and month) folders of the date are the layout’s tokens', (path, folder, folderPattern) => {
    expect(datedPathOf(path)).toMatchObject({ folder, folderPattern })
  })

  test.each([
    ['README.md'],
    ['meetings/2023-02-30.md'], // no such day
    ['img/20230101.png'], // not Markdown
    ['notes/v20230101.md'], // the date does not start the name
    ['hackathons/2022-09-pco-cloudmon-hackathon/notes.md'], // no day
  ])('%s holds no meeting date', (path) => {
    expect(datedPathOf(path)).toBeNull()
  })
})

describe('findMeetingSeries', () => {
  test('one series per folder and way of writing the date; suffixes that vary become *', () => {
    const series = findMeetingSeries([
      'container/20220801.md',
      'container/20220808-overflow.md',
      'container/20220815.md',
      'container/20220822-special.md',
      'hackathons/2022-09-27-gx-hackathon-5/minutes.md',
      'hackathons/2023-03-05-gx-hackathon-6/notes.md',
      'board/2025-10-16-board.md',
      'README.md',
    ])
    expect(series.map(({ pattern, glob, files }) => [pattern, glob, files.map((file) => file.path)])).toEqual([
      ['container/YYYYMMDD-*.md', 'container/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-*.md', ['container/20220808-overflow.md', 'container/20220822-special.md']],
      ['container/YYYYMMDD.md', 'container/[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9].md', ['container/20220801.md', 'container/20220815.md']],
      [
        'hackathons/YYYY-MM-DD-*/*.md',
        'hackathons/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-*/*.md',
        ['hackathons/2022-09-27-gx-hackathon-5/minutes.md', 'hackathons/2023-03-05-gx-hackathon-6/notes.md'],
      ],
      ['board/YYYY-MM-DD-board.md', 'board/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-board.md', ['board/2025-10-16-board.md']],
    ])
  })
})

describe('findMeetingSeries: year folders and kinds of meeting', () => {
  test('year folders are one series; a suffix three files share is a kind of its own; one-off suffixes come after it', () => {
    const paths = ['2024-02-01-board', '2024-05-01-board', '2025-02-01-board', '2024-02-08-ops', '2024-05-08-ops', '2025-02-08-ops', '2025-03-01-retreat'].map(
      (name) => `notes/${name.slice(0, 4)}/${name}.md`,
    )
    expect(findMeetingSeries(paths).map((series) => [series.pattern, series.files.length])).toEqual([
      ['notes/YYYY/YYYY-MM-DD-board.md', 3],
      ['notes/YYYY/YYYY-MM-DD-ops.md', 3],
      ['notes/YYYY/YYYY-MM-DD-retreat.md', 1],
    ])
  })
})

describe('sectionGroupKey: spellings of one section', () => {
  test.each([
    ['Participants (preferably github handles)', 'present'],
    ['Participants - use of github handle is preferred', 'present'],
    ['Attendees:', 'present'],
    ['Present', 'present'],
    ['Topics', 'agenda'],
    ['Action Items', 'action item'],
    ['Updates from the teams', 'team update'],
    ['Recurring items', 'recurring item'],
  ])('%s → %s', (title, key) => {
    expect(sectionGroupKey(title)).toBe(key)
  })
})

describe('series globs match their files, whatever the folder is called', () => {
  test('glob characters in folder names and suffixes are literal', async () => {
    const picomatch = (await import('picomatch')).default
    const paths = ['notes (old)/2026-01-08.md', 'notes (old)/2026-01-22.md', 'a+b/20260108-[draft].md', 'a+b/20260115-[final].md']
    const series = findMeetingSeries(paths)
    expect(series.map((found) => found.pattern)).toEqual(['a+b/YYYYMMDD-*.md', 'notes (old)/YYYY-MM-DD.md'])
    for (const found of series) {
      expect(paths.filter((path) => picomatch(found.glob)(path))).toEqual(found.files.map((file) => file.path))
    }
  })
})
