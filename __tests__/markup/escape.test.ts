import { describe, expect, test } from '@jest/globals'
import type { Nodes, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { cell, code, escapeText, link, neutraliseReferences, tableCode, truncate } from '../../src/markup/escape.js'
import { renderAsGitHub } from '../../test-support/github-markdown.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'

const ZWSP = '\u200B'

/** Every node type below a root, depth first. */
function typesOf(node: Nodes): string[] {
  return [node.type, ...('children' in node ? node.children.flatMap((child) => typesOf(child)) : [])]
}

describe('escapeText', () => {
  test.each([
    ['<!-- hidden -->', '&lt;!-- hidden --&gt;'],
    ['-->', '--&gt;'],
    ['</details>', '&lt;/details&gt;'],
    ['<details><summary>x</summary>', '&lt;details&gt;&lt;summary&gt;x&lt;/summary&gt;'],
    ['a | b', 'a \\| b'],
    ['`rm -rf /`', '\\`rm -rf /\\`'],
    ['*_[]~\\', '\\*\\_\\[\\]\\~\\\\'],
    ['[click](https://evil.example)', `\\[click\\](https:${ZWSP}//evil.example)`],
    ['@user', `@${ZWSP}user`],
    ['ask @org/team now', `ask @${ZWSP}org/team now`],
    ['see #123', `see #${ZWSP}123`],
    ['acme/other#7', `acme/other#${ZWSP}7`],
    // `_` is escaped first, so the backslash already breaks the mention
    ['@_x and #-1', `@\\_x and #${ZWSP}-1`],
    ['C# and # heading and @ alone', 'C# and # heading and @ alone'],
    ['Q&A', 'Q&amp;A'],
    ['&lt; is already an entity', '&amp;lt; is already an entity'],
    ['line one\nline two\r\n\tline three', 'line one line two line three'],
    ['  padded\n', 'padded'],
    ['🎉 shipped ✅ 👩‍💻', '🎉 shipped ✅ 👩‍💻'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected)
  })

  test('hostile text parses back as plain text: no HTML, links, code, emphasis or breaks', () => {
    const hostile = 'x <!-- y --> </details> | `c` *e* _u_ [l](u) ~~s~~ \\ @user #12 & <b>z</b>\nnext line'
    const tree: Root = parseMarkdown(escapeText(hostile))
    expect(typesOf(tree)).toEqual(['root', 'paragraph', 'text'])
    expect(toString(tree)).toBe(hostile.replace(/\s+/g, ' ').replace(/([@#])(?=\w)/g, `$1${ZWSP}`))
  })

  test('a pipe in escaped text keeps a table row at two cells', () => {
    const tree = parseMarkdown(`| a | b |\n|---|---|\n| ${escapeText('x | y || z')} | second |\n`)
    const table = tree.children[0]
    expect(table?.type).toBe('table')
    if (table?.type !== 'table') return
    expect(table.children[1]?.children.map((tableCell) => toString(tableCell))).toEqual(['x | y || z', 'second'])
  })
})

describe('neutraliseReferences: nothing GitHub reads as a mention, cross-reference or link', () => {
  test.each([
    ['GH-123 and gh-7', `GH${ZWSP}-123 and gh${ZWSP}-7`],
    ['acme/other#12', `acme/other#${ZWSP}12`],
    ['https://github.com/o/r/issues/1', `https:${ZWSP}//github.com/o/r/issues/1`],
    ['see http://github.com/o/r/pull/1 and https://github.com/o/r/discussions/1', `see http:${ZWSP}//github.com/o/r/pull/1 and https:${ZWSP}//github.com/o/r/discussions/1`],
    ['www.github.com/o/r/issues/2', `www${ZWSP}.github.com/o/r/issues/2`],
    ['@alice #1', `@${ZWSP}alice #${ZWSP}1`],
    // Words that only look alike stay as they are.
    ['HIGH-5, GH-, sigh-1x, C#, 5 @ 3', `HIGH-5, GH-, sigh-1x, C#, 5 @ 3`],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseReferences(input)).toBe(expected)
  })

  test('escaped text rendered as GitHub does has no link, and no reference text left whole', () => {
    const hostile = 'GH-1 acme/other#2 https://github.com/acme/other/issues/3 <https://github.com/acme/other/pull/4> www.github.com/acme/other/discussions/5 bob@example.com'
    const { html } = renderAsGitHub(escapeText(hostile))
    expect(html).not.toContain('<a')
    for (const reference of [/GH-\d/, /#\d/, /https?:\/\//, /www\./, /@example/]) expect(html).not.toMatch(reference)
  })

  test('long runs cost linear time (bounded look-ahead)', () => {
    const run = 'a.'.repeat(100_000)
    expect(neutraliseReferences(run)).toBe(run)
  })
})

describe('tableCode: a code span in a table cell', () => {
  test.each([
    ['a|b.md', '`a\\|b.md`'],
    ['a\\|b', `\`a\\${ZWSP}\\|b\``],
  ])('%j → %j', (input, expected) => {
    expect(tableCode(input)).toBe(expected)
  })

  test('a file name with `|`, a tag, an autolink and a mention stays one inert code span in its cell', () => {
    const name = 'notes/x|<img src=https://evil.example/p.png>|https://evil.example|@alice #1\\|y.md'
    const { html, mdast } = renderAsGitHub(`| File | n |\n|---|---|\n| ${tableCode(name)} | 1 |\n`)
    const table = mdast.children[0]
    expect(table?.type).toBe('table')
    if (table?.type !== 'table') return
    expect(table.children[1]?.children).toHaveLength(2)
    expect(toString(table.children[1]?.children[0] as Nodes).replaceAll(ZWSP, '')).toBe(name)
    expect(html).not.toMatch(/<img|<a |user-mention/)
  })
})

describe('truncate', () => {
  test('short text and text exactly at the limit are unchanged', () => {
    expect(truncate('short', 10)).toBe('short')
    expect(truncate('abcdefghij', 10)).toBe('abcdefghij')
  })

  test('cuts on a word boundary past half the limit, with an ellipsis', () => {
    expect(truncate('one two three four five', 12)).toBe('one two…')
  })

  test('cuts inside a word when the last space is in the first half', () => {
    expect(truncate('abcdefghijklmnop', 10)).toBe('abcdefghi…')
    expect(truncate('a bcdefghijklmnop', 10)).toBe('a bcdefgh…')
  })

  test('never exceeds the limit', () => {
    for (const max of [2, 3, 10, 57, 120]) {
      for (const text of ['x'.repeat(500), 'ab '.repeat(200), ' '.repeat(300)]) expect(truncate(text, max).length).toBeLessThanOrEqual(max)
    }
  })

  // BUG: truncate slices UTF-16 code units, so a cut that falls inside an astral character
  // (emoji) leaves a lone high surrogate before the ellipsis. issueTitle truncates to 120 the
  // same way, and a lone surrogate is not valid Unicode for the GitHub API (JSON `\ud83d`).
  test('does not split an emoji (surrogate pair) at the cut', () => {
    const cut = truncate('aaaaaaaa😀😀', 10)
    expect(() => encodeURIComponent(cut)).not.toThrow()
    expect(cut).toBe('aaaaaaaa…')
  })
})

describe('cell', () => {
  test('collapses whitespace and escapes', () => {
    expect(cell('  a\n\n|b|   <c>  ')).toBe('a \\|b\\| &lt;c&gt;')
  })

  test('truncates before escaping, at the default 200 characters', () => {
    const big = 'word '.repeat(20_480) // 100 KB
    expect(big.length).toBe(102_400)
    const result = cell(big)
    expect(result).toBe(`${Array<string>(39).fill('word').join(' ')}…`)
    expect(result.length).toBe(195)
  })

  test('a custom limit applies to the text before escaping', () => {
    expect(cell('hello world foo', 11)).toBe('hello worl…')
    expect(cell('hello world foo bar', 16)).toBe('hello world…')
  })

  test('100 KB of characters that expand when escaped stays bounded by 5 × max', () => {
    expect(cell('&'.repeat(100_000))).toBe(`${'&amp;'.repeat(199)}…`)
    expect(cell('|'.repeat(100_000))).toBe(`${'\\|'.repeat(199)}…`)
    expect(cell('<'.repeat(100_000), 40)).toBe(`${'&lt;'.repeat(39)}…`)
    for (const char of ['&', '<', '|', '@a', '\\', 'é', '😀']) {
      expect(cell(char.repeat(50_000)).length).toBeLessThanOrEqual(5 * 200)
      expect(cell(char.repeat(50_000), 40).length).toBeLessThanOrEqual(5 * 40)
    }
  })

  test('no half-escaped entity at the cut', () => {
    const result = cell(`${'x'.repeat(198)}&&&&`)
    expect(result).toBe(`${'x'.repeat(198)}&amp;…`)
  })
})

describe('code', () => {
  test.each([
    ['platform/2026-01-08.md', '`platform/2026-01-08.md`'],
    ['a`b``c', '`aʼbʼʼc`'],
    ['x\ny\t z', '`x y z`'],
  ])('%j → %j', (input, expected) => {
    expect(code(input)).toBe(expected)
  })

  test('a backtick cannot end the span early', () => {
    const tree = parseMarkdown(code('a`<!-- b -->`c'))
    expect(typesOf(tree)).toEqual(['root', 'paragraph', 'inlineCode'])
  })
})

describe('link', () => {
  test('label and URL as given', () => {
    expect(link('line 3', 'https://github.com/acme/minutes/blob/x/a.md#L3')).toBe('[line 3](https://github.com/acme/minutes/blob/x/a.md#L3)')
    expect(link(escapeText('[x](y) @bob'), 'https://e.example/')).toBe(`[\\[x\\](y) @${ZWSP}bob](https://e.example/)`)
  })
})
