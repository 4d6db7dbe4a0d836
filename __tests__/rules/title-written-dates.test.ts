import { describe, expect, test } from '@jest/globals'
import { checkInMemory, findingsOf } from '../../test-support/check-in-memory.js'

/** Every finding of a team minutes file with this title, at this path. */
function check(title: string, path = 'iaas/20150209.md') {
  return checkInMemory({ [path]: `${title}\n\n## Agenda\n\n- Sprint review\n` }, path)
}

describe('titles with the date written other ways (issue 20)', () => {
  test.each([
    ['# Minutes of 9 February 2015', 14, '9 February 2015'],
    ['# Minutes of February 9, 2015', 14, 'February 9, 2015'],
    ['# Minutes of Feb 9th, 2015', 14, 'Feb 9th, 2015'],
    ['# Sitzung vom 9. Februar 2015', 15, '9. Februar 2015'],
    ['# Sitzung vom 9.2.2015', 15, '9.2.2015'],
    ['# Minutes of 02/09/2015', 14, '02/09/2015'],
    ['# Minutes of 09-02-2015', 14, '09-02-2015'],
  ])('%s is a dated title: a warning with the ISO form, nothing else', (title, column, raw) => {
    const report = check(title)
    expect(findingsOf(report)).toEqual([`1:${column} warning title-date The title date “${raw}” is not written YYYY-MM-DD; write “2015-02-09”.`])
    expect(report?.findings[0]?.suggestion).toBe('2015-02-09')
    expect(report?.findings[0]?.endColumn).toBe(column + raw.length)
    expect(report?.date).toBe('2015-02-09')
  })

  test('the file name chooses the reading of 02/09/2015: day first in 20150902.md, month first in 20150209.md', () => {
    expect(findingsOf(check('# Minutes of 02/09/2015', 'iaas/20150902.md'))).toEqual([
      '1:14 warning title-date The title date “02/09/2015” is not written YYYY-MM-DD; write “2015-09-02”.',
    ])
    expect(findingsOf(check('# Minutes of 02/09/2015', 'iaas/20150209.md'))).toEqual([
      '1:14 warning title-date The title date “02/09/2015” is not written YYYY-MM-DD; write “2015-02-09”.',
    ])
  })

  test('an ambiguous date that is neither reading of the file name: the ambiguity said once, the mismatch once', () => {
    const report = check('# Minutes of 02/09/2015', 'iaas/20150310.md')
    expect(findingsOf(report)).toEqual([
      '1:14 warning title-date The title date “02/09/2015” can be read two ways, 2015-09-02 or 2015-02-09; write the meeting date as YYYY-MM-DD.',
      '1:14 error title-date-matches-filename The title says 02/09/2015 but the file name `20150310.md` says 2015-03-10; fix whichever is wrong.',
    ])
    expect(report?.findings.map((finding) => finding.suggestion ?? null)).toEqual([null, '2015-03-10'])
  })

  // A profile for files whose path holds no date: the front matter may say it.
  const notes = 'profiles:\n  notes:\n    extends: team\n    paths: ["notes/*.md"]\n    frontMatterDate: date\n'
  const titleFindings = (text: string) =>
    findingsOf(checkInMemory({ 'notes/board.md': text }, 'notes/board.md', { configYaml: notes })).filter((line) => line.includes(' title-date'))

  test('an ambiguous date with no date in the path or front matter is not guessed: one warning', () => {
    expect(titleFindings('# Board 9.2.2015\n')).toEqual([
      '1:9 warning title-date The title date “9.2.2015” can be read two ways, 2015-02-09 or 2015-09-02; write the meeting date as YYYY-MM-DD.',
    ])
  })

  test('the front matter date chooses the reading where the path has none', () => {
    expect(titleFindings('---\ndate: 2015-09-02\n---\n\n# Board 02/09/2015\n')).toEqual([
      '5:9 warning title-date The title date “02/09/2015” is not written YYYY-MM-DD; write “2015-09-02”.',
    ])
  })

  test('a date of another day than the file name is an error, whatever form it is written in', () => {
    expect(findingsOf(check('# 10 February 2015'))).toEqual([
      '1:3 warning title-date The title date “10 February 2015” is not written YYYY-MM-DD; write “2015-02-10”.',
      '1:3 error title-date-matches-filename The title says 2015-02-10 but the file name `20150209.md` says 2015-02-09; fix whichever is wrong.',
    ])
    // Read one way only (13 is no month), so the file name does not choose the reading.
    expect(findingsOf(check('# 13/02/2015', 'iaas/20150213.md'))).toEqual([
      '1:3 warning title-date The title date “13/02/2015” is not written YYYY-MM-DD; write “2015-02-13”.',
    ])
  })

  test('a written date that is not on the calendar is an error, reported once', () => {
    expect(findingsOf(check('# 30 February 2015'))).toEqual(['1:3 error title-date “30 February 2015” in the title is not a real calendar date.'])
    expect(findingsOf(check('# 31/02/2015'))).toEqual(['1:3 error title-date “31/02/2015” in the title is not a real calendar date.'])
  })

  test('a month and year alone are no date', () => {
    expect(findingsOf(check('# February 2015 planning'))).toEqual([
      '1:1 error title-date The title “February 2015 planning” has no date; add the meeting date as `2015-02-09`.',
    ])
  })

  test('the date is found in the text node that holds it, with its exact column', () => {
    expect(findingsOf(check('# **Board** meeting, _9 Feb 2015_'))).toEqual([
      '1:23 warning title-date The title date “9 Feb 2015” is not written YYYY-MM-DD; write “2015-02-09”.',
    ])
  })
})
