import { describe, expect, test } from '@jest/globals'
import { link } from '../../src/markup/escape.js'
import { permalink } from '../../src/markup/permalink.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { BLOB, LINKS, SHA } from '../plan/fixtures.js'

describe('permalink', () => {
  test('a plain path, pinned to the commit', () => {
    expect(permalink(LINKS, 'platform/20260108.md')).toBe(`https://github.com/acme/minutes/blob/${SHA}/platform/20260108.md`)
  })

  test('a line anchor', () => {
    expect(permalink(LINKS, 'platform/20260108.md', 42)).toBe(`${BLOB}/platform/20260108.md#L42`)
  })

  test('line 0 or no line: no anchor', () => {
    expect(permalink(LINKS, 'a.md', 0)).toBe(`${BLOB}/a.md`)
    expect(permalink(LINKS, 'a.md', undefined)).toBe(`${BLOB}/a.md`)
  })

  test('spaces, unicode, # and ? are percent-encoded per segment; slashes kept', () => {
    expect(permalink(LINKS, 'team minutes/Réunion #3?.md', 7)).toBe(`${BLOB}/team%20minutes/R%C3%A9union%20%233%3F.md#L7`)
    expect(permalink(LINKS, 'ops/会议 2026.md')).toBe(`${BLOB}/ops/%E4%BC%9A%E8%AE%AE%202026.md`)
    expect(permalink(LINKS, 'a/100%.md')).toBe(`${BLOB}/a/100%25.md`)
    expect(permalink(LINKS, 'a/<b>&"c".md')).toBe(`${BLOB}/a/%3Cb%3E%26%22c%22.md`)
  })

  test('a GitHub Enterprise server', () => {
    expect(permalink({ serverUrl: 'https://ghe.example.com', repository: 'o/r', sha: 'c'.repeat(40) }, 'x/y.md', 1)).toBe(`https://ghe.example.com/o/r/blob/${'c'.repeat(40)}/x/y.md#L1`)
  })

  test('as a Markdown link destination: one link whose URL is the whole permalink', () => {
    for (const path of ['team minutes/a b.md', 'notes (draft)/x.md', 'a/[1].md']) {
      const url = permalink(LINKS, path, 3)
      const paragraph = parseMarkdown(link('here', url)).children[0]
      expect(paragraph?.type === 'paragraph' ? paragraph.children.map((node) => (node.type === 'link' ? node.url : node.type)) : null).toEqual([url])
    }
  })

  // BUG: encodeURIComponent leaves `(` and `)` as they are, so a path with an unbalanced
  // parenthesis (`notes/smile :).md`) ends the Markdown link destination early: the
  // summary's file and line links point to a truncated URL and `.md#L3)` shows as text.
  test('a path with an unbalanced parenthesis still makes one whole link', () => {
    const url = permalink(LINKS, 'notes/smile :).md', 3)
    const paragraph = parseMarkdown(link('here', url)).children[0]
    expect(paragraph?.type === 'paragraph' ? paragraph.children.map((node) => (node.type === 'link' ? node.url : node.type)) : null).toEqual([url])
  })
})
