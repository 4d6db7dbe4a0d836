import { describe, expect, test } from '@jest/globals'
import { latestOccurrences, seriesOf, type ItemOccurrence } from '../../src/plan/occurrences.js'
import { countChanges, isDoneWithoutIssue, mayChangeState, planIssues, type IssueChange, type IssuePlanOptions } from '../../src/plan/plan-issues.js'
import { issueTitle, itemTitle, readSourceLink, standsAlone } from '../../src/plan/issue-text.js'
import { issueMarker, readIssueMarker } from '../../src/plan/issue-marker.js'
import { teamLabelName } from '../../src/plan/team-label.js'
import { BLOB, LINKS, file, identity, issue, item, report } from './fixtures.js'

const OPTIONS: IssuePlanOptions = { label: 'action-item', teamLabel: null, links: LINKS }

function occurrence(text: string, options: Parameters<typeof item>[1] = {}, path = 'platform/20260108.md', date: string | null = '2026-01-08'): ItemOccurrence {
  return { item: item(text, options), path, date, series: seriesOf(path) }
}

/** A compact view of a plan: kind, item text and issue number. */
function summary(changes: readonly IssueChange[]): Array<[string, string, number | null]> {
  return changes.map((change) =>
    change.kind === 'close-duplicate' ? [change.kind, `duplicate of #${change.duplicateOf.number}`, change.issue.number] : [change.kind, change.occurrence.item.text, 'issue' in change && change.issue ? change.issue.number : null],
  )
}

describe('seriesOf', () => {
  test.each([
    ['platform/20260108.md', 'platform'],
    ['teams/iaas/2026-01-08.md', 'teams/iaas'],
    ['README.md', '(root)'],
  ])('%s → %s', (path, series) => {
    expect(seriesOf(path)).toBe(series)
  })
})

describe('latestOccurrences', () => {
  test('each item once, with its file, date and series, in meeting order', () => {
    const a = item('Ask Vexxhost about quotas', { line: 5 })
    const b = item('Write the runbook', { owners: ['bob'], line: 6 })
    const c = item('Undated item', { line: 2 })
    const result = latestOccurrences(report([file('ops/20260108.md', '2026-01-08', { actionItems: [b, a] }), file('notes/x.md', null, { actionItems: [c] })]))
    expect(result).toEqual([
      { item: c, path: 'notes/x.md', date: null, series: 'notes' },
      { item: a, path: 'ops/20260108.md', date: '2026-01-08', series: 'ops' },
      { item: b, path: 'ops/20260108.md', date: '2026-01-08', series: 'ops' },
    ])
  })

  test("the latest meeting's done state wins (ordered by date, not path)", () => {
    const undone = item('Ask Vexxhost about quotas', { line: 3 })
    const done = item('Ask Vexxhost about quotas', { line: 9, done: true })
    // b.md is the earlier meeting, a.md the later one
    const forward = latestOccurrences(report([file('platform/b.md', '2026-01-01', { actionItems: [done] }), file('platform/a.md', '2026-01-08', { actionItems: [undone] })]))
    expect(forward).toEqual([{ item: undone, path: 'platform/a.md', date: '2026-01-08', series: 'platform' }])
    const backward = latestOccurrences(report([file('platform/a.md', '2026-01-08', { actionItems: [done] }), file('platform/b.md', '2026-01-01', { actionItems: [undone] })]))
    expect(backward).toEqual([{ item: done, path: 'platform/a.md', date: '2026-01-08', series: 'platform' }])
  })

  test('an item edited slightly in a later file of the same series is one item: the later one', () => {
    const first = item('Ask Vexxhost about storage quotas', { line: 5 })
    const edited = item('Ask Vexxhost about network quotas', { line: 7, done: true })
    expect(first.id).not.toBe(edited.id)
    const result = latestOccurrences(report([file('platform/20260101.md', '2026-01-01', { actionItems: [first] }), file('platform/20260108.md', '2026-01-08', { actionItems: [edited] })]))
    expect(result).toEqual([{ item: edited, path: 'platform/20260108.md', date: '2026-01-08', series: 'platform' }])
  })

  test('the same text in another series stays separate', () => {
    const text = 'Ask Vexxhost about quotas'
    const result = latestOccurrences(report([file('platform/20260101.md', '2026-01-01', { actionItems: [item(text)] }), file('ops/20260108.md', '2026-01-08', { actionItems: [item(text, { done: true })] })]))
    expect(result.map((entry) => [entry.series, entry.item.done])).toEqual([
      ['platform', false],
      ['ops', true],
    ])
  })

  test('two different items of one file are never merged, however alike', () => {
    const storage = item('Ask Vexxhost about storage quotas', { line: 5 })
    const network = item('Ask Vexxhost about network quotas', { line: 6 })
    const result = latestOccurrences(report([file('platform/20260108.md', '2026-01-08', { actionItems: [storage, network] })]))
    expect(result.map((entry) => entry.item)).toEqual([storage, network])
  })

  test('an item written identically twice in one file is one item: the later line', () => {
    const first = item('Ask Vexxhost about quotas', { line: 5 })
    const again = item('ask vexxhost about quotas!', { line: 12, done: true })
    expect(again.id).toBe(first.id)
    const result = latestOccurrences(report([file('platform/20260108.md', '2026-01-08', { actionItems: [first, again] })]))
    expect(result.map((entry) => entry.item)).toEqual([again])
  })

  test('a carried-over item and a new alike item of the later file: the carried one replaces its earlier self only', () => {
    const earlier = item('Ask Vexxhost about storage quotas', { line: 5 })
    const carried = item('Ask Vexxhost about storage quotas', { line: 5, done: true })
    const fresh = item('Ask Vexxhost about network quotas', { line: 6 })
    const result = latestOccurrences(report([file('platform/20260101.md', '2026-01-01', { actionItems: [earlier] }), file('platform/20260108.md', '2026-01-08', { actionItems: [carried, fresh] })]))
    expect(result.map((entry) => [entry.path, entry.item.text, entry.item.done])).toEqual([
      ['platform/20260108.md', 'Ask Vexxhost about storage quotas', true],
      ['platform/20260108.md', 'Ask Vexxhost about network quotas', false],
    ])
  })
})

