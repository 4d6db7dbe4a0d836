import { describe, expect, test } from '@jest/globals'
import { DEFAULT_DATE_PATTERNS, DatePatternError, compileDatePattern, compileDatePatterns, dateOfPath } from '../../src/repo/date-patterns.js'
import { indexRepository } from '../../src/repo/repo-index.js'

describe('dateOfPath with the built-in patterns', () => {
  test.each([
    ['iaas/20230322.md', '2023-03-22', 'iaas', '20230322.md'],
    ['container/20220808-overflow.md', '2022-08-08', 'container', '20220808-overflow.md'],
    ['ops/20240614-postmortem-zuul-incident.md', '2024-06-14', 'ops', '20240614-postmortem-zuul-incident.md'],
    ['sig-release/2023-09-14.md', '2023-09-14', 'sig-release', '2023-09-14.md'],
    ['hackathons/2023-07-18-api-mini-hackathon.md', '2023-07-18', 'hackathons', '2023-07-18-api-mini-hackathon.md'],
    ['hackathons/2022-09-27-gx-hackathon-5/minutes.md', '2022-09-27', 'hackathons', '2022-09-27-gx-hackathon-5/minutes.md'],
    ['hackathons/2022-11-22-scs-hackathon-cologne/notes/table.md', '2022-11-22', 'hackathons', '2022-11-22-scs-hackathon-cologne/notes/table.md'],
    ['minutes/2026/05/06.md', '2026-05-06', 'minutes', '2026/05/06.md'],
    ['wg/minutes/2026/05-06.md', '2026-05-06', 'wg/minutes', '2026/05-06.md'],
    ['20260506.md', '2026-05-06', '', '20260506.md'],
    ['meetings/2026-05-06-board.md', '2026-05-06', 'meetings', '2026-05-06-board.md'],
  ])('%s → %s in series “%s”', (path, date, series, written) => {
    expect(dateOfPath(path)).toMatchObject({ date, series, written })
  })

  test.each([
    'README.md',
    'iaas/README.md',
    'sig-standardization/scs-certification-issuing.md',
    'hackathons/2022-09-pco-cloudmon-hackathon/minutes.md',
    'iaas/20230230.md',
    'iaas/20230322.txt',
    'iaas/2023032.md',
    'hackathons/2022-09-27-gx-hackathon-5/20220927-slides.pdf',
  ])('%s holds no date', (path) => {
    expect(dateOfPath(path)).toBeNull()
  })

  test('the first matching pattern wins, and tells which one matched', () => {
    expect(dateOfPath('iaas/20230322.md')?.pattern).toBe(DEFAULT_DATE_PATTERNS.indexOf('**/YYYYMMDD.md'))
    expect(dateOfPath('iaas/20230710-overflow.md')?.pattern).toBe(DEFAULT_DATE_PATTERNS.indexOf('**/YYYYMMDD-*.md'))
  })
})

describe('configured date patterns', () => {
  test('replace the built-ins: only what they describe has a date', () => {
    const patterns = compileDatePatterns(['minutes/YYYY/MM-DD.md', 'board/DD.MM.YYYY.md'])
    expect(dateOfPath('minutes/2026/05-06.md', patterns)).toEqual({ date: '2026-05-06', series: 'minutes', written: '2026/05-06.md', pattern: 0 })
    expect(dateOfPath('board/06.05.2026.md', patterns)).toEqual({ date: '2026-05-06', series: 'board', written: '06.05.2026.md', pattern: 1 })
    expect(dateOfPath('board/06x05x2026.md', patterns)).toBeNull()
    expect(dateOfPath('iaas/20230322.md', patterns)).toBeNull()
  })

  test('a pattern without a token is refused with the reason', () => {
    expect(() => compileDatePattern('**/YYYY-MM.md')).toThrow(new DatePatternError('**/YYYY-MM.md', 'has no DD'))
  })

  test('a token written twice (a year folder) stands for the same digits', () => {
    const patterns = compileDatePatterns(['notes/YYYY/YYYY-MM-DD-board.md'])
    expect(dateOfPath('notes/2025/2025-01-07-board.md', patterns)).toEqual({ date: '2025-01-07', series: 'notes', written: '2025/2025-01-07-board.md', pattern: 0 })
    expect(dateOfPath('notes/2024/2025-01-07-board.md', patterns)).toBeNull()
  })
})

describe('the repository index', () => {
  const index = indexRepository([
    'iaas/20230710-overflow.md',
    'iaas/20230710.md',
    'iaas/20230703.md',
    'hackathons/2022-09-27-gx-hackathon-5/minutes.md',
    'hackathons/2023-07-18-api-mini-hackathon.md',
    'sig-release/2023-09-14.md',
    'Charter.md',
    'meetings/README.md',
  ])

  test('dated files per series, oldest first, the plain name first on the same day', () => {
    expect(index.datedFiles.get('iaas')?.map((file) => file.path)).toEqual(['iaas/20230703.md', 'iaas/20230710.md', 'iaas/20230710-overflow.md'])
    expect(index.datedFiles.get('hackathons')?.map((file) => [file.path, file.date])).toEqual([
      ['hackathons/2022-09-27-gx-hackathon-5/minutes.md', '2022-09-27'],
      ['hackathons/2023-07-18-api-mini-hackathon.md', '2023-07-18'],
    ])
    expect(index.datedFiles.get('sig-release')?.map((file) => file.date)).toEqual(['2023-09-14'])
  })

  test('file names in any case, for suggestions of moved files', () => {
    expect(index.byName.get('charter.md')).toEqual(['Charter.md'])
    expect(index.byName.get('readme.md')).toEqual(['meetings/README.md'])
  })
})
