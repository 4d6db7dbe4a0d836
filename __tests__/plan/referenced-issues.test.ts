import { describe, expect, test } from '@jest/globals'
import type { ActionItem } from '../../src/action-items/index.js'
import { seriesOf, type ItemOccurrence } from '../../src/plan/occurrences.js'
import { planIssues, type IssueChange, type IssuePlanOptions } from '../../src/plan/plan-issues.js'
import { LINKS, identity, issue, item } from './fixtures.js'

const OPTIONS: IssuePlanOptions = { label: 'action-item', teamLabel: null, links: LINKS }

function at(entry: ActionItem, references: ActionItem['references'], path = 'platform/20260115.md'): ItemOccurrence {
  return { item: { ...entry, ...(references ? { references } : {}) }, path, date: path.slice(-11, -3), series: seriesOf(path) }
}

function summary(changes: readonly IssueChange[]): Array<[string, string, number | null]> {
  return changes.map((change) => (change.kind === 'close-duplicate' ? [change.kind, '', change.issue.number] : [change.kind, change.occurrence.item.text, 'issue' in change && change.issue ? change.issue.number : null]))
}

const runbook = issue(12, identity('platform', ['alice'], 'write the upgrade runbook'))
const backups = issue(13, identity('platform', ['bob'], 'check the backup restore time'))

describe('explicit identity: an item referencing an action-item issue is that issue', () => {
  test('ticked with its text rewritten (and another owner): closes #12, opens nothing', () => {
    const ticked = at(item('runbook finally published on the wiki (#12)', { owners: ['carol'], done: true }), [{ number: 12, url: null }])
    expect(summary(planIssues([ticked], [runbook, backups], OPTIONS))).toEqual([['close', 'runbook finally published on the wiki (#12)', 12]])
  })

  test('unticked with edited text: #12 stays open, no second issue', () => {
    const open = at(item('runbook: only the restore part left (#12)', { owners: ['alice'] }), [{ number: 12, url: null }])
    expect(summary(planIssues([open], [runbook], OPTIONS))).toEqual([['unchanged', 'runbook: only the restore part left (#12)', 12]])
  })

  test("the issue's URL is a reference too", () => {
    const ticked = at(item('done, see the runbook', { owners: ['alice'], done: true }), [{ number: null, url: 'https://github.com/acme/minutes/issues/12/' }])
    expect(summary(planIssues([ticked], [runbook], OPTIONS))).toEqual([['close', 'done, see the runbook', 12]])
  })

  test('a reference to an issue the action does not keep is text: the item is matched, or opened, as before', () => {
    const other = at(item('write the upgrade runbook, see #99', { done: false }), [{ number: 99, url: null }])
    expect(summary(planIssues([other], [runbook], OPTIONS))).toEqual([['unchanged', 'write the upgrade runbook, see #99', 12]])
    const fresh = at(item('ask the vendor about #99'), [{ number: 99, url: null }])
    expect(summary(planIssues([fresh], [runbook], OPTIONS))).toEqual([['create', 'ask the vendor about #99', null]])
  })

  test('an explicit reference wins over a text match: the similar item gets no issue of another', () => {
    // The first line says #13's words but references #12; the second is #13's item by text.
    const byReference = at(item('check the backup restore time (#12)', { owners: ['bob'], done: true }), [{ number: 12, url: null }])
    const byText = at(item('check the backup restore time again', { owners: ['bob'] }), undefined)
    expect(summary(planIssues([byReference, byText], [runbook, backups], OPTIONS))).toEqual([
      ['close', 'check the backup restore time (#12)', 12],
      ['unchanged', 'check the backup restore time again', 13],
    ])
  })

  test('two items referencing one issue: the later decides, the earlier changes nothing, no second issue', () => {
    const earlier = at(item('write the upgrade runbook (#12)'), [{ number: 12, url: null }], 'platform/20260108.md')
    const later = at(item('runbook reviewed (#12)', { owners: ['alice'], done: true }), [{ number: 12, url: null }], 'platform/20260115.md')
    expect(summary(planIssues([earlier, later], [runbook], OPTIONS))).toEqual([
      ['unchanged', 'write the upgrade runbook (#12)', 12],
      ['close', 'runbook reviewed (#12)', 12],
    ])
  })

  test('a line naming nobody does not close an issue that has owners, even by reference (issue 17: identity is not a weapon)', () => {
    const anonymous = at(item('done (#12)', { owners: [], done: true }), [{ number: 12, url: null }])
    const changes = planIssues([anonymous], [runbook], OPTIONS)
    expect(summary(changes)).toEqual([['unchanged', 'done (#12)', 12]])
    expect(changes[0]).toMatchObject({ kind: 'unchanged', ownersDiffer: true })
    const unowned = issue(14, identity('platform', [], 'order the spare disks'))
    expect(summary(planIssues([at(item('disks ordered (#14)', { owners: [], done: true }), [{ number: 14, url: null }])], [unowned], OPTIONS))).toEqual([['close', 'disks ordered (#14)', 14]])
  })
})
