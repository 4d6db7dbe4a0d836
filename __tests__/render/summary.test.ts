import { describe, expect, test } from '@jest/globals'
import type { ApplyResult } from '../../src/plan/apply-result.js'
import { latestOccurrences } from '../../src/plan/occurrences.js'
import { planIssues } from '../../src/plan/plan-issues.js'
import { renderSummary, SUMMARY_MARKER, type PlanTiming } from '../../src/render/summary.js'
import type { Finding } from '../../src/report/types.js'
import type { TeamReport } from '../../src/model/team-report.js'
import { commentProblems } from '../../test-support/github-markdown.js'
import { BLOB, LINKS, file, finding, identity, issue, item, report } from '../plan/fixtures.js'

const HEADER = `${SUMMARY_MARKER}\n## Minutes check\n\n`
const PATH = 'platform/20260108.md'

/** `<details>` and `</details>` pair up, never nest, never close before opening. */
function expectBalanced(body: string): void {
  let depth = 0
  for (const match of body.matchAll(/<(\/?)details>/g)) {
    depth += match[1] ? -1 : 1
    expect(depth === 0 || depth === 1).toBe(true)
  }
  expect(depth).toBe(0)
  expect(body.split('<details>').length).toBe(body.split('</details>').length)
}

function render(files: Parameters<typeof report>[0], plan: Parameters<typeof renderSummary>[0]['plan'] = null): string {
  const body = renderSummary({ report: report(files), links: LINKS, plan })
  expectBalanced(body)
  return body
}

function many(rule: string, count: number, from = 1, severity: Finding['severity'] = 'error'): Finding[] {
  return Array.from({ length: count }, (_, index) => finding(rule, from + index, `Problem ${from + index}`, { severity }))
}

describe('renderSummary: verdict', () => {
  test('a clean report is exactly one line', () => {
    expect(render([file(PATH, '2026-01-08'), file('ops/20260108.md', '2026-01-08')])).toBe(`${HEADER}✅ 2 minutes files checked: no findings.\n`)
    expect(render([file(PATH, '2026-01-08')])).toBe(`${HEADER}✅ 1 minutes file checked: no findings.\n`)
  })

  test('an unchanged plan keeps the report clean', () => {
    const done = item('Write the runbook', { done: true })
    const files = [file(PATH, '2026-01-08', { actionItems: [done] })]
    const changes = planIssues(latestOccurrences(report(files)), [], { label: 'action-item', teamLabel: null, links: LINKS })
    expect(render(files, { changes, timing: 'after-merge' })).toBe(`${HEADER}✅ 1 minutes file checked: no findings.\n`)
  })

  test('what blocks the merge comes first, by rule; the rest as counts', () => {
    const findings = [finding('title-date', 1, 'x'), finding('link-target-exists', 4, 'y'), finding('link-target-exists', 5, 'z'), finding('minute-taker', 2, 'w', { severity: 'warning' })]
    expect(render([file(PATH, '2026-01-08', { findings })])).toContain(
      '❌ **3 errors block the merge:** `title-date` (1), `link-target-exists` (2). Also 1 warning in 1 minutes file.\n',
    )
    expect(render([file(PATH, '2026-01-08', { findings: [finding('title-date', 1, 'x')] })])).toContain('❌ **1 error blocks the merge:** `title-date` (1) in 1 minutes file.\n')
  })

  test('fail-on decides what blocks', () => {
    const findings = [finding('title-date', 1, 'x'), finding('minute-taker', 2, 'w', { severity: 'warning' }), finding('team-minutes-missing', 3, 'n', { severity: 'info' })]
    const withFailOn = (failOn: 'error' | 'warning' | 'never'): string => renderSummary({ report: report([file(PATH, '2026-01-08', { findings })]), links: LINKS, plan: null, failOn })
    expect(withFailOn('warning')).toContain('❌ **1 error and 1 warning block the merge:** `title-date` (1), `minute-taker` (1). Also 1 note in 1 minutes file.\n')
    expect(withFailOn('never')).toContain('⚠️ **Nothing blocks the merge (`fail-on: never`):** 1 error, 1 warning and 1 note in 1 minutes file.\n')
  })

  test('warnings only → ⚠️; notes only → ✅; nothing blocks', () => {
    expect(render([file(PATH, '2026-01-08', { findings: [finding('minute-taker', 2, 'x', { severity: 'warning' })] })])).toContain('⚠️ **Nothing blocks the merge:** 1 warning in 1 minutes file.\n')
    expect(render([file(PATH, '2026-01-08', { findings: [finding('minute-taker', 2, 'x', { severity: 'info' })] })])).toContain('✅ **Nothing blocks the merge:** 1 note in 1 minutes file.\n')
  })
})