describe('planIssues', () => {
  test('a new open item → create, with exact title, body and label', () => {
    const open = occurrence('ask Vexxhost about quotas', { line: 5, due: '2026-02-01' })
    const changes = planIssues([open], [], OPTIONS)
    const body = [
      // The marker also keeps the meeting's date and the due date, for the dashboard.
      issueMarker({ ...identity('platform', ['alice'], 'ask Vexxhost about quotas'), date: '2026-01-08', due: '2026-02-01' }),
      `**Action item** from the [platform minutes of 2026-01-08](${BLOB}/platform/20260108.md#L5):`,
      '',
      '> ask Vexxhost about quotas',
      '',
      '- **Owners:** alice',
      '- **Due:** 2026-02-01',
      `- **Source:** [platform/20260108.md, line 5](${BLOB}/platform/20260108.md#L5)`,
      '',
      '<sub>Kept by minutes-automation: closed when the minutes mark this item done, reopened when it comes back undone.</sub>',
      '',
    ].join('\n')
    expect(changes).toEqual([{ kind: 'create', occurrence: open, title: '[platform] Ask Vexxhost about quotas', body, labels: ['action-item'] }])
    expect(readIssueMarker(body)).toEqual({ ...identity('platform', ['alice'], 'ask Vexxhost about quotas'), date: '2026-01-08', due: '2026-02-01' })
    expect(readSourceLink(body)).toBe(`${BLOB}/platform/20260108.md#L5`)
  })

  test('a team label has {series} replaced (every occurrence)', () => {
    const changes = planIssues([occurrence('Write the runbook', {}, 'teams/iaas/20260108.md')], [], { ...OPTIONS, teamLabel: 'team:{series}/{series}' })
    expect(changes[0]?.kind === 'create' ? changes[0].labels : null).toEqual(['action-item', 'team:teams/iaas/teams/iaas'])
    expect(changes[0]?.kind === 'create' ? changes[0].teamLabel : null).toBe('team:teams/iaas/teams/iaas')
  })

  test('a team label from a long folder name is cut to GitHub\'s 50 characters, whole characters only', () => {
    const folder = `${'x'.repeat(47)}😀😀-and-more`
    const changes = planIssues([occurrence('Write the runbook', {}, `${folder}/20260108.md`)], [], { ...OPTIONS, teamLabel: 'team: {series}' })
    const label = changes[0]?.kind === 'create' ? changes[0].labels[1] : null
    expect(label).toBe(`team: ${'x'.repeat(44)}`)
    expect(teamLabelName('{series}', `${'y'.repeat(49)}😀z`)).toBe(`${'y'.repeat(49)}😀`)
    expect(teamLabelName('t {series}', 'a\nb')).toBe('t a b')
  })

  test('a long title is cut to 120 characters on a word boundary', () => {
    const text = `migrate ${'the cluster '.repeat(20)}now`
    const change = planIssues([occurrence(text)], [], OPTIONS)[0]
    const title = change?.kind === 'create' ? change.title : ''
    const full = `[platform] M${text.slice(1)}`
    expect(title.length).toBeLessThanOrEqual(120)
    expect(title.endsWith('…')).toBe(true)
    const kept = title.slice(0, -1)
    expect(full.startsWith(kept)).toBe(true)
    expect(full.charAt(kept.length)).toBe(' ')
    expect(title).toBe(`[platform] Migrate ${Array<string>(8).fill('the cluster').join(' ')} the…`)
  })

  test('a done item without an issue → unchanged, issue null', () => {
    const done = occurrence('Write the runbook', { done: true })
    expect(planIssues([done], [], OPTIONS)).toEqual([{ kind: 'unchanged', occurrence: done, issue: null }])
  })

  test('isDoneWithoutIssue: a done item never tracked, not an issue in step nor one whose owners differ', () => {
    const never = occurrence('Write the runbook', { done: true })
    const inStep = occurrence('Rotate keys', { done: true })
    const ownerless = occurrence('Call the vendor', { done: true, owners: [] })
    const undone = occurrence('Book the room')
    const known = [issue(4, identity('platform', ['alice'], 'Rotate keys'), 'closed', 'completed'), issue(5, identity('platform', ['alice'], 'Call the vendor'))]
    const changes = planIssues([never, inStep, ownerless, undone], known, OPTIONS)
    expect(changes.map((change) => [change.kind, 'ownersDiffer' in change, isDoneWithoutIssue(change)])).toEqual([
      ['unchanged', false, true],
      ['unchanged', false, false],
      ['unchanged', true, false],
      ['create', false, false],
    ])
  })

  test('a done item with an open issue → close, with the exact comment', () => {
    const done = occurrence('Write the runbook', { done: true, line: 9 })
    const open = issue(12, identity('platform', ['alice'], 'Write the runbook'))
    expect(planIssues([done], [open], OPTIONS)).toEqual([
      { kind: 'close', occurrence: done, issue: open, comment: `Marked done in the [platform minutes of 2026-01-08](${BLOB}/platform/20260108.md#L9).\n` },
    ])
  })

  test('an undone item with a closed `completed` issue → reopen, with the exact comment', () => {
    const undone = occurrence('Write the runbook', { line: 4 }, 'platform/20260115.md', '2026-01-15')
    const closed = issue(12, identity('platform', ['alice'], 'Write the runbook'), 'closed', 'completed')
    expect(planIssues([undone], [closed], OPTIONS)).toEqual([
      { kind: 'reopen', occurrence: undone, issue: closed, comment: `Listed again as not done in the [platform minutes of 2026-01-15](${BLOB}/platform/20260115.md#L4).\n` },
    ])
  })

  test('closed as `not_planned` stays closed', () => {
    const undone = occurrence('Write the runbook')
    const closed = issue(12, identity('platform', ['alice'], 'Write the runbook'), 'closed', 'not_planned')
    expect(planIssues([undone], [closed], OPTIONS)).toEqual([{ kind: 'unchanged', occurrence: undone, issue: closed }])
  })

  test('in step: undone with open issue, done with closed issue → unchanged', () => {
    const undone = occurrence('Write the runbook')
    const done = occurrence('Rotate keys', { done: true })
    const open = issue(3, identity('platform', ['alice'], 'Write the runbook'))
    const closed = issue(4, identity('platform', ['alice'], 'Rotate keys'), 'closed', 'completed')
    expect(summary(planIssues([undone, done], [closed, open], OPTIONS))).toEqual([
      ['unchanged', 'Write the runbook', 3],
      ['unchanged', 'Rotate keys', 4],
    ])
  })

  test('two open issues with one identity: the higher number is closed as a duplicate of the lower', () => {
    const undone = occurrence('Write the runbook')
    const same = identity('platform', ['alice'], 'Write the runbook')
    const first = issue(3, same)
    const second = issue(7, same)
    const closedLater = issue(9, same, 'closed', 'completed')
    const changes = planIssues([undone], [second, closedLater, first], OPTIONS)
    expect(changes).toEqual([
      { kind: 'unchanged', occurrence: undone, issue: first },
      { kind: 'close-duplicate', issue: second, duplicateOf: first, comment: 'Duplicate of #3: another run tracked the same action item first. Closed by minutes-automation.\n' },
    ])
    expect(countChanges(changes)).toEqual({ create: 0, close: 0, reopen: 0, unchanged: 1, 'close-duplicate': 1, 'held-back': 0, 'held-back-close': 0, 'held-back-reopen': 0, 'before-since': 0 })
  })

  test('an item edited slightly in a later file maps to the issue made from the earlier wording', () => {
    const earlier = item('Ask Vexxhost about storage quotas', { line: 5 })
    const edited = item('Ask Vexxhost about network quotas', { line: 7, done: true })
    const occurrences = latestOccurrences(report([file('platform/20260101.md', '2026-01-01', { actionItems: [earlier] }), file('platform/20260108.md', '2026-01-08', { actionItems: [edited] })]))
    const tracked = issue(21, identity('platform', ['alice'], 'Ask Vexxhost about storage quotas'))
    expect(summary(planIssues(occurrences, [tracked], OPTIONS))).toEqual([['close', 'Ask Vexxhost about network quotas', 21]])
  })

  test('the same text in another series does not map to that issue', () => {
    const other = issue(21, identity('ops', ['alice'], 'Ask Vexxhost about quotas'))
    expect(summary(planIssues([occurrence('Ask Vexxhost about quotas')], [other], OPTIONS))).toEqual([['create', 'Ask Vexxhost about quotas', null]])
  })

  test('a different owner is a different item, even with the same words', () => {
    const other = issue(21, identity('platform', ['bob'], 'Ask Vexxhost about quotas'))
    expect(summary(planIssues([occurrence('Ask Vexxhost about quotas')], [other], OPTIONS))).toEqual([['create', 'Ask Vexxhost about quotas', null]])
  })

  test('one issue serves one item only', () => {
    const storage = occurrence('Ask Vexxhost about storage quotas', { line: 5 })
    const network = occurrence('Ask Vexxhost about network quotas', { line: 6 })
    const tracked = issue(21, identity('platform', ['alice'], 'Ask Vexxhost about network quotas'))
    expect(summary(planIssues([storage, network], [tracked], OPTIONS))).toEqual([
      ['create', 'Ask Vexxhost about storage quotas', null],
      ['unchanged', 'Ask Vexxhost about network quotas', 21],
    ])
  })

  test('the same inputs give the same plan', () => {
    const occurrences = [occurrence('Write the runbook'), occurrence('Rotate keys', { done: true })]
    const known = [issue(4, identity('platform', ['alice'], 'Rotate keys'))]
    expect(planIssues(occurrences, known, OPTIONS)).toEqual(planIssues(occurrences, known, OPTIONS))
  })
})

