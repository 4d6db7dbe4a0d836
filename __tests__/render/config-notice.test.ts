import { describe, expect, test } from '@jest/globals'
import { renderConfigNotice } from '../../src/render/config-notice.js'
import { renderSummary } from '../../src/render/summary.js'
import { commentProblems } from '../../test-support/github-markdown.js'

const LINKS = { serverUrl: 'https://github.com', repository: 'acme/minutes', sha: 'b'.repeat(40) }
const ZWSP = '\u200B'
const EMPTY_REPORT = { files: [], summary: { files: 0, errors: 0, warnings: 0 } } as never

describe('renderConfigNotice', () => {
  test('names the files, which configuration ran, and each weakening', () => {
    const notice = renderConfigNotice({
      files: ['.github/minutes.yml', '.github/minutes-suppressions.json'],
      checkedWith: 'base',
      problems: [],
      comparison: {
        weakenings: [
          { kind: 'rule-off', profile: 'team', rule: 'title-date', was: 'error' },
          { kind: 'limit-raised', limit: 'maxFileSeconds', was: 5, now: 30 },
          { kind: 'profile-added', profile: 'quiet', paths: ['**/*.md'], off: ['title-date', 'link-target-exists'] },
          { kind: 'sections-dropped', profile: 'weekly', sections: ['Meta'] },
          { kind: 'image-hosts-removed', hosts: ['input.scs.community', 'pad.example.org'] },
          { kind: 'suppression-added', path: 'a.md', rule: 'encoding', was: 0, now: 2 },
        ],
        otherChanges: ['actionItems.people', 'externalImages.folder'],
      },
    })
    expect(notice).toBe(
      [
        '### ⚠️ This pull request changes how minutes are checked',
        '',
        "It changes `.github/minutes.yml` and `.github/minutes-suppressions.json`. This run checks with the base branch's configuration and suppressions (`pull_request_target`); the change applies once merged.",
        '',
        'What it switches off or raises (6 changes):',
        '',
        '- switches off `title-date` in profile `team` (was error)',
        '- raises `limits.maxFileSeconds` from 5 to 30',
        '- adds profile `quiet`, tried before the built-in ones, for `**/*.md`, with `title-date`, `link-target-exists` off',
        '- profile `weekly` no longer requires “Meta”',
        '- removes `input.scs.community`, `pad.example.org` from `externalImages.hosts`: `external-image-copied` no longer checks that pictures there have a copy',
        '- accepts 2 `encoding` findings in `a.md` (was 0)',
        '',
        'It also changes `actionItems.people`, `externalImages.folder`.',
        '',
      ].join('\n'),
    )
  })

  test('values from the pull request stay inert; long lists are cut', () => {
    const hostile = 'x` <img src=https://evil.example/p.png> @alice #1 GH-2 | `'
    const notice = renderConfigNotice({
      files: ['.github/minutes.yml'],
      checkedWith: 'head',
      problems: [],
      comparison: {
        weakenings: [
          { kind: 'exclude-added', pattern: hostile },
          { kind: 'placeholders-added', phrases: [hostile] },
          ...Array.from({ length: 40 }, (_, index) => ({ kind: 'paths-removed' as const, profile: 'team', paths: [`${hostile}${index}`] })),
        ],
        otherChanges: [],
      },
    })
    const lines = notice.split('\n')
    expect(lines[6]).toBe(`- excludes \`xʼ <${ZWSP}img src=https://evil.example/p.png> @${ZWSP}alice #${ZWSP}1 GH-2 | ʼ\` from every check`)
    expect(lines[7]).toBe(`- adds 1 phrase meaning “no minutes”: “x\\\` &lt;img src=https:${ZWSP}//evil.example/p.png&gt; @${ZWSP}alice #${ZWSP}1 GH${ZWSP}-2 \\| \\\`”`)
    expect(lines.filter((line) => line.startsWith('- '))).toHaveLength(31)
    expect(lines).toContain('- … and 12 more')
    const body = renderSummary({ report: EMPTY_REPORT, links: LINKS, plan: null, configNotice: { files: ['.github/minutes.yml'], checkedWith: 'head', problems: [], comparison: { weakenings: [{ kind: 'exclude-added', pattern: hostile }], otherChanges: [] } } })
    expect(commentProblems(body, { links: LINKS, sources: [hostile] })).toEqual([])
  })

  test('in the summary, the notice comes first, before the verdict', () => {
    const body = renderSummary({ report: EMPTY_REPORT, links: LINKS, plan: null, configNotice: { files: ['.github/minutes.yml'], checkedWith: 'head', problems: [], comparison: { weakenings: [], otherChanges: [] } } })
    expect(body).toBe(
      [
        '<!-- minutes-automation:summary -->',
        '## Minutes check',
        '',
        '### ⚠️ This pull request changes how minutes are checked',
        '',
        'It changes `.github/minutes.yml`. This run checks with the changed configuration and suppressions.',
        '',
        'It switches nothing off and raises no budget.',
        '',
        '✅ 0 minutes files checked: no findings.',
        '',
      ].join('\n'),
    )
  })
})
