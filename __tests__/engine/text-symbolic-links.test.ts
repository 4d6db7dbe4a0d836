import { describe, expect, test } from '@jest/globals'
import { textSymbolicLink } from '../../src/check/symbolic-links.js'
import { indexRepository } from '../../src/repo/repo-index.js'

const index = indexRepository(['notes/20260107.md', 'notes/archive/20260101.md', 'team/20260107.md', 'README.md'])
const bytes = (text: string) => new TextEncoder().encode(text)

describe('a symbolic link checked out as a text file holding its target', () => {
  test('is a link to the repository file its one line names, relative to the link', () => {
    expect(textSymbolicLink('team/20260108.md', bytes('../notes/20260107.md'), index)).toEqual({ written: '../notes/20260107.md', target: 'notes/20260107.md', asText: true })
    expect(textSymbolicLink('notes/latest.md', 'archive/20260101.md', index)).toEqual({ written: 'archive/20260101.md', target: 'notes/archive/20260101.md', asText: true })
  })

  test('is not taken for one when the text could be minutes, or names nothing in the repository', () => {
    const cases = [
      '../notes/20260107.md\n', // git writes no line end; an editor did
      '# 2026-01-07',
      'see ../notes/20260107.md',
      '../notes/20260199.md', // no such file
      '/notes/20260107.md', // absolute: never read
      '../../outside/20260107.md',
      '../notes/20260107.txt',
      '20260108.md', // itself
      '',
      `${'../'.repeat(400)}notes/20260107.md`, // longer than any link git would write here
    ]
    expect(cases.map((text) => textSymbolicLink('team/20260108.md', bytes(text), index))).toEqual(cases.map(() => null))
  })
})
