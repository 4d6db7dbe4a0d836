import type { IssueReference } from '../action-items/types.js'
import type { ItemOccurrence } from './occurrences.js'
import type { KnownIssue } from './plan-issues.js'

/**
 * Explicit identity: an item that references an action-item issue the action keeps (`#123`,
 * or that issue's URL) is that issue's item, however its text was edited since. Occurrence
 * index → issue. An issue referenced by several items is decided by the latest of them
 * (occurrences come in meeting order); the earlier ones are `superseded`: theirs too, but
 * they change nothing. A reference to any other issue or pull request is text.
 */
export function referencedIssues(occurrences: readonly ItemOccurrence[], known: readonly KnownIssue[]): { issues: Map<number, KnownIssue>; superseded: Set<number> } {
  const byNumber = new Map(known.map((issue) => [issue.number, issue]))
  const byUrl = new Map(known.map((issue) => [normaliseUrl(issue.url), issue]))
  const issues = new Map<number, KnownIssue>()
  const superseded = new Set<number>()
  const taken = new Set<KnownIssue>()
  for (let index = occurrences.length - 1; index >= 0; index--) {
    const references = occurrences[index]?.item.references ?? []
    const candidates = references.map((reference) => issueOf(reference, byNumber, byUrl)).filter((candidate) => candidate !== undefined)
    const issue = candidates.find((candidate) => !taken.has(candidate)) ?? candidates[0]
    if (!issue) continue
    issues.set(index, issue)
    if (taken.has(issue)) superseded.add(index)
    taken.add(issue)
  }
  return { issues, superseded }
}

function issueOf(reference: IssueReference, byNumber: ReadonlyMap<number, KnownIssue>, byUrl: ReadonlyMap<string, KnownIssue>): KnownIssue | undefined {
  if (reference.number !== null) return byNumber.get(reference.number)
  return reference.url === null ? undefined : byUrl.get(normaliseUrl(reference.url))
}

/** `https://github.com/o/r/issues/12/` and `…/issues/12#issuecomment-1` name the same issue. */
function normaliseUrl(url: string): string {
  const bare = url.trim().split(/[?#]/u)[0] ?? ''
  return bare.replace(/\/+$/u, '').toLowerCase()
}