describe('renderSummary: findings', () => {
  test('errors under their file in line order; warnings and notes by rule across files', () => {
    const body = render([
      file(PATH, '2026-01-08', {
        findings: [
          finding('title-date', 1, 'Title has no date', { suggestion: '# Platform 2026-01-08' }),
          finding('minute-taker', 3, 'Name the minute taker: add "Minute taker: …"', { severity: 'warning', suggestion: 'Minute taker: …' }),
          finding('title-date', 2, 'Second <b>title</b> | @bob'),
        ],
      }),
      file('ops/20260108.md', '2026-01-08', { findings: [finding('minute-taker', 3, 'Other', { severity: 'warning' }), finding('team-minutes-missing', 9, 'None yet', { severity: 'info' })] }),
    ])
    expect(body).toBe(
      [
        `${HEADER}❌ **2 errors block the merge:** \`title-date\` (2). Also 2 warnings and 1 note in 2 minutes files.`,
        '',
        `### ❌ [\`${PATH}\`](${BLOB}/${PATH}) (weekly, 2026-01-08): 2 errors`,
        '',
        `- [line 1](${BLOB}/${PATH}#L1) \`title-date\`: Title has no date Suggestion: # Platform 2026-01-08`,
        `- [line 2](${BLOB}/${PATH}#L2) \`title-date\`: Second &lt;b&gt;title&lt;/b&gt; \\| @\u200Bbob`,
        '',
        '**⚠️ 2 warnings and 1 note**',
        '',
        '- ⚠️ `minute-taker` in 2 files:',
        `  - [\`${PATH}:3\`](${BLOB}/${PATH}#L3): Name the minute taker: add "Minute taker: …"`,
        `  - [\`ops/20260108.md:3\`](${BLOB}/ops/20260108.md#L3): Other`,
        `- ℹ️ \`team-minutes-missing\` [\`ops/20260108.md:9\`](${BLOB}/ops/20260108.md#L9): None yet`,
        '',
      ].join('\n'),
    )
  })

  test('the Markdown form of a message is shown when the rule made one', () => {
    const own = { ...finding('title-heading', 1, 'Use `# 2026-01-08`.', { severity: 'warning' }), markdown: 'Use `# 2026-01-08`.' }
    expect(render([file(PATH, '2026-01-08', { findings: [own, finding('minute-taker', 2, 'Plain `text`', { severity: 'warning' })] })])).toContain(
      [`- ⚠️ \`title-heading\` [\`${PATH}:1\`](${BLOB}/${PATH}#L1): Use \`# 2026-01-08\`.`, `- ⚠️ \`minute-taker\` [\`${PATH}:2\`](${BLOB}/${PATH}#L2): Plain \\\`text\\\``].join('\n'),
    )
  })

  test('the same message in several files: one entry, its places as links', () => {
    const files = ['a', 'b', 'c'].map((name) => file(`sig/${name}.md`, '2026-01-08', { findings: [finding('title-heading', 1, 'Use a level-1 title.', { severity: 'warning' })] }))
    const body = render(files)
    expect(body).toContain(`- ⚠️ \`title-heading\` Use a level-1 title. [\`sig/a.md:1\`](${BLOB}/sig/a.md#L1), [\`sig/b.md:1\`](${BLOB}/sig/b.md#L1), [\`sig/c.md:1\`](${BLOB}/sig/c.md#L1)\n`)
    expect(body).not.toContain('###')
  })

  test('file heading: path percent-encoded in the link, profile without a date', () => {
    const body = render([file('team minutes/Réunion.md', null, { profile: 'team', findings: [finding('encoding', 4, 'Mojibake')] })])
    expect(body).toContain(`### ❌ [\`team minutes/Réunion.md\`](${BLOB}/team%20minutes/R%C3%A9union.md) (team): 1 error\n`)
    expect(body).toContain(`- [line 4](${BLOB}/team%20minutes/R%C3%A9union.md#L4) \`encoding\`: Mojibake`)
  })

  test('5 warnings and notes are a list; 6 fold into <details>', () => {
    const five = render([file(PATH, '2026-01-08', { findings: many('link-target-exists', 5, 1, 'warning') })])
    expect(five).toContain(`**⚠️ 5 warnings**\n\n- ⚠️ \`link-target-exists\` in 1 file:\n  - [\`${PATH}:1\`]`)
    expect(five).not.toContain('<details>')
    const six = render([file(PATH, '2026-01-08', { findings: [...many('link-target-exists', 5, 1, 'warning'), finding('minute-taker', 9, 'n', { severity: 'info' })] })])
    expect(six).toContain('<details>\n<summary>⚠️ 5 warnings and 1 note</summary>\n\n- ⚠️ `link-target-exists` in 1 file:\n')
    expect(six).toContain(`- ℹ️ \`minute-taker\` [\`${PATH}:9\`](${BLOB}/${PATH}#L9): n\n\n</details>\n`)
  })

  test('errors are never folded; more than 50 are cut with "… and N more"', () => {
    const body = render([file(PATH, '2026-01-08', { findings: many('link-target-exists', 57) })])
    expect(body).not.toContain('<details>')
    expect(body).toContain(`- [line 50](${BLOB}/${PATH}#L50) \`link-target-exists\`: Problem 50\n- … and 7 more in the job's log\n`)
    expect(body).not.toContain('Problem 51')
    expect(body.match(/^- \[line /gm)).toHaveLength(50)
  })

  test('more than 50 warnings of a rule: 50 places and a note', () => {
    const body = render([file(PATH, '2026-01-08', { findings: many('link-target-exists', 52, 1, 'warning') })])
    expect(body).toContain(`  - [\`${PATH}:50\`](${BLOB}/${PATH}#L50): Problem 50\n  - … and 2 more in the job's log\n`)
    expect(body).not.toContain('Problem 51')
  })
})

describe('renderSummary: team links', () => {
  const teams: TeamReport[] = [
    { team: 'Team IaaS', line: 10, kind: 'link', placeholder: null, links: [{ url: '../iaas/20260108.md', line: 11, path: 'iaas/20260108.md', exists: true }] },
    {
      team: 'Team Ops | Infra',
      line: 14,
      kind: 'link',
      placeholder: null,
      links: [
        { url: '../ops/20260108.md', line: 15, path: 'ops/20260108.md', exists: false },
        { url: 'https://hackmd.io/abc', line: 15, path: null, exists: null },
      ],
    },
    { team: 'Team Docs', line: 18, kind: 'placeholder', placeholder: 'None yet', links: [] },
    { team: 'Team Web', line: 20, kind: 'none', placeholder: null, links: [] },
  ]

  test('a table with ✅ / ❌ missing / ↗️, placeholders and dashes, linked to the team lines', () => {
    const body = render([file(PATH, '2026-01-08', { teams, findings: [finding('link-target-exists', 15, 'Missing')] })])
    expect(body).toContain(
      [
        '<details>',
        '<summary>Team minutes: 4 teams, 1 link missing</summary>',
        '',
        '| Team | Minutes |',
        '|---|---|',
        `| [Team IaaS](${BLOB}/${PATH}#L10) | iaas/20260108.md ✅ |`,
        `| [Team Ops \\| Infra](${BLOB}/${PATH}#L14) | ops/20260108.md ❌ missing<br>https:\u200B//hackmd.io/abc ↗️ |`,
        `| [Team Docs](${BLOB}/${PATH}#L18) | _None yet_ |`,
        `| [Team Web](${BLOB}/${PATH}#L20) | — |`,
        '',
        '</details>',
        '',
      ].join('\n'),
    )
  })

  test('missing links are counted and pluralised', () => {
    const two: TeamReport[] = [{ team: 'A', line: 1, kind: 'link', placeholder: null, links: [{ url: 'x', line: 1, path: 'x', exists: false }, { url: 'y', line: 1, path: 'y', exists: false }] }]
    expect(render([file(PATH, '2026-01-08', { teams: two, findings: [finding('link-target-exists', 1, 'Missing')] })])).toContain('<summary>Team minutes: 1 team, 2 links missing</summary>')
    const none: TeamReport[] = [{ team: 'A', line: 1, kind: 'none', placeholder: null, links: [] }]
    expect(render([file(PATH, '2026-01-08', { teams: none, findings: [finding('title-date', 1, 'x')] })])).toContain('<summary>Team minutes: 1 team</summary>')
  })

  test('a file without errors but with a missing team link: its table, named, after the findings', () => {
    const body = render([file(PATH, '2026-01-08', { teams }), file('ops/20260108.md', '2026-01-08', { findings: [finding('title-date', 1, 'x')] })])
    expect(body).not.toContain(`### ❌ [\`${PATH}\``)
    expect(body).toContain(`\n<details>\n<summary>Team minutes in <code>${PATH}</code>: 4 teams, 1 link missing</summary>\n`)
    // a file with nothing to say gets no table
    expect(render([file(PATH, '2026-01-08', { teams: teams.slice(0, 1) }), file('ops/20260108.md', '2026-01-08', { findings: [finding('title-date', 1, 'x')] })])).not.toContain('Team IaaS')
  })
})

describe('renderSummary: action-item plan', () => {
  const files = [
    file('platform/20260101.md', '2026-01-01', { actionItems: [item('Write the runbook', { owners: ['bob'], line: 4 })] }),
    file(PATH, '2026-01-08', {
      actionItems: [
        item('Ask Vexxhost about quotas', { line: 5 }),
        item('Write the runbook', { owners: ['bob'], line: 6, done: true }),
        item('Rotate keys', { owners: [], line: 7 }),
        item('Say hi', { line: 8, done: true }),
      ],
    }),
  ]
  const runbook = identity('platform', ['bob'], 'Write the runbook')
  const keys = identity('platform', [], 'Rotate keys')
  const known = [issue(12, runbook), issue(15, keys, 'closed', 'completed'), issue(16, runbook)]
  const changes = planIssues(latestOccurrences(report(files)), known, { label: 'action-item', teamLabel: null, links: LINKS })

  test('the plan itself', () => {
    expect(changes.map((change) => change.kind)).toEqual(['create', 'close', 'reopen', 'unchanged', 'close-duplicate'])
  })

  test.each<[PlanTiming, string]>([
    ['after-merge', 'After merge this will create 1 issue, close 1, reopen 1, close 1 duplicate(s); 0 unchanged, 1 done with no issue.'],
    ['now', 'This run will create 1 issue, close 1, reopen 1, close 1 duplicate(s); 0 unchanged, 1 done with no issue.'],
    ['dry-run', 'Dry run: this would create 1 issue, close 1, reopen 1, close 1 duplicate(s); 0 unchanged, 1 done with no issue.'],
    ['never', 'Issues are not kept (`create-issues: never`); this would create 1 issue, close 1, reopen 1, close 1 duplicate(s); 0 unchanged, 1 done with no issue.'],
  ])('%s', (timing, line) => {
    const body = render(files, { changes, timing })
    expect(body).toBe(
      [
        `${HEADER}✅ No findings in 2 minutes files.`,
        '',
        '### Action items',
        '',
        line,
        '',
        `| | Title | Owners | From \`${PATH}\` | Issue |`,
        '|---|---|---|---|---|',
        // The titles the issues get (made by the plan, or the known issue's own).
        `| create | \\[platform\\] Ask Vexxhost about quotas | alice | [line 5](${BLOB}/${PATH}#L5) | — |`,
        `| close | \\[platform\\] Write the runbook ✅ | bob | [line 6](${BLOB}/${PATH}#L6) | [#12](https://github.com/acme/minutes/issues/12) |`,
        `| reopen | \\[platform\\] Rotate keys | — | [line 7](${BLOB}/${PATH}#L7) | [#15](https://github.com/acme/minutes/issues/15) |`,
        // Done, and never tracked: no issue is left unchanged, and none will be made.
        `| done, no issue | \\[platform\\] Say hi ✅ | alice | [line 8](${BLOB}/${PATH}#L8) | — |`,
        '',
      ].join('\n'),
    )
  })

  test('items from several files name their file', () => {
    const two = [file(PATH, '2026-01-08', { actionItems: [item('One')] }), file('ops/20260108.md', '2026-01-08', { actionItems: [item('Two', { line: 3 })] })]
    const plan = planIssues(latestOccurrences(report(two)), [], { label: 'a', teamLabel: null, links: LINKS })
    expect(render(two, { changes: plan, timing: 'after-merge' })).toContain(
      ['| | Title | Owners | From |', '|---|---|---|---|', `| create | \\[ops\\] Two | alice | [\`ops/20260108.md:3\`](${BLOB}/ops/20260108.md#L3) |`, `| create | \\[platform\\] One | alice | [\`${PATH}:5\`](${BLOB}/${PATH}#L5) |`].join('\n'),
    )
  })

  test('create only: no reopen or duplicate parts', () => {
    const only = planIssues(latestOccurrences(report([file(PATH, '2026-01-08', { actionItems: [item('One'), item('Two', { line: 6 })] })])), [], { label: 'a', teamLabel: null, links: LINKS })
    expect(render([file(PATH, '2026-01-08')], { changes: only, timing: 'after-merge' })).toContain('After merge this will create 2 issues, close 0; 0 unchanged.\n')
  })

  test('an issue in step and a done item with no issue are counted apart, as the CLI\'s plan does', () => {
    const both = [file(PATH, '2026-01-08', { actionItems: [item('Write the runbook', { owners: ['bob'], line: 5 }), item('Say hi', { line: 6, done: true }), item('Rotate keys', { line: 7 })] })]
    const plan = planIssues(latestOccurrences(report(both)), [issue(12, runbook)], { label: 'action-item', teamLabel: null, links: LINKS })
    const body = render(both, { changes: plan, timing: 'after-merge' })
    expect(body).toContain('After merge this will create 1 issue, close 0; 1 unchanged, 1 done with no issue.\n')
    expect(body).toContain(
      [
        `| unchanged | \\[platform\\] Write the runbook | bob | [line 5](${BLOB}/${PATH}#L5) | [#12](https://github.com/acme/minutes/issues/12) |`,
        `| done, no issue | \\[platform\\] Say hi ✅ | alice | [line 6](${BLOB}/${PATH}#L6) | — |`,
        `| create | \\[platform\\] Rotate keys | alice | [line 7](${BLOB}/${PATH}#L7) | — |`,
      ].join('\n'),
    )
  })

  test('the result of carrying it out, failures escaped, and a missing permission', () => {
    const failed = changes[2]
    if (!failed) throw new Error('no change')
    const result: ApplyResult = { created: [], closed: [], reopened: [], failed: [{ change: failed, message: 'HTTP 403 <!-- no --> @admin' }], forbidden: 'Resource not accessible by integration', uncheckedOwners: 0 }
    const body = render(files, { changes, timing: 'now', result })
    expect(body).toContain(
      [
        'This run will create 1 issue, close 1, reopen 1, close 1 duplicate(s); 0 unchanged, 1 done with no issue.',
        '',
        'Done: created 0, closed 0, reopened 0.',
        '- ⚠️ reopen failed: HTTP 403 &lt;!-- no --&gt; @\u200Badmin',
        '',
        'The token may not write issues: give the workflow `permissions: issues: write`.',
        '',
        `| | Title | Owners | From \`${PATH}\` | Issue |`,
      ].join('\n'),
    )
  })

  test('more than 10 items fold the table into <details>', () => {
    const eleven = Array.from({ length: 11 }, (_, index) => item(`Task number ${index + 1}`, { line: index + 1 }))
    const plan = planIssues(latestOccurrences(report([file(PATH, '2026-01-08', { actionItems: eleven })])), [], { label: 'a', teamLabel: null, links: LINKS })
    const body = render([file(PATH, '2026-01-08')], { changes: plan, timing: 'dry-run' })
    // No issue known yet: no Issue column.
    expect(body).toContain(`<details>\n<summary>11 items</summary>\n\n| | Title | Owners | From \`${PATH}\` |\n|---|---|---|---|\n`)
    expect(body.endsWith(`| create | \\[platform\\] Task number 11 | alice | [line 11](${BLOB}/${PATH}#L11) |\n\n</details>\n`)).toBe(true)
    const ten = planIssues(latestOccurrences(report([file(PATH, '2026-01-08', { actionItems: eleven.slice(0, 10) })])), [], { label: 'a', teamLabel: null, links: LINKS })
    expect(render([file(PATH, '2026-01-08')], { changes: ten, timing: 'dry-run' })).not.toContain('<details>')
  })
})

describe('renderSummary: a first run on a repository with history', () => {
  const old = file('platform/20251204.md', '2025-12-04', { actionItems: [item('Migrate the old cluster'), item('Retire the old VMs', { line: 6 })] })
  const recent = file(PATH, '2026-01-08', {
    actionItems: [item('Task one'), item('Task two', { line: 6 }), item('cancel', { line: 7, context: { headings: ['Board'], parents: ['Board meeting on 2026-01-12'] } })],
  })
  const plan = (maxNewIssues: number | null) => planIssues(latestOccurrences(report([old, recent])), [], { label: 'a', teamLabel: null, links: LINKS, since: '2026-01-01', maxNewIssues })

  test('held back and before-since are counted; held-back items are listed with their titles, older ones are not', () => {
    const body = render([file(PATH, '2026-01-08')], { changes: plan(1), timing: 'now', since: '2026-01-01', maxNewIssues: 1 })
    expect(body.slice(body.indexOf('### Action items'))).toBe(
      [
        '### Action items',
        '',
        'This run will create 1 issue, close 0; 0 unchanged.',
        '',
        '2 more issues held back (`max-new-issues: 1`): the next run goes on.',
        '',
        '2 open items from meetings before 2026-01-01 are not tracked (`actionItems.since`).',
        '',
        `| | Title | Owners | From \`${PATH}\` |`,
        '|---|---|---|---|',
        `| create | \\[platform\\] Task one | alice | [line 5](${BLOB}/${PATH}#L5) |`,
        `| held-back | \\[platform\\] Task two | alice | [line 6](${BLOB}/${PATH}#L6) |`,
        `| held-back | \\[platform\\] Cancel: Board meeting on 2026-01-12 | alice | [line 7](${BLOB}/${PATH}#L7) |`,
        '',
      ].join('\n'),
    )
  })

  test('a dry run shows the whole backlog and says what a run that writes would do', () => {
    const body = render([file(PATH, '2026-01-08')], { changes: plan(null), timing: 'dry-run', since: '2026-01-01', maxNewIssues: 1 })
    expect(body).toContain(
      'Dry run: this would create 3 issues, close 0; 0 unchanged.\n\nThe whole backlog is shown; a run that writes creates at most 1 issue (`max-new-issues`) and the next run goes on.\n',
    )
  })
})

describe('renderSummary: hostile text and size', () => {
  test('hostile text from minutes cannot open or close folds, or mention anyone', () => {
    const hostile = '</details><details><summary>x</summary> <!-- @everyone #1 -->'
    const teams: TeamReport[] = [{ team: hostile, line: 3, kind: 'placeholder', placeholder: hostile, links: [{ url: hostile, line: 3, path: null, exists: null }] }]
    const body = render([file(PATH, hostile, { profile: hostile, teams, findings: [...many('title-date', 7).map((entry) => ({ ...entry, message: hostile, suggestion: hostile.slice(0, 20) }))] })])
    // the team table's fold only: errors are never folded
    expect(body.match(/<details>/g)).toHaveLength(1)
    expect(commentProblems(body, { links: LINKS, sources: [hostile] })).toEqual([])
    expect(body.match(/<!--/g)).toHaveLength(1)
    expect(body).not.toMatch(/@everyone|#1\b/)
    // profile and date in the heading, 7 messages, the team name and its link
    expect(body.match(/@\u200Beveryone #\u200B1/g)).toHaveLength(11)
  })

  test('2,000 files × 30 findings stay under 65,536 characters and end with the "left out" note', () => {
    const files = Array.from({ length: 2000 }, (_, index) => {
      const path = `team-${String(index).padStart(4, '0')}/2026-01-08.md`
      const findings = Array.from({ length: 30 }, (_, line) =>
        finding(['title-date', 'link-target-exists', 'minute-taker'][line % 3] ?? 'x', line + 1, `Link target ${'<&|'.repeat(20)} does not exist at line ${line + 1} @someone`, { suggestion: 'Fix | it' }),
      )
      return file(path, '2026-01-08', { findings })
    })
    const body = render(files)
    expect(body.length).toBeLessThan(65_536)
    expect(body.startsWith(`${HEADER}❌ **60000 errors block the merge:** \`title-date\` (20000), \`link-target-exists\` (20000), \`minute-taker\` (20000) in 2000 minutes files.\n`)).toBe(true)
    const note = body.match(/\n_(\d+) more sections left out to stay within GitHub's comment size limit: see the job's log and annotations\._\n$/)
    expect(note).not.toBeNull()
    const shown = body.match(/^### ❌ /gm)?.length ?? 0
    expect(shown).toBeGreaterThan(0)
    expect(shown + Number(note?.[1])).toBe(2000)
    // The files shown are the first ones, in order.
    expect(body).toContain('`team-0000/2026-01-08.md`')
    expect(body).toContain(`\`team-${String(shown - 1).padStart(4, '0')}/2026-01-08.md\``)
    expect(body).not.toContain(`\`team-${String(shown).padStart(4, '0')}/2026-01-08.md\``)
  })

  test('one section too big on its own is left out whole, later ones still shown', () => {
    const huge = file('big/a.md', '2026-01-08', {
      findings: Array.from({ length: 200 }, (_, index) => finding(`rule-${index}`, index + 1, '&'.repeat(500))),
    })
    const small = file('small/b.md', '2026-01-08', { findings: [finding('title-date', 1, 'Small')] })
    const body = render([huge, small])
    expect(body.length).toBeLessThan(65_536)
    expect(body).not.toContain('`big/a.md`')
    expect(body).toContain('`small/b.md`')
    expect(body.endsWith("\n_1 more section left out to stay within GitHub's comment size limit: see the job's log and annotations._\n")).toBe(true)
  })
})

describe('renderSummary: the plan within the limit', () => {
  const owners = Array.from({ length: 1500 }, (_, index) => `owner-with-a-rather-long-login-${String(index).padStart(4, '0')}`)

  test('one item of 1,500 owners: the row names ten and counts the rest; the body stays under the limit', () => {
    const items = [item('Write the upgrade runbook', { owners })]
    const changes = planIssues(latestOccurrences(report([file(PATH, '2026-01-08', { actionItems: items })])), [], { label: 'a', teamLabel: null, links: LINKS })
    const body = render([file(PATH, '2026-01-08')], { changes, timing: 'after-merge' })
    expect(body.length).toBeLessThan(65_536)
    expect(body).toContain(`| create | \\[platform\\] Write the upgrade runbook | ${owners.slice(0, 10).join(', ')} and 1,490 more | [line 5](${BLOB}/${PATH}#L5) |`)
  })

  test('a table too long for a comment collapses to the counts and says where every item is; the finished body is measured', () => {
    // 200 rows of 10 long owners and a long title each: the table alone is over the limit.
    const many = Array.from({ length: 400 }, (_, index) => item(`Task ${index} ${'with a long description '.repeat(8)}`, { owners: owners.slice(0, 10), line: index + 1 }))
    const changes = planIssues(latestOccurrences(report([file(PATH, '2026-01-08', { actionItems: many })])), [], { label: 'a', teamLabel: null, links: LINKS, maxNewIssues: 20 })
    const findings = many.slice(0, 3).map((_, index) => finding('title-date', index + 1, `Problem ${index}`))
    const body = render([file(PATH, '2026-01-08', { findings })], { changes, timing: 'now', maxNewIssues: 20 })
    expect(body.length).toBeLessThan(65_536)
    expect(body.slice(body.indexOf('### Action items'))).toBe(
      [
        '### Action items',
        '',
        'This run will create 20 issues, close 0; 0 unchanged.',
        '',
        '380 more issues held back (`max-new-issues: 20`): the next run goes on.',
        '',
        'The table of 400 items is too long for a comment: every item is in the `action-items` output and the report file (the `report-file` output).',
        '',
      ].join('\n'),
    )
    // The findings still fit, before the plan.
    expect(body).toContain('### ❌ ')
  })

  test('held-back closes and reopens are counted, listed, and name the input', () => {
    const done = Array.from({ length: 3 }, (_, index) => item(`Task number ${index} of the week`, { line: index + 1, done: true }))
    const known = done.map((entry, index) => issue(index + 1, identity('platform', ['alice'], entry.text)))
    const changes = planIssues(latestOccurrences(report([file(PATH, '2026-01-08', { actionItems: done })])), known, { label: 'a', teamLabel: null, links: LINKS, maxClosesAndReopens: 1 })
    const body = render([file(PATH, '2026-01-08')], { changes, timing: 'now', maxClosesAndReopens: 1 })
    expect(body.slice(body.indexOf('### Action items'))).toBe(
      [
        '### Action items',
        '',
        'This run will create 0 issues, close 1; 0 unchanged.',
        '',
        '2 closes held back (`max-closes-and-reopens: 1`): the next run goes on.',
        '',
        `| | Title | Owners | From \`${PATH}\` | Issue |`,
        '|---|---|---|---|---|',
        `| close | \\[platform\\] Task number 0 of the week ✅ | alice | [line 1](${BLOB}/${PATH}#L1) | [#1](https://github.com/acme/minutes/issues/1) |`,
        `| held-back-close | \\[platform\\] Task number 1 of the week ✅ | alice | [line 2](${BLOB}/${PATH}#L2) | [#2](https://github.com/acme/minutes/issues/2) |`,
        `| held-back-close | \\[platform\\] Task number 2 of the week ✅ | alice | [line 3](${BLOB}/${PATH}#L3) | [#3](https://github.com/acme/minutes/issues/3) |`,
        '',
      ].join('\n'),
    )
  })

  test('a dry run shows every close and says what a run that writes would do', () => {
    const done = Array.from({ length: 3 }, (_, index) => item(`Task number ${index} of the week`, { line: index + 1, done: true }))
    const known = done.map((entry, index) => issue(index + 1, identity('platform', ['alice'], entry.text)))
    const changes = planIssues(latestOccurrences(report([file(PATH, '2026-01-08', { actionItems: done })])), known, { label: 'a', teamLabel: null, links: LINKS, maxClosesAndReopens: null })
    expect(render([file(PATH, '2026-01-08')], { changes, timing: 'dry-run', maxClosesAndReopens: 2 })).toContain(
      'Dry run: this would create 0 issues, close 3; 0 unchanged.\n\nA run that writes closes and reopens at most 2 issues (`max-closes-and-reopens`) and the next run goes on.\n',
    )
  })

  test('an owner-less done line on an owned issue: unchanged, owners differ, said once', () => {
    const line = item('Write the upgrade runbook', { owners: [], done: true })
    const known = [issue(4, identity('platform', ['alice'], 'Write the upgrade runbook'))]
    const changes = planIssues(latestOccurrences(report([file(PATH, '2026-01-08', { actionItems: [line] })])), known, { label: 'a', teamLabel: null, links: LINKS })
    const body = render([file(PATH, '2026-01-08')], { changes, timing: 'now' })
    expect(body).toContain(
      'This run will create 0 issues, close 0; 1 unchanged.\n\n1 issue left as it is: the minutes mark its item done or undone, but under other owners (`unchanged, owners differ`); only the same owners close or reopen an issue.\n',
    )
    expect(body).toContain(`| unchanged, owners differ | \\[platform\\] Write the upgrade runbook ✅ | — | [line 5](${BLOB}/${PATH}#L5) | [#4](https://github.com/acme/minutes/issues/4) |`)
  })

  test('failures listed at most 50, the rest counted', () => {
    const items = [item('Write the upgrade runbook')]
    const changes = planIssues(latestOccurrences(report([file(PATH, '2026-01-08', { actionItems: items })])), [], { label: 'a', teamLabel: null, links: LINKS })
    const failed = Array.from({ length: 80 }, () => ({ change: changes[0]!, message: 'HTTP 500' }))
    const body = render([file(PATH, '2026-01-08')], { changes, timing: 'now', result: { created: [], closed: [], reopened: [], failed, forbidden: null, uncheckedOwners: 0 } })
    expect(body.match(/- ⚠️ create failed: HTTP 500/g)).toHaveLength(50)
    expect(body).toContain("- … and 30 more failures in the job's log\n")
  })
})
