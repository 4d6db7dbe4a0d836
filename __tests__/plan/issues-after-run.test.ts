import { describe, expect, test } from '@jest/globals'
import type { ApplyResult } from '../../src/plan/apply-result.js'
import { issueMarker } from '../../src/plan/issue-marker.js'
import { issuesAfterRun } from '../../src/plan/issues-after-run.js'
import type { ItemOccurrence } from '../../src/plan/occurrences.js'
import type { IssueChange, KnownIssue } from '../../src/plan/plan-issues.js'
import { identity, issue, item } from './fixtures.js'

function seen(text: string): ItemOccurrence {
  return { item: item(text), path: 'iaas/20261126.md', date: '2026-11-26', series: 'iaas' }
}

const noWrites: ApplyResult = { created: [], closed: [], reopened: [], failed: [], forbidden: null, uncheckedOwners: 0 }

describe('issuesAfterRun: the listing as the run’s writes left it', () => {
  test('closes, duplicate closes and reopens change the state; created issues join with the identity their body holds; failed writes change nothing', () => {
    const known = [
      issue(1, identity('iaas', ['alice'], 'stays open')),
      issue(2, identity('iaas', ['alice'], 'ticked now')),
      issue(3, identity('iaas', ['alice'], 'reopened now'), 'closed', 'completed'),
      issue(4, identity('iaas', ['alice'], 'a duplicate of 1')),
      issue(5, identity('iaas', ['alice'], 'close failed')),
    ]
    const fresh = identity('iaas', ['bob'], 'new this week')
    const changes: IssueChange[] = [
      { kind: 'close', occurrence: seen('ticked now'), issue: known[1] as KnownIssue, comment: '' },
      { kind: 'reopen', occurrence: seen('reopened now'), issue: known[2] as KnownIssue, comment: '' },
      { kind: 'close', occurrence: seen('close failed'), issue: known[4] as KnownIssue, comment: '' },
      { kind: 'create', occurrence: seen('failed to create'), title: 'x', body: issueMarker(identity('iaas', ['bob'], 'failed to create')), labels: [] },
      { kind: 'create', occurrence: seen('new this week'), title: '[iaas] New this week', body: `Text\n\n${issueMarker(fresh)}`, labels: [] },
      { kind: 'close-duplicate', issue: known[3] as KnownIssue, duplicateOf: known[0] as KnownIssue, comment: '' },
    ]
    const result: ApplyResult = {
      ...noWrites,
      created: [{ number: 9, url: 'https://github.com/acme/minutes/issues/9', title: '[iaas] New this week' }],
      closed: [
        { number: 2, url: '', title: '' },
        { number: 4, url: '', title: '' },
      ],
      reopened: [{ number: 3, url: '', title: '' }],
      failed: [
        { change: changes[2] as IssueChange, message: '500' },
        { change: changes[3] as IssueChange, message: '500' },
      ],
    }
    expect(issuesAfterRun({ known, changes, result })).toEqual([
      known[0],
      { ...known[1], state: 'closed', stateReason: 'completed' },
      { ...known[2], state: 'open', stateReason: null },
      { ...known[3], state: 'closed', stateReason: 'duplicate' },
      known[4],
      { number: 9, url: 'https://github.com/acme/minutes/issues/9', title: '[iaas] New this week', state: 'open', stateReason: null, identity: fresh },
    ])
  })

  test('a run that wrote nothing (a dry run) leaves the listing as it was', () => {
    const known = [issue(1, identity('iaas', ['alice'], 'open')), issue(2, identity('iaas', ['alice'], 'closed'), 'closed', 'completed')]
    const changes: IssueChange[] = [{ kind: 'create', occurrence: seen('not written'), title: 'x', body: issueMarker(identity('iaas', ['bob'], 'not written')), labels: [] }]
    expect(issuesAfterRun({ known, changes, result: null })).toEqual(known)
  })
})
