import { describe, expect, test } from '@jest/globals'
import { symbolicLinkReport, textSymbolicLink } from '../../src/check/symbolic-links.js'
import { loadConfig } from '../../src/config/load-config.js'
import { indexRepository } from '../../src/repo/repo-index.js'

const index = indexRepository(['notes/20260107.md', 'notes/archive/20260101.md', 'team/20260107.md', 'README.md'])
const bytes = (text: string) => new TextEncoder().encode(text)

describe('a symbolic link checked out as a text file holding its target', () => {
  test('is a link to the repository file its one line names, relative to the link', () => {
    expect(textSymbolicLink('team/20260108.md', bytes('../notes/20260107.md'))).toEqual({ written: '../notes/20260107.md', target: 'notes/20260107.md', asText: true })
    expect(textSymbolicLink('notes/latest.md', 'archive/20260101.md')).toEqual({ written: 'archive/20260101.md', target: 'notes/archive/20260101.md', asText: true })
  })

  test('is a link also when its target is missing or outside the repository: reported as the link, not as minutes without a title', () => {
    expect(textSymbolicLink('team/20260108.md', bytes('../notes/20260199.md'))).toEqual({ written: '../notes/20260199.md', target: 'notes/20260199.md', asText: true })
    expect(textSymbolicLink('team/20260108.md', bytes('/notes/20260107.md'))).toEqual({ written: '/notes/20260107.md', target: null, asText: true })
    expect(textSymbolicLink('team/20260108.md', bytes('../../outside/20260107.md'))).toEqual({ written: '../../outside/20260107.md', target: null, asText: true })
    expect(symbolicLinkReport('team/20260108.md', { written: '../notes/20260199.md', target: 'notes/20260199.md', asText: true }, loadConfig(null), index).findings.map((finding) => `${finding.severity} ${finding.message}`)).toEqual([
      'warning A symbolic link to `notes/20260199.md`, which does not exist.',
    ])
  })

  test('is not taken for one when the text could be minutes', () => {
    const cases = [
      '../notes/20260107.md\n', // git writes no line end; an editor did
      '# 2026-01-07',
      'see ../notes/20260107.md',
      '../notes/20260107.txt',
      '20260108.md', // itself
      '',
      `${'../'.repeat(400)}notes/20260107.md`, // longer than any link git would write here
    ]
    expect(cases.map((text) => textSymbolicLink('team/20260108.md', bytes(text)))).toEqual(cases.map(() => null))
  })
})

describe('the report of a symbolic link, in the pull request comment', () => {
  test('a target written by the pull request stays inert code: no mention, no HTML, no broken code span', () => {
    const written = '../../`@alice` <img src=x>.md'
    const report = symbolicLinkReport('team/20260108.md', { written, target: null }, loadConfig(null), index)
    expect(report.findings).toEqual([
      {
        rule: 'symbolic-link',
        severity: 'warning',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: 'A symbolic link to `../../`@alice` <img src=x>.md`, outside the repository: not read, so not checked.',
        // Backticks become ʼ, a zero-width space breaks the mention and the tag.
        markdown: 'A symbolic link to `../../ʼ@\u200Baliceʼ <\u200Bimg src=x>.md`, outside the repository: not read, so not checked.',
      },
    ])
    expect(report.findings[0]?.markdown).not.toContain('`@alice`')
  })
})