describe('issues that stand alone', () => {
  const context = { headings: ['Project Board 2026-02-12', 'Next meetings'], parents: ['Project board on 2026-02-16, both organisers away'] }

  test.each([
    ['Survey CSPs regarding Flatcar', true],
    ['Cancel', false],
    ['Create draft', false],
    ['Yes, organize', false],
    ['Bring this forward to the SIG', false],
    ['ask them for the quota numbers', false],
    ['Check that the link works', false],
    ['Do as in the above, once more', false],
    ["Check it's done", false],
    ['Write the upgrade runbook', true],
    ['Review the IT budget with finance', true],
    // Issue 20: three words stand alone when all three name things; a pointer, a function
    // word, a time, an aside in brackets or a URL does not name what the item is about.
    ['README file cleanup', true],
    ['Write migration guide', true],
    ['Rotate Vault token', true],
    ['Create scs-storage room', true],
    ['Create PR', false],
    ['Certificate renewal', false],
    ['Coordination via email', false],
    ['Discuss next week', false],
    ['Write epic (Kurt)', false],
    ['write spec/blueprint', false],
    ['Fix it', false],
    ['Check this', false],
    ['Ask him', false],
    ['Ask him again', false],
    ['Update docs accordingly', false],
    ['Fix the tests as discussed', false],
    ['Do as above for storage', false],
    ['https://github.com/acme/infra/issues/355 - refinement', false],
    ['please review https://example.com/a/b/c/d', false],
    ['review https://example.com/runbook with the storage team', true],
  ])('“%s” stands alone: %s', (text, alone) => {
    expect(standsAlone(text)).toBe(alone)
  })

  test('an item leaning on its context gets its parent item in the title, shortened, and its context in the body', () => {
    const cancel = occurrence('cancel', { context, line: 9 })
    const change = planIssues([cancel], [], OPTIONS)[0]
    expect(change?.kind === 'create' ? [change.title, change.body.split('\n').slice(1, 8)] : null).toEqual([
      '[platform] Cancel: Project board on 2026-02-16, both organisers away',
      [
        `**Action item** from the [platform minutes of 2026-01-08](${BLOB}/platform/20260108.md#L9):`,
        '',
        '> _Project Board 2026-02-12 › Next meetings_',
        '>',
        '> - Project board on 2026-02-16, both organisers away',
        '>   - **cancel**',
        '',
      ],
    ])
  })

  test('without a parent item, the nearest heading; context is cut on a word boundary; markup in it is escaped in the body', () => {
    const long = { headings: ['Team *Storage* and the object store migration to the new hardware in Q3'], parents: [] }
    const change = planIssues([occurrence('Bring this forward', { context: long })], [], OPTIONS)[0]
    expect(change?.kind === 'create' ? [change.title, change.body.split('\n').slice(3, 6)] : null).toEqual([
      '[platform] Bring this forward: Team *Storage* and the object store migration to the new…',
      ['> _Team \\*Storage\\* and the object store migration to the new hardware in Q3_', '>', '> Bring this forward'],
    ])
  })

  test('an item that stands alone keeps its text as the title; context that only repeats the item is not quoted in the title', () => {
    expect(itemTitle(occurrence('write the upgrade runbook', { context }))).toBe('Write the upgrade runbook')
    expect(itemTitle(occurrence('Create epics', { context: { headings: ['R5'], parents: ['Create epics'] } }))).toBe('Create epics: R5')
    expect(itemTitle(occurrence('Create epics', { context: { headings: [], parents: [] } }))).toBe('Create epics')
  })

  test('a URL, a handle or a name written as it must be keeps its first letter; a plain word is capitalised (issue 20)', () => {
    const refstack = { context: { headings: ['Refstack'], parents: [] } }
    expect(itemTitle(occurrence('https://github.com/acme/infra/issues/355 - refinement', refstack))).toBe('https://github.com/acme/infra/issues/355 - refinement: Refstack')
    // The issue title still breaks the URL, so GitHub does not read it as a reference.
    expect(issueTitle(occurrence('https://github.com/acme/infra/issues/355 - refinement', refstack))).toBe('[platform] https:\u200B//github.com/acme/infra/issues/355 - refinement: Refstack')
    expect(itemTitle(occurrence('www.example.com needs a new certificate from the CA'))).toBe('www.example.com needs a new certificate from the CA')
    expect(itemTitle(occurrence('@anna and the storage team review the quota plan'))).toBe('@anna and the storage team review the quota plan')
    for (const text of ['values.yaml cleanup in the chart', 'k8s upgrade to the next minor', 'eBPF probes for the gateway nodes', 'docs/runbook needs an owner and a review', 'make_release script fails on tags']) {
      expect(itemTitle(occurrence(text))).toBe(text)
    }
    expect(itemTitle(occurrence('follow-up with the vendor on quotas'))).toBe('Follow-up with the vendor on quotas')
    expect(itemTitle(occurrence("don't ship the old images again"))).toBe("Don't ship the old images again")
    expect(itemTitle(occurrence('écrire le guide de migration'))).toBe('Écrire le guide de migration')
  })

  test('context that says nothing is passed over: generic headings and list items, dates, the meeting\'s own title (issue 20)', () => {
    const title = (text: string, headings: string[], parents: string[] = [], path = 'platform/20260108.md') => itemTitle(occurrence(text, { context: { headings, parents } }, path))
    expect(title('Enhance tests', ['Platform meeting 2026-01-08', 'Agenda'])).toBe('Enhance tests')
    expect(title('Enhance tests', ['Platform meeting 2026-01-08', 'Storage quotas', 'Housekeeping'])).toBe('Enhance tests: Storage quotas')
    expect(title('Enhance tests', ['Storage quotas'], ['Decision:'])).toBe('Enhance tests: Storage quotas')
    for (const generic of ['Agenda', 'Minutes', 'Notes', 'Discussion', 'Housekeeping', 'AOB', 'Misc', 'Any other business', 'Side discussion', '2026-01-08', '8.1.2026', 'January 8th', 'Meeting notes, 8 January 2026']) {
      expect([generic, title('Cancel', ['Team storage', generic])]).toEqual([generic, 'Cancel: Team storage'])
    }
    // The series' own name with a date or generic words is the meeting's title, whatever its level.
    expect(title('Cancel', ['Retro', 'SIG Monitoring Weekly'], [], 'sig-monitoring/20260108.md')).toBe('Cancel: Retro')
    // A heading that names a topic is kept, even with a generic word or a date in it.
    expect(title('Cancel', ['Notes', 'Hackathon notes'])).toBe('Cancel: Hackathon notes')
    expect(title('Cancel', ['Release 2026-03-01'])).toBe('Cancel')
    expect(title('Cancel', ['Overview', 'Release 2026-03-01'])).toBe('Cancel: Release 2026-03-01')
  })

  test('deep context: the body quotes the nearest four headings and three parent items', () => {
    const deep = { headings: ['h1', 'h2', 'h3', 'h4', 'h5'], parents: ['p1', 'p2', 'p3', 'p4'] }
    const change = planIssues([occurrence('do it', { context: deep })], [], OPTIONS)[0]
    expect(change?.kind === 'create' ? change.body.split('\n').slice(3, 9) : null).toEqual(['> _h2 › h3 › h4 › h5_', '>', '> - p2', '>   - p3', '>     - p4', '>       - **do it**'])
  })
})

