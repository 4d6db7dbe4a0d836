import { describe, expect, test } from '@jest/globals'
import { extractActionItems } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'

function references(markdown: string) {
  return extractActionItems(parseMarkdown(markdown)).map((item) => [item.text, item.references ?? []])
}

describe('issue references of an action item (read from its text and link nodes)', () => {
  test('`#123` in the text, a link URL, each item its own', () => {
    expect(
      references('- [ ] AI @alice: write the runbook (#12)\n- [x] AI @bob: fix [it](https://github.com/acme/minutes/issues/7), AI @carol: see #8\n'),
    ).toEqual([
      ['write the runbook (#12)', [{ number: 12, url: null }]],
      ['fix it', [{ number: null, url: 'https://github.com/acme/minutes/issues/7' }]],
      ['see #8', [{ number: 8, url: null }]],
    ])
  })

  test('code, fragments, other repositories and headings-in-numbers are no reference; a linked `#13` is its URL', () => {
    expect(references('- AI @dan: check `#9` and a#10 and o/r#11 and ##14 and [#13](https://github.com/x/y/issues/13)\n')).toEqual([
      ['check #9 and a#10 and o/r#11 and ##14 and #13', [{ number: null, url: 'https://github.com/x/y/issues/13' }]],
    ])
  })

  test('an item without a reference has no `references` field', () => {
    expect(extractActionItems(parseMarkdown('- AI @erin: book the room\n'))[0]).not.toHaveProperty('references')
  })
})
