import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractActionItems } from '../../src/action-items/index.js'
import { parseMarkdown } from '../../src/parse/parse-markdown.js'
import { identityOf } from '../../src/plan/issue-text.js'
import { latestOccurrences } from '../../src/plan/occurrences.js'
import { planIssues, type KnownIssue } from '../../src/plan/plan-issues.js'
import { PROJECT_ROOT } from '../../test-support/real-minutes.js'
import { LINKS, file, report } from './fixtures.js'

const SERIES = join(PROJECT_ROOT, '__tests__/fixtures/action-items/carry-over')
const IDENTITIES = (JSON.parse(readFileSync(join(SERIES, 'identities.json'), 'utf8')) as { files: Record<string, Record<string, string>> }).files
const MEETINGS = Object.keys(IDENTITIES).sort()

/**
 * The carry-over series pushed one meeting at a time, each push's plan carried out on a list
 * of issues: the identity guard (same owners to close or reopen) must not cost the normal
 * case, owners reordered, an owner given later to an item that had none, done marks.
 */
describe('the carry-over series, one push per meeting', () => {
  test('every item has one issue; each item marked done closes its own; nothing else is closed', () => {
    const issues: Array<KnownIssue & { key: string }> = []
    const closedBy: Record<string, string> = {}
    for (const path of MEETINGS) {
      const date = path.slice(-11, -3).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')
      const items = extractActionItems(parseMarkdown(readFileSync(join(SERIES, path), 'utf8')))
      const keys = IDENTITIES[path] ?? {}
      const occurrences = latestOccurrences(report([file(path, date, { actionItems: items })]))
      for (const change of planIssues(occurrences, issues, { label: 'action-item', teamLabel: null, links: LINKS })) {
        if (change.kind === 'create') {
          const number = issues.length + 1
          issues.push({ number, url: `https://github.com/acme/minutes/issues/${number}`, title: change.title, state: 'open', stateReason: null, identity: identityOf(change.occurrence), key: keys[change.occurrence.item.line] ?? '?' })
        } else if (change.kind === 'close' || change.kind === 'reopen') {
          const tracked = issues.find((issue) => issue.number === change.issue.number)
          expect(tracked?.key).toBe(keys[change.occurrence.item.line])
          if (tracked) Object.assign(tracked, { state: change.kind === 'close' ? 'closed' : 'open', stateReason: change.kind === 'close' ? 'completed' : 'reopened' })
          if (change.kind === 'close') closedBy[keys[change.occurrence.item.line] ?? '?'] = path
        } else if (change.kind === 'unchanged') {
          expect(change.ownersDiffer).toBeUndefined()
        }
      }
    }
    expect(issues.map((issue) => issue.key).sort()).toEqual([...new Set(Object.values(IDENTITIES).flatMap((keys) => Object.values(keys)))].sort())
    expect(closedBy).toEqual({
      'link-checker': 'platform/20261111.md',
      'storage-adr': 'platform/20261118.md',
      'runbook-1.34': 'platform/20261125.md',
      'hackathon-agenda': 'platform/20261125.md',
      'hackathon-venue': 'platform/20261125.md',
      // Written without an owner on 2026-11-11, given to @erin a week later, marked done by her.
      'on-call-rota': 'platform/20261202.md',
      'registry-quotes': 'platform/20261202.md',
    })
  })
})
