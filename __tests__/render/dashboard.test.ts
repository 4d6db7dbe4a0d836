import { describe, expect, test } from '@jest/globals'
import type { OpenItem } from '../../src/plan/dashboard-items.js'
import { DASHBOARD_LIMIT, DASHBOARD_MARKER, groupByOwner, renderDashboard, renderOpenItems } from '../../src/render/dashboard.js'
import { commentProblems, renderAsGitHub } from '../../test-support/github-markdown.js'
import { BLOB, LINKS } from '../plan/fixtures.js'

const SEARCH = { serverUrl: 'https://github.com', repository: 'acme/minutes', label: 'action-item' }
const TODAY = '2026-12-07'
const Q = 'https://github.com/acme/minutes/issues?q=is%3Aissue+is%3Aopen+label%3Aaction-item+'

function open(issue: number | null, text: string, parts: Partial<OpenItem> = {}): OpenItem {
  return { issue, text, series: 'iaas', owners: ['alice'], since: '2026-11-19', source: `${BLOB}/iaas/20261119.md#L${issue ?? 1}`, due: null, meetings: 1, ...parts }
}

const HOSTILE = 'ping @org/admins about #12 </details><!-- --> <img src=x> https://evil.example and `code`'

describe('the open items view', () => {
  test('by owner, then nobody; oldest first; due dates, overdue, repeats; an item of two owners in both groups', () => {
    const items = [
      open(12, 'announce the window', { since: '2026-11-26', due: '2026-12-01' }),
      open(9, 'check the backup', { owners: ['bob', 'alice'], meetings: 3, due: '2027-01-15' }),
      open(14, 'book the room', { owners: [], series: 'community-call', since: null, source: null }),
    ]
    expect(renderOpenItems(items, { today: TODAY, limit: 10_000, search: SEARCH })).toBe(
      [
        '**3 open action items.**',
        '',
        '- **By series:** community-call 1, iaas 2',
        '- **By owner:** alice 2, bob 1, _nobody named_ 1',
        '',
        `### [alice](${Q}assignee%3Aalice) · 2 open`,
        '',
        `- [#9](https://github.com/acme/minutes/issues/9) check the backup — iaas, since [2026-11-19](${BLOB}/iaas/20261119.md#L9) · due 2027-01-15 · in 3 meetings`,
        `- [#12](https://github.com/acme/minutes/issues/12) announce the window — iaas, since [2026-11-26](${BLOB}/iaas/20261119.md#L12) · due 2026-12-01, **overdue**`,
        '',
        `### [bob](${Q}assignee%3Abob) · 1 open`,
        '',
        `- [#9](https://github.com/acme/minutes/issues/9) check the backup — iaas, since [2026-11-19](${BLOB}/iaas/20261119.md#L9) · due 2027-01-15 · in 3 meetings`,
        '',
        `### [Nobody named](${Q}no%3Aassignee) · 1 open`,
        '',
        '- [#14](https://github.com/acme/minutes/issues/14) book the room — community-call',
        '',
      ].join('\n'),
    )
  })

  test('offline (the CLI): no issue numbers, no links to GitHub; nothing open says so', () => {
    expect(renderOpenItems([open(null, 'announce the window', { source: 'iaas/20261119.md#L4' })], { today: TODAY, limit: Infinity, search: null })).toBe(
      ['**1 open action item.**', '', '- **By series:** iaas 1', '- **By owner:** alice 1', '', '### alice · 1 open', '', '- announce the window — iaas, since [2026-11-19](iaas/20261119.md#L4)', ''].join('\n'),
    )
    expect(renderOpenItems([], { today: TODAY, limit: Infinity, search: null })).toBe('**No open action items.**\n')
  })

  test('past the limit: groups fold, then show their count and search link, then one line sums up the rest; every item counted', () => {
    const owners = ['ann', 'ben', 'cat', 'dan', 'eve']
    const items = Array.from({ length: 60 }, (_, index) => open(100 + index, `item number ${index} of a long list of things to do`, { owners: [owners[index % 5] ?? ''] }))
    const text = renderOpenItems(items, { today: TODAY, limit: 4_000, search: SEARCH })
    expect(text.length).toBeLessThanOrEqual(4_000)
    expect(text).toContain('<details><summary><strong>ann</strong> · 12 open</summary>\n\n')
    expect(text).toContain(`**cat** · 12 open: [listed on GitHub](${Q}assignee%3Acat).`)
    const shown = [...text.matchAll(/ · (\d+) open(?:<\/summary>|:)/gu)].map((match) => Number(match[1]))
    const rest = Number(text.match(/\*\*\d+ more groups?\*\* · (\d+) open items?/u)?.[1] ?? 0)
    expect(shown.reduce((sum, count) => sum + count, 0) + rest).toBe(60)
    expect(commentProblems(text, { links: LINKS, sources: [], issueSearch: true })).toEqual([])
  })

  test('groupByOwner is the JSON of the CLI: the same groups, in the same order', () => {
    const items = [open(null, 'b', { owners: ['zed'] }), open(null, 'a', { owners: [] }), open(null, 'c', { owners: ['amy'], since: '2026-01-01' })]
    expect(groupByOwner(items).map((group) => [group.owner, group.items.map((each) => each.text)])).toEqual([
      ['amy', ['c']],
      ['zed', ['b']],
      [null, ['a']],
    ])
  })
})

describe('the dashboard body, rendered as GitHub renders it', () => {
  test('marker first, footer, hidden memory; hostile item text stays text', () => {
    const body = renderDashboard([open(8, HOSTILE, { owners: ['alice'], due: '2026-12-01', meetings: 2 })], { 8: ['2026-12-01', 2, 'iaas/20261126.md'] }, { today: TODAY, search: SEARCH })
    expect(body.startsWith(`${DASHBOARD_MARKER}\n**1 open action item.**\n`)).toBe(true)
    expect(body).toContain('\n---\n\n<sub>Kept by minutes-automation from the open action-item issues: rewritten when they change, so edits to this text are overwritten. Close this issue to stop the updates.</sub>\n<!-- minutes-automation:dashboard-state:')
    expect(commentProblems(body, { links: LINKS, sources: [HOSTILE], issueSearch: true, elements: ['hr', 'sub'] })).toEqual([])
    const { html } = renderAsGitHub(body)
    expect(html).not.toContain('<img')
    expect(html).toContain('ping @\u200Borg/admins about #\u200B12 &#x3C;/details>&#x3C;!-- --> &#x3C;img src=x> https:\u200B//evil.example and `code`')
  })

  test('5,000 open items of 4,000-character text: under GitHub\'s 65,536 characters, every item counted', () => {
    const items = Array.from({ length: 5000 }, (_, index) => open(index + 1, `${'very long '.repeat(400)}${index}`, { owners: [`owner${index % 300}`] }))
    const body = renderDashboard(items, {}, { today: TODAY, search: SEARCH })
    expect(body.length).toBeLessThan(DASHBOARD_LIMIT)
    expect(body).toContain('**5000 open action items.**')
    const shown = [...body.matchAll(/ · (\d+) open(?:<\/summary>|:)/gu)].map((match) => Number(match[1]))
    const rest = Number(body.match(/\*\*\d+ more groups?\*\* · (\d+) open items?/u)?.[1] ?? 0)
    expect(shown.reduce((sum, count) => sum + count, 0) + rest).toBe(5000)
    expect(commentProblems(body, { links: LINKS, sources: [], issueSearch: true, elements: ['hr', 'sub'] })).toEqual([])
  })
})
