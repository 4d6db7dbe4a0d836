import { describe, expect, test } from '@jest/globals'
import { linkTargetPath } from '../../src/repo/link-target.js'

describe('linkTargetPath: where a relative symbolic link points in the repository', () => {
  test.each([
    ['sig-docs/20261126.md', '../platform/20261126.md', 'platform/20261126.md'],
    ['sig-documentation/20221122.md', '../hackathons/2022-11-22-scs-hackathon-cologne/table-documentation.md', 'hackathons/2022-11-22-scs-hackathon-cologne/table-documentation.md'],
    ['notes.md', 'team/./a//b.md', 'team/a/b.md'],
    ['a/b/c.md', '../../d.md', 'd.md'],
    ['a/b.md', 'sub/', 'a/sub'],
  ])('%s → %s is %s', (link, written, target) => {
    expect(linkTargetPath(link, written)).toBe(target)
  })

  test.each([
    ['a/b.md', '../../outside.md'],
    ['b.md', '../b.md'],
    ['a/b.md', '/etc/passwd'],
    ['a/b.md', '..'],
    ['a/b.md', '../'],
    ['a/b.md', ''],
  ])('%s → %s leaves the repository (or names its root): null', (link, written) => {
    expect(linkTargetPath(link, written)).toBeNull()
  })
})
