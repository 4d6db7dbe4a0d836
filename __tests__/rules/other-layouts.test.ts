import { describe, expect, test } from '@jest/globals'
import { checkInMemory, findingsOf } from '../../test-support/check-in-memory.js'

const WEEKLY_OFF = 'profiles:\n  weekly:\n    rules: {required-section: off, minute-taker: off}\n'

describe('dashed file names', () => {
  test('sig-release/2023-09-14.md with a title saying 2023-09-15 is reported', () => {
    const repo = { 'sig-release/2023-09-14.md': '# SIG Release 2023-09-15\n' }
    expect(findingsOf(checkInMemory(repo, 'sig-release/2023-09-14.md'))).toEqual([
      '1:15 error title-date-matches-filename The title says 2023-09-15 but the file name `2023-09-14.md` says 2023-09-14; fix whichever is wrong.',
    ])
  })

  test("a weekly's team lookup finds a team's dashed minutes", () => {
    const weekly = '# Weekly 2023-09-14\n\n## Team updates\n\n### SIG Release\n\nMinutes: None yet\n'
    const repo = { 'community-call/20230914.md': weekly, 'sig-release/2023-09-13.md': '# 2023-09-13\n' }
    expect(findingsOf(checkInMemory(repo, 'community-call/20230914.md', { configYaml: WEEKLY_OFF }))).toEqual([
      '7:1 warning team-minutes-missing “SIG Release” says “None yet”, but `sig-release/2023-09-13.md` exists; link it.',
    ])
  })
})

describe('a Minutes: line that links, where the link cannot be followed', () => {
  const weekly = '# Weekly 2023-03-23\n\n## Team updates\n\n### Team IaaS\n\nMinutes: https://github.com/acme/minutes/blob/main/iaas/20230322.md\n'
  const repo = { 'community-call/20230323.md': weekly, 'iaas/20230322.md': '# 2023-03-22\n' }

  test('with the repository unknown it is a link, never a placeholder saying “(nothing)”', () => {
    const report = checkInMemory(repo, 'community-call/20230323.md', { configYaml: WEEKLY_OFF, repository: null })
    expect(findingsOf(report)).toEqual([])
    expect(report?.teams).toEqual([
      { team: 'Team IaaS', line: 5, kind: 'link', placeholder: null, links: [{ url: 'https://github.com/acme/minutes/blob/main/iaas/20230322.md', line: 7, path: null, exists: null }] },
    ])
  })

  test('a folder link alone is described by what it says', () => {
    const folderOnly = { ...repo, 'community-call/20230323.md': weekly.replace('blob/main/iaas/20230322.md', 'tree/main/iaas') }
    const report = checkInMemory(folderOnly, 'community-call/20230323.md', { configYaml: WEEKLY_OFF })
    expect(findingsOf(report)).toEqual([
      '7:1 warning team-minutes-missing “Team IaaS” says “https://github.com/acme/minutes/tree/main/iaas”, but `iaas/20230322.md` exists; link it.',
    ])
  })
})

describe('a board with YYYY-MM-DD-board.md and a front matter date', () => {
  const CONFIG = 'profiles:\n  board:\n    paths: ["board/YYYY-MM-DD-board.md"]\n    frontMatterDate: date\n'

  test('the title may leave the date out; a front matter date that disagrees with the name is reported', () => {
    const repo = {
      'board/2026-05-06-board.md': '---\ndate: 2026-05-06\n---\n\n# Board meeting\n',
      'board/2026-06-03-board.md': '---\ndate: 2026-06-02\n---\n\n# Board meeting\n',
    }
    expect(checkInMemory(repo, 'board/2026-05-06-board.md', { configYaml: CONFIG })).toMatchObject({ profile: 'board', date: '2026-05-06', findings: [] })
    expect(findingsOf(checkInMemory(repo, 'board/2026-06-03-board.md', { configYaml: CONFIG }))).toEqual([
      '1:1 error title-date-matches-filename The front matter says 2026-06-02 but the file name `2026-06-03-board.md` says 2026-06-03; fix whichever is wrong.',
    ])
  })

  test('without frontMatterDate the new profile has every rule at its default level: the title needs the date', () => {
    const repo = { 'board/2026-05-06-board.md': '---\ndate: 2026-05-06\n---\n\n# Board meeting\n' }
    const config = 'profiles:\n  board:\n    paths: ["board/YYYY-MM-DD-board.md"]\n'
    expect(findingsOf(checkInMemory(repo, 'board/2026-05-06-board.md', { configYaml: config }))).toEqual([
      '5:1 error title-date The title “Board meeting” has no date; add the meeting date as `2026-05-06`.',
    ])
  })
})
