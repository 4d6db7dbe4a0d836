import { describe, expect, test } from '@jest/globals'
import { pathOnDate } from '../../src/next/next-path.js'

describe('the next file is named as the series names its files', () => {
  test.each([
    ['community-call/20261119.md', '**/YYYYMMDD.md', 'community-call/20260108.md'],
    ['sig-release/2023-09-14.md', '**/YYYY-MM-DD.md', 'sig-release/2026-01-08.md'],
    ['container/20220808-overflow.md', '**/YYYYMMDD-*.md', 'container/20260108-overflow.md'],
    ['working-group/minutes/2025/11-18.md', '**/YYYY/MM-DD.md', 'working-group/minutes/2026/01-08.md'],
    ['minutes/2026/05/06.md', '**/YYYY/MM/DD.md', 'minutes/2026/01/08.md'],
    ['hackathons/2022-09-27-gx-hackathon-5/minutes.md', '**/YYYY-MM-DD-*/**/*.md', 'hackathons/2026-01-08-gx-hackathon-5/minutes.md'],
    ['2025-10-16-board.md', '**/YYYY-MM-DD-*.md', '2026-01-08-board.md'],
  ])('%s (%s) → %s', (example, pattern, expected) => {
    expect(pathOnDate(example, pattern, '2026-01-08')).toBe(expected)
  })
})
