import { describe, expect, test } from '@jest/globals'
import { renderSummary } from '../../src/render/summary.js'
import type { TeamReport } from '../../src/model/team-report.js'
import { checkInMemory } from '../../test-support/check-in-memory.js'
import { commentProblems, renderAsGitHub } from '../../test-support/github-markdown.js'
import { BLOB, LINKS, file, finding, report } from '../plan/fixtures.js'

const PATH = 'community-call/20261119.md'
const EXPECT = { links: LINKS, sources: [] }

/** Minutes that try every trick on the comment, through the real rules. */
const HOSTILE = [
  '## <b>2026-11-19</b> `@org/admins` #12 https://evil.example/x www.evil.example',
  '',
  '## Meta',
  '',
  '- Notes: nobody',
  '',
  '## Team updates',
  '',
  '### Team <img src=x onerror=alert(1)> @alice #3 `code` *em* [l](https://evil.example)',
  '',
  'Minutes: None yet <!-- -->',
  '',
  '### Team Storage',
  '',
  'Minutes: [x](storage/20261119`</details>`@bob.md)',
  '',
].join('\n')

describe('rendered as GitHub renders it', () => {
  test('our code spans render as code: no backtick is left in the text', () => {
    const checked = checkInMemory({ [PATH]: '## 2026-11-19\n\n## Meta\n\n- Minutes: Jo\n' }, PATH)
    if (!checked) throw new Error('not checked')
    const body = renderSummary({ report: report([checked]), links: LINKS, plan: null })
    const { html } = renderAsGitHub(body)
    expect(html).toContain('minutes start with a level-1 heading: <code># 2026-11-19</code>.')
    expect(commentProblems(body, EXPECT)).toEqual([])
  })

  test('hostile minutes through the rules: nothing becomes a tag, a mention, an issue or a foreign link', () => {
    const checked = checkInMemory({ [PATH]: HOSTILE, 'storage/20261119.md': '# 2026-11-19\n' }, PATH)
    if (!checked) throw new Error('not checked')
    expect(checked.findings.map((each) => each.rule)).toEqual(['title-heading', 'team-minutes-missing', 'link-target-exists'])
    const body = renderSummary({ report: report([checked]), links: LINKS, plan: null })
    expect(commentProblems(body, { links: LINKS, sources: [HOSTILE] })).toEqual([])
    const { html } = renderAsGitHub(body)
    // In code spans the minutes' text stays as written, with invisible breaks in tags, mentions and references.
    expect(html).toContain('<code># &#x3C;\u200Bb>2026-11-19&#x3C;\u200B/b> @\u200Borg/admins #\u200B12 https://evil.example/x www.evil.example</code>')
    expect(html).toContain('<code>community-call/storage/20261119ʼ&#x3C;\u200B/details>ʼ@\u200Bbob.md</code>')
    // Outside them it is escaped text.
    expect(html).toContain('“Team &#x3C;img src=x onerror=alert(1)> @\u200Balice #\u200B3 code em l” links no minutes (“None yet &#x3C;!-- -->”).')
    expect(html).not.toContain('<img')
  })

  test('the same warning in four files is one entry with four places', () => {
    const files = ['a', 'b', 'c', 'd'].map((name) =>
      file(`sig/${name}.md`, '2026-01-08', { findings: [finding('title-heading', 1, 'Use a level-1 title.', { severity: 'warning' })] }),
    )
    const body = renderSummary({ report: report(files), links: LINKS, plan: null })
    expect(commentProblems(body, EXPECT)).toEqual([])
    const { hast } = renderAsGitHub(body)
    expect(JSON.stringify(hast).match(/"tagName":"h3"/g)).toBeNull()
    expect(body).toContain(
      `- ⚠️ \`title-heading\` Use a level-1 title. [\`sig/a.md:1\`](${BLOB}/sig/a.md#L1), [\`sig/b.md:1\`](${BLOB}/sig/b.md#L1), [\`sig/c.md:1\`](${BLOB}/sig/c.md#L1), [\`sig/d.md:1\`](${BLOB}/sig/d.md#L1)`,
    )
  })

  test('team tables keep their columns; external links in them are text, not links', () => {
    const teams: TeamReport[] = [
      { team: 'Team | Ops', line: 3, kind: 'link', placeholder: null, links: [{ url: 'https://hackmd.io/abc', line: 4, path: null, exists: null }] },
      { team: 'Team Web', line: 6, kind: 'placeholder', placeholder: 'see www.example.com | later', links: [] },
    ]
    const body = renderSummary({ report: report([file(PATH, '2026-11-19', { teams, findings: [finding('title-date', 1, 'x')] })]), links: LINKS, plan: null })
    expect(commentProblems(body, EXPECT)).toEqual([])
    expect(renderAsGitHub(body).html).toContain('<td>https:\u200B//hackmd.io/abc ↗️</td>')
  })
})

describe('the check can fail', () => {
  test.each([
    ['a literal backtick', 'Use \\`# x\\`', 'a literal backtick in "`#": a code span of ours did not render'],
    ['an unclosed fold', '<details>\n<summary>s</summary>\n\n- a\n', '1 <details> written, 0 closed'],
    ['a closing tag from the text', 'a </details> b', '0 <details> written, 1 closed'],
    ['a foreign link', '[x](https://evil.example/)', 'a link to "https://evil.example/": not at the checked commit'],
    ['a relative link', '[x](platform/a.md)', 'a link to "platform/a.md": not at the checked commit'],
    ['a tag', 'a <b>bold</b> move', 'an element <b> we never write'],
    ['a mention', 'ping @alice', 'a mention in "ping @alice"'],
    ['an issue reference', 'see #12', 'an issue reference in "see #12"'],
    ['a table short of cells', '| a | b |\n|---|---|\n| one |', 'a table row with 1 cells under a header of 2, line 3'],
  ])('%s', (_name, body, problem) => {
    expect(commentProblems(body, EXPECT)).toContain(problem)
  })

  test('a fold that swallows the next heading is reported', () => {
    expect(commentProblems('<details>\n<summary>s</summary>\n\n- a\n\n### Next\n', EXPECT)).toContain('a <details> that swallowed a heading or another fold: it does not close')
  })
})
