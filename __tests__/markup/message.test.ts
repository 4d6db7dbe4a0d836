import { describe, expect, test } from '@jest/globals'
import { md, plainMessage } from '../../src/markup/message.js'

const ZWSP = '\u200B'

describe('md: a message in plain text and safe Markdown', () => {
  test('the plain form is the template as a template literal would read it', () => {
    const title = 'Team *Ops* @alice'
    expect(md`The title “${title}” has no date; add \`${'2026-01-08'}\`.`).toEqual({
      plain: 'The title “Team *Ops* @alice” has no date; add `2026-01-08`.',
      markdown: `The title “Team \\*Ops\\* @${ZWSP}alice” has no date; add \`2026-01-08\`.`,
    })
    expect(md`a ${null} b ${undefined} c ${3}`.plain).toBe('a null b undefined c 3')
  })

  test('a value inside our code span stays code: backticks cannot close it, tags and mentions are broken', () => {
    expect(md`Cannot find \`${'a`b</details><!-- @bob #1 -->.md'}\`.`).toEqual({
      plain: 'Cannot find `a`b</details><!-- @bob #1 -->.md`.',
      markdown: `Cannot find \`aʼb<${ZWSP}/details><${ZWSP}!-- @${ZWSP}bob #${ZWSP}1 --${ZWSP}>.md\`.`,
    })
    expect(md`empty \`${''}\` span`.markdown).toBe('empty ` ` span')
  })

  test('a value outside code: HTML, links, URLs and references are text; spaces around it are kept', () => {
    expect(md`x${' (see <b>[l](u)</b> https://evil.example #7) '}y`.markdown).toBe(`x (see &lt;b&gt;\\[l\\](u)&lt;/b&gt; https:${ZWSP}//evil.example #${ZWSP}7) y`)
  })

  test('messages nest: the inner Markdown is kept, the outer code parity is the template’s own', () => {
    const missing = md`Cannot find \`${'a.md'}\``
    expect(md`${missing}; did you mean \`${'b.md'}\`${' (1 day later)'}?`).toEqual({
      plain: 'Cannot find `a.md`; did you mean `b.md` (1 day later)?',
      markdown: 'Cannot find `a.md`; did you mean `b.md` (1 day later)?',
    })
  })

  test('a long value is cut in the Markdown form only', () => {
    const long = 'word '.repeat(100)
    const message = md`“${long}”`
    expect(message.plain).toBe(`“${long}”`)
    expect(message.markdown.length).toBeLessThan(210)
    expect(message.markdown.endsWith('…”')).toBe(true)
  })

  test('a plain string is escaped whole', () => {
    expect(plainMessage('Use `x` <b>')).toEqual({ plain: 'Use `x` <b>', markdown: 'Use \\`x\\` &lt;b&gt;' })
  })
})
