import { readIssueMarker } from '../plan/issue-marker.js'
import { readSourceLink } from '../plan/issue-text.js'
import type { KnownIssue } from '../plan/plan-issues.js'
import type { GitHubClient, Repository } from './client.js'

/**
 * The issues that track action items: every issue with our label, open or closed, whose body
 * holds a valid marker. Listing by label (not the search API, which lags behind and has its
 * own rate limit) sees an issue the moment it is created, so re-runs never duplicate it.
 */
export async function listKnownIssues(client: GitHubClient, repository: Repository, label: string): Promise<KnownIssue[]> {
  const issues = await client.paginate(client.rest.issues.listForRepo, { ...repository, labels: label, state: 'all', per_page: 100 })
  const known: KnownIssue[] = []
  for (const issue of issues) {
    if (issue.pull_request) continue
    const identity = readIssueMarker(issue.body)
    if (!identity) continue
    known.push({
      number: issue.number,
      url: issue.html_url,
      title: issue.title,
      state: issue.state === 'closed' ? 'closed' : 'open',
      stateReason: issue.state_reason ?? null,
      identity,
      createdAt: issue.created_at.slice(0, 10),
      source: readSourceLink(issue.body),
    })
  }
  return known
}
