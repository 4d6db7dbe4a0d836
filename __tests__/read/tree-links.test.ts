import { describe, expect, test } from '@jest/globals'
import { resolveTreeLinks } from '../../src/read/tree-links.js'

describe('resolveTreeLinks: the symbolic links of a git tree, resolved as a checkout resolves them', () => {
  test('a link to a file, one out of the repository, one to a folder, a dangling one', () => {
    const written = new Map([
      ['storage/20261126.md', '../platform/20261126.md'],
      ['sig-docs/20261126.md', '../../elsewhere/notes.md'],
      ['archive', 'platform'],
      ['team/gone.md', 'missing.md'],
    ])
    expect(Object.fromEntries(resolveTreeLinks(written, new Set(['platform', 'storage', 'sig-docs', 'team'])))).toEqual({
      'storage/20261126.md': { written: '../platform/20261126.md', target: 'platform/20261126.md' },
      'sig-docs/20261126.md': { written: '../../elsewhere/notes.md', target: null },
      archive: 'folder',
      'team/gone.md': { written: 'missing.md', target: 'team/missing.md' },
    })
  })

  test('a link to a link is followed to the file, each step from its own folder; one leading out through another is outside', () => {
    const written = new Map([
      ['a/latest.md', '../b/current.md'],
      ['b/current.md', '20261126.md'],
      ['c/escape.md', '../d/out.md'],
      ['d/out.md', '../../x.md'],
    ])
    expect(resolveTreeLinks(written, new Set(['a', 'b', 'c', 'd']))).toEqual(
      new Map([
        ['a/latest.md', { written: '../b/current.md', target: 'b/20261126.md' }],
        ['b/current.md', { written: '20261126.md', target: 'b/20261126.md' }],
        ['c/escape.md', { written: '../d/out.md', target: null }],
        ['d/out.md', { written: '../../x.md', target: null }],
      ]),
    )
  })

  test('a cycle of links ends: each keeps its first step as the target, like a dangling link', () => {
    const written = new Map([
      ['one.md', 'two.md'],
      ['two.md', 'three.md'],
      ['three.md', 'two.md'],
    ])
    expect(resolveTreeLinks(written, new Set())).toEqual(
      new Map([
        ['one.md', { written: 'two.md', target: 'two.md' }],
        ['two.md', { written: 'three.md', target: 'three.md' }],
        ['three.md', { written: 'two.md', target: 'two.md' }],
      ]),
    )
  })
})
