import { describe, expect, test } from '@jest/globals'
import type { ApplyResult } from '../../src/plan/apply-result.js'
import { dashboardItems, factsComment, readFacts } from '../../src/plan/dashboard-items.js'
import type { ItemOccurrence } from '../../src/plan/occurrences.js'
import type { IssueChange, KnownIssue } from '../../src/plan/plan-issues.js'
import { BLOB, LINKS, identity, issue, item } from './fixtures.js'

const TODAY = '2026-12-07'
const OLD = `${BLOB}/iaas/20261112.md#L4`

function known(number: number, text: string, state: 'open' | 'closed' = 'open', extra: Partial<KnownIssue> = {}): KnownIssue {
  return { ...issue(number, { ...identity('iaas', ['alice'], text), date: '2026-11-12' }, state), createdAt: '2026-11-13', source: OLD, ...extra }
}

function seen(text: string, path: string, date: string, due: string | null = null): ItemOccurrence {
  return { item: item(text, { due, line: 7 }), path, date, series: 'iaas' }
}

const noWrites: ApplyResult = { created: [], closed: [], reopened: [], failed: [], forbidden: null, uncheckedOwners: 0 }

describe('dashboardItems: the open issues after the run, with what is known of each', () => {
  test('closed now and closed before are out, reopened and created are in; a failed create is not', () => {
    const issues = [known(1, 'stays open'), known(2, 'ticked now'), known(3, 'closed by hand', 'closed'), known(4, 'reopened now', 'closed')]
    const created = seen('new this week', 'iaas/20261126.md', '2026-11-26')
    const failed = seen('failed to create', 'iaas/20261126.md', '2026-11-26')
    const changes: IssueChange[] = [
      { kind: 'close', occurrence: seen('ticked now', 'iaas/20261126.md', '2026-11-26'), issue: issues[1] as KnownIssue, comment: '' },
      { kind: 'reopen', occurrence: seen('reopened now', 'iaas/20261126.md', '2026-11-26'), issue: issues[3] as KnownIssue, comment: '' },
      { kind: 'create', occurrence: failed, title: 'x', body: '', labels: [] },
      { kind: 'create', occurrence: created, title: '[iaas] New this week', body: '', labels: [] },
    ]
    const result: ApplyResult = {
      ...noWrites,
      created: [{ number: 9, url: '', title: '[iaas] New this week' }],
      closed: [{ number: 2, url: '', title: '' }],
      reopened: [{ number: 4, url: '', title: '' }],
      failed: [{ change: changes[2] as IssueChange, message: '500' }],
    }
    const { items, facts } = dashboardItems({ known: issues, changes, result, previous: {}, links: LINKS, today: TODAY })
    expect(items.map((each) => [each.issue, each.text, each.since, each.source, each.meetings])).toEqual([
      [1, 'stays open', '2026-11-12', OLD, 1],
      [4, 'reopened now', '2026-11-12', OLD, 2],
      [9, 'New this week', '2026-11-26', `${BLOB}/iaas/20261126.md#L7`, 1],
    ])
    expect(facts).toEqual({ 4: [null, 2, 'iaas/20261126.md'] })
  })

  test('a later meeting counts once and sets the due date; what it said is remembered for runs that do not read it', () => {
    const issues = [known(1, 'check the backup')]
    const later = seen('check the backup', 'iaas/20261126.md', '2026-11-26', '2026-12-01')
    const first = dashboardItems({ known: issues, changes: [{ kind: 'unchanged', occurrence: later, issue: issues[0] ?? null }], result: noWrites, previous: {}, links: LINKS, today: TODAY })
    expect(first.items[0]).toMatchObject({ due: '2026-12-01', meetings: 2 })
    // The same meeting again (a re-run) counts nothing more.
    const again = dashboardItems({ known: issues, changes: [{ kind: 'unchanged', occurrence: later, issue: issues[0] ?? null }], result: noWrites, previous: first.facts, links: LINKS, today: TODAY })
    expect(again.facts).toEqual(first.facts)
    // A run that reads another file keeps what the dashboard remembers.
    const other = dashboardItems({ known: issues, changes: [], result: null, previous: readFacts(factsComment(first.facts)), links: LINKS, today: TODAY })
    expect(other.items[0]).toMatchObject({ due: '2026-12-01', meetings: 2 })
  })

  test('the text is the issue\'s title without its series (kept when edited by hand)', () => {
    const edited = { ...known(6, 'bring this forward'), title: 'Hackathon: bring the date forward' }
    const { items } = dashboardItems({ known: [known(7, 'book it'), edited], changes: [], result: null, previous: {}, links: LINKS, today: TODAY })
    expect(items.map((each) => each.text)).toEqual(['book it', 'Hackathon: bring the date forward'])
  })

  test('old markers fall back to the issue\'s creation date; a source link edited to point elsewhere is dropped', () => {
    const old = { ...known(5, 'from before the dashboard', 'open', { source: 'https://evil.example/x#L1' }), identity: identity('iaas', [], 'from before the dashboard') }
    const { items } = dashboardItems({ known: [old], changes: [], result: null, previous: {}, links: LINKS, today: TODAY })
    expect(items).toEqual([{ issue: 5, text: 'from before the dashboard', series: 'iaas', owners: [], since: '2026-11-13', source: null, due: null, meetings: 1 }])
  })

  test('a hidden memory that is not ours (edited, forged, broken) is ignored', () => {
    expect(readFacts('<!-- minutes-automation:dashboard-state:bm90IGpzb24= -->')).toEqual({})
    expect(readFacts(`x ${factsComment({ 3: ['not a date', 1, null] })}`)).toEqual({})
    expect(readFacts(null)).toEqual({})
  })
})