describe('a first run on a repository with history', () => {
  const old = (text: string, line: number) => occurrence(text, { line }, 'platform/20251204.md', '2025-12-04')
  const recent = (text: string, line: number) => occurrence(text, { line }, 'platform/20260108.md', '2026-01-08')

  test('open items from meetings before `since` get no issue; tracked ones are still kept in step', () => {
    const tracked = old('Rotate the keys of the backup bucket', 3)
    const done = { ...tracked, item: { ...tracked.item, done: true } }
    const changes = planIssues([old('Write the storage runbook', 2), done, recent('Plan the next hackathon', 4)], [issue(9, identity('platform', ['alice'], 'Rotate the keys of the backup bucket'))], {
      ...OPTIONS,
      since: '2026-01-01',
    })
    expect(summary(changes)).toEqual([
      ['before-since', 'Write the storage runbook', null],
      ['close', 'Rotate the keys of the backup bucket', 9],
      ['create', 'Plan the next hackathon', null],
    ])
  })

  test('`since` is a day: a meeting on it counts; undated files are not held to it', () => {
    const onTheDay = occurrence('Plan the next hackathon', {}, 'platform/20260101.md', '2026-01-01')
    const undated = occurrence('Write the storage runbook', {}, 'platform/notes.md', null)
    expect(summary(planIssues([onTheDay, undated], [], { ...OPTIONS, since: '2026-01-01' })).map(([kind]) => kind)).toEqual(['create', 'create'])
  })

  test('at most `maxNewIssues` creates, oldest meetings first; the rest are held back with their titles; other changes are not capped', () => {
    const items = [recent('Item number one today', 1), old('Item number two before', 2), recent('Item number three today', 3), old('Item number four closed', 4)]
    const closed = { ...items[3]!, item: { ...items[3]!.item, done: true } }
    const known = [issue(7, identity('platform', ['alice'], 'Item number four closed'))]
    const changes = planIssues([items[1]!, closed, items[0]!, items[2]!], known, { ...OPTIONS, maxNewIssues: 1 })
    expect(summary(changes)).toEqual([
      ['create', 'Item number two before', null],
      ['close', 'Item number four closed', 7],
      ['held-back', 'Item number one today', null],
      ['held-back', 'Item number three today', null],
    ])
    expect(changes[2]).toEqual({ kind: 'held-back', occurrence: items[0], title: '[platform] Item number one today' })
    expect(summary(planIssues([items[0]!], [], { ...OPTIONS, maxNewIssues: 0 })).map(([kind]) => kind)).toEqual(['held-back'])
  })
})

