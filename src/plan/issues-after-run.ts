import type { ApplyResult } from './apply-result.js'
import { readIssueMarker } from './issue-marker.js'
import type { CreateIssue, IssueChange, KnownIssue } from './plan-issues.js'

/** What a run did with action-item issues: the listing it made (before its writes), its plan and what it wrote. */
export interface IssuesOfRun {
  known: readonly KnownIssue[]
  changes: readonly IssueChange[]
  result: ApplyResult | null
}

/**
 * The action-item issues as the run leaves them, without listing them again: the listing
 * made before its writes, with the closes and reopens it made, and the issues it created
 * (their identity read back from the body it wrote, as a listing reads it). Pure.
 */
export function issuesAfterRun(run: IssuesOfRun): KnownIssue[] {
  const { known, changes, result } = run
  const closed = new Map(changes.flatMap((change) => (change.kind === 'close' || change.kind === 'close-duplicate' ? [[change.issue.number, change.kind === 'close' ? 'completed' : 'duplicate'] as const] : [])))
  const closedNow = new Set(result?.closed.map((issue) => issue.number) ?? [])
  const reopened = new Set(result?.reopened.map((issue) => issue.number) ?? [])
  const after: KnownIssue[] = known.map((issue) => {
    if (closedNow.has(issue.number)) return { ...issue, state: 'closed', stateReason: closed.get(issue.number) ?? 'completed' }
    if (reopened.has(issue.number)) return { ...issue, state: 'open', stateReason: null }
    return issue
  })
  for (const [change, created] of createdIssues(changes, result)) {
    const identity = readIssueMarker(change.body)
    if (identity) after.push({ number: created.number, url: created.url, title: created.title, state: 'open', stateReason: null, identity })
  }
  return after
}

/**
 * The creates that succeeded, paired with the issues they made: `applyPlan` creates in plan
 * order and records each failure with its change, so the rest line up with `result.created`.
 */
export function createdIssues(changes: readonly IssueChange[], result: ApplyResult | null): Array<[CreateIssue, ApplyResult['created'][number]]> {
  if (!result) return []
  const failed = new Set(result.failed.map((failure) => failure.change))
  const done = changes.filter((change): change is CreateIssue => change.kind === 'create' && !failed.has(change))
  return done.flatMap((change, index) => {
    const created = result.created[index]
    return created ? [[change, created] as [CreateIssue, ApplyResult['created'][number]]] : []
  })
}