describe('identity is not a weapon: only the same owners and series close or reopen an issue', () => {
  const owned = (number: number, text: string, state: 'open' | 'closed' = 'open') => issue(number, identity('platform', ['alice'], text), state, state === 'closed' ? 'completed' : null)

  test('ten owner-less done lines, slightly edited, close none of alice\'s issues: unchanged, owners differ', () => {
    const texts = Array.from({ length: 10 }, (_, index) => `Ask the vendor about quota number ${index} today`)
    const known = texts.map((text, index) => owned(index + 1, text))
    const lines = texts.map((text, index) => occurrence(text.replace('today', 'now'), { owners: [], done: true, line: index + 1 }))
    const changes = planIssues(lines, known, OPTIONS)
    expect(changes.map((change) => [change.kind, 'issue' in change ? change.issue?.number : null, change.kind === 'unchanged' ? change.ownersDiffer : null])).toEqual(
      known.map((issueOf) => ['unchanged', issueOf.number, true]),
    )
  })

  test('an owner-less undone line does not reopen alice\'s closed issue', () => {
    const closed = owned(4, 'Write the upgrade runbook', 'closed')
    const line = occurrence('Write the upgrade runbook', { owners: [] })
    expect(planIssues([line], [closed], OPTIONS)).toEqual([{ kind: 'unchanged', occurrence: line, issue: closed, ownersDiffer: true }])
  })

  test('another owner set (one added, one dropped) keeps the issue on its item but does not close it', () => {
    const open = issue(5, identity('platform', ['alice', 'bob'], 'Write the upgrade runbook'))
    const dropped = occurrence('Write the upgrade runbook', { owners: ['alice'], done: true })
    const added = occurrence('Write the upgrade runbook', { owners: ['alice', 'bob', 'carol'], done: true })
    expect(summary(planIssues([dropped], [open], OPTIONS))).toEqual([['unchanged', 'Write the upgrade runbook', 5]])
    expect(summary(planIssues([added], [open], OPTIONS))).toEqual([['unchanged', 'Write the upgrade runbook', 5]])
  })

  test('the same owners in another order and case, text edited: closes', () => {
    const open = issue(5, identity('platform', ['alice', 'bob'], 'Write the upgrade runbook for 1.34'))
    const done = occurrence('write the upgrade runbook for k8s 1.34', { owners: ['Bob', 'alice'], done: true })
    expect(summary(planIssues([done], [open], OPTIONS))).toEqual([['close', 'write the upgrade runbook for k8s 1.34', 5]])
  })

  test('an issue that names nobody is closed by its item given an owner later (the carry-over case)', () => {
    const open = issue(6, identity('platform', [], 'update the on-call rota'))
    const done = occurrence('update the on-call rota by 2026-12-01', { owners: ['erin'], done: true })
    expect(summary(planIssues([done], [open], OPTIONS))).toEqual([['close', 'update the on-call rota by 2026-12-01', 6]])
  })

  test('mayChangeState: series and owners', () => {
    const open = owned(7, 'Write the upgrade runbook')
    expect(mayChangeState(occurrence('Write the upgrade runbook'), open)).toBe(true)
    expect(mayChangeState(occurrence('Write the upgrade runbook', {}, 'ops/20260108.md'), open)).toBe(false)
    expect(mayChangeState(occurrence('Write the upgrade runbook', { owners: [] }), open)).toBe(false)
    expect(mayChangeState(occurrence('Write the upgrade runbook', { owners: ['ALICE'] }), open)).toBe(true)
  })

  test('an item of more owners than a marker keeps (50) closes its issue word for word', () => {
    const owners = Array.from({ length: 60 }, (_, index) => `person${index}`)
    const created = planIssues([occurrence('Write the upgrade runbook', { owners })], [], OPTIONS)[0]
    const marker = created?.kind === 'create' ? readIssueMarker(created.body) : null
    expect(marker?.owners).toEqual(owners.slice(0, 50))
    const known = issue(8, marker ?? identity('platform', [], ''))
    expect(summary(planIssues([occurrence('Write the upgrade runbook', { owners, done: true })], [known], OPTIONS))).toEqual([['close', 'Write the upgrade runbook', 8]])
  })
})

describe('issue bodies within GitHub\'s limit', () => {
  test('1,500 owners: the body names 50 as text and counts the rest; the marker keeps 50 and is read back; under 65,536 characters', () => {
    const owners = Array.from({ length: 1500 }, (_, index) => `owner-with-a-rather-long-login-${String(index).padStart(4, '0')}`)
    const change = planIssues([occurrence('Write the upgrade runbook', { owners })], [], OPTIONS)[0]
    const body = change?.kind === 'create' ? change.body : ''
    expect(body.length).toBeLessThan(65_536)
    expect(body).toContain(`- **Owners:** ${owners.slice(0, 50).join(', ')} and 1,450 more\n`)
    expect(body).not.toContain('@')
    expect(readIssueMarker(body)).toEqual({ ...identity('platform', owners.slice(0, 50), 'Write the upgrade runbook'), id: change?.kind === 'create' ? change.occurrence.item.id : '', date: '2026-01-08' })
  })

  test('a body still too long once escaped (context, control characters, a long folder) drops the quote; the rest stays', () => {
    const heavy = '&'.repeat(300)
    const context = { headings: [heavy, heavy, heavy, heavy], parents: [heavy, heavy, heavy] }
    const owners = Array.from({ length: 50 }, (_, index) => `${'x'.repeat(36)}${String(index).padStart(3, '0')}`)
    const folder = 'ü'.repeat(1000)
    const long = occurrence('\u0001'.repeat(4000), { owners, context }, `${folder}/20260108.md`)
    const change = planIssues([long], [], OPTIONS)[0]
    const body = change?.kind === 'create' ? change.body : ''
    expect(body.length).toBeLessThanOrEqual(60_000)
    const lines = body.split('\n')
    expect(lines[1]).toMatch(/^\*\*Action item\*\* from the \[ü+… minutes of 2026-01-08\]\(https:/)
    expect(lines.slice(2, 4)).toEqual(['', `- **Owners:** ${owners.join(', ')}`])
    expect(lines.some((line) => line.startsWith('>'))).toBe(false)
    expect(readIssueMarker(body)).toMatchObject({ id: long.item.id, series: `${'ü'.repeat(199)}…` })
  })
})

describe('max closes and reopens', () => {
  test('closes and reopens beyond the cap (together, plan order) are held back with their issue; creates are not counted', () => {
    const lines = Array.from({ length: 5 }, (_, index) => occurrence(`Task number ${index} of the week`, { line: index + 1, done: index % 2 === 0 }))
    const known = lines.map((line, index) => issue(index + 1, identity('platform', ['alice'], line.item.text), index % 2 === 0 ? 'open' : 'closed', index % 2 === 0 ? null : 'completed'))
    const fresh = occurrence('A brand new task for the team', { line: 9 })
    const changes = planIssues([...lines, fresh], known, { ...OPTIONS, maxClosesAndReopens: 3, maxNewIssues: 1 })
    expect(summary(changes)).toEqual([
      ['close', 'Task number 0 of the week', 1],
      ['reopen', 'Task number 1 of the week', 2],
      ['close', 'Task number 2 of the week', 3],
      ['held-back-reopen', 'Task number 3 of the week', 4],
      ['held-back-close', 'Task number 4 of the week', 5],
      ['create', 'A brand new task for the team', null],
    ])
    expect(changes[4]).toEqual({ kind: 'held-back-close', occurrence: lines[4], issue: known[4] })
    expect(countChanges(changes)).toMatchObject({ close: 2, reopen: 1, 'held-back-close': 1, 'held-back-reopen': 1, create: 1 })
    expect(summary(planIssues(lines, known, { ...OPTIONS, maxClosesAndReopens: 0 })).map(([kind]) => kind)).toEqual(['held-back-close', 'held-back-reopen', 'held-back-close', 'held-back-reopen', 'held-back-close'])
    expect(summary(planIssues(lines, known, { ...OPTIONS, maxClosesAndReopens: null })).map(([kind]) => kind)).toEqual(['close', 'reopen', 'close', 'reopen', 'close'])
  })
})

describe('countChanges', () => {
  test('counts each kind, zero for the rest', () => {
    expect(countChanges([])).toEqual({ create: 0, close: 0, reopen: 0, unchanged: 0, 'close-duplicate': 0, 'held-back': 0, 'held-back-close': 0, 'held-back-reopen': 0, 'before-since': 0 })
    const changes = planIssues([occurrence('One'), occurrence('Two', { line: 6 }), occurrence('Three', { done: true, line: 7 })], [issue(5, identity('platform', ['alice'], 'Three'))], OPTIONS)
    expect(countChanges(changes)).toEqual({ create: 2, close: 1, reopen: 0, unchanged: 0, 'close-duplicate': 0, 'held-back': 0, 'held-back-close': 0, 'held-back-reopen': 0, 'before-since': 0 })
  })
})
